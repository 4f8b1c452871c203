import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { ConcernStack } from '../../../infra/aws/constructs/concern';

/**
 * A stack holding one construct under test and the least it depends on. Bundling is skipped
 * (`aws:cdk:bundling-stacks: []`): these tests read the template, not the code.
 */
export function bareStack() {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new ConcernStack(app, 'Bare', { env: { region: 'eu-central-1' } });
  return {
    stack,
    role: (id: string) => new iam.Role(stack, id, { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') }),
    queue: (id = 'Queue') => new Queue(stack, id),
    template: () => Template.fromStack(stack),
  };
}
