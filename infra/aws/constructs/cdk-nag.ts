import { Stack, Token, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/** Acknowledge one cdk-nag finding on a construct; the reason is mandatory and travels with it. */
export function acknowledge(scope: IConstruct, id: string, reason: string) {
  Validations.of(scope).acknowledge({ id, reason });
}

/** How cdk-nag spells an ARN prefix of this stack in a finding id (unresolved parts as <Pseudo::Param>). */
export function nagArn(scope: IConstruct, service: string): string {
  const { region, account } = Stack.of(scope);
  const r = Token.isUnresolved(region) ? '<AWS::Region>' : region;
  const a = Token.isUnresolved(account) ? '<AWS::AccountId>' : account;
  return `arn:<AWS::Partition>:${service}:${r}:${a}:`;
}

export const tableArn = (scope: IConstruct, name: string) =>
  Stack.of(scope).formatArn({ service: 'dynamodb', resource: 'table', resourceName: name });
