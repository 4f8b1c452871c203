import { Match } from 'aws-cdk-lib/assertions';
import { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { DefinitionBody, Pass, StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { describe, expect, it } from 'vitest';
import { Observability } from '../../../infra/aws/constructs/observability';
import { bareStack } from './bare-stack';

function build(watch: boolean) {
  const b = bareStack();
  const o = new Observability(b.stack, 'Observability', { stage: 'x', alarmEmail: 'ops@example.com' });
  if (watch) {
    const fn = (id: string) =>
      new LambdaFunction(b.stack, id, {
        runtime: Runtime.NODEJS_22_X,
        handler: 'index.handler',
        code: Code.fromInline('0'),
      });
    o.watch({
      functions: { api: fn('A') as never, workflow: fn('W') as never },
      stateMachine: new StateMachine(b.stack, 'Sm', {
        definitionBody: DefinitionBody.fromChainable(new Pass(b.stack, 'P')),
      }),
      api: new HttpApi(b.stack, 'Http'),
    });
  }
  return { o, t: b.template() };
}

describe('Observability construct', () => {
  it('has the encrypted, TLS-only dead-letter queue and alarm topic, and a conditional e-mail subscription', () => {
    const { t } = build(false);
    t.hasResourceProperties('AWS::SQS::Queue', { QueueName: 'redress-x-dlq', SqsManagedSseEnabled: true });
    t.hasResourceProperties('AWS::SNS::Topic', { TopicName: 'redress-x-alarms', KmsMasterKeyId: Match.anyValue() });
    t.hasResource('AWS::SNS::Subscription', { Properties: { Protocol: 'email' }, Condition: 'HasAlarmEmail' });
    t.resourceCountIs('AWS::CloudWatch::Alarm', 0);
  });

  it('watches what it is given: DLQ depth, failed executions, API 5xx, throttles per function, to the topic', () => {
    const { t } = build(true);
    const alarms = Object.values(t.findResources('AWS::CloudWatch::Alarm')).map((a) => a.Properties);
    expect(alarms.map((a) => a.AlarmDescription).sort()).toEqual(
      [
        'Failed asynchronous work is waiting in the dead-letter queue',
        'Lifecycle executions failed, timed out or were aborted',
        'More than 1 % of API requests answered 5xx',
        'The api function is throttled',
        'The workflow function is throttled',
      ].sort(),
    );
    for (const a of alarms) expect(a.AlarmActions).toEqual([{ Ref: expect.stringMatching(/^AlarmTopic/) }]);
    t.hasResourceProperties('AWS::CloudWatch::Dashboard', { DashboardName: 'redress-x' });
  });
});
