import { CfnCondition, type CfnResource, Duration, Fn, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Subscription, SubscriptionProtocol, Topic } from 'aws-cdk-lib/aws-sns';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import { acknowledge } from './cdk-nag';
import { Concern } from './concern';
import { cap } from './redress-function';

export type ObservabilityProps = {
  stage: string;
  /** Subscribed to the alarm topic; empty: no subscription (a CloudFormation condition). */
  alarmEmail: string;
};

export type Watched = {
  functions: Record<string, NodejsFunction>;
  stateMachine: StateMachine;
  api: HttpApi;
};

/**
 * Where failures go and who hears of them: the dead-letter queue for failed asynchronous work, an
 * encrypted alarm topic (with an optional e-mail subscription), and — once the rest of the stack
 * exists — alarms and a dashboard over it (`watch`).
 */
export class Observability extends Concern {
  readonly deadLetterQueue: Queue;
  readonly alarmTopic: Topic;
  private readonly stageName: string;

  constructor(scope: Construct, id: string, props: ObservabilityProps) {
    super(scope, id);
    this.stageName = props.stage;
    this.deadLetterQueue = new Queue(this, 'DeadLetterQueue', {
      queueName: `redress-${props.stage}-dlq`,
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    acknowledge(
      this.deadLetterQueue,
      'AwsSolutions-SQS3',
      'This queue is the terminal dead-letter queue for failed asynchronous work (provisioner invocations, failed executions); it has no DLQ of its own by design.',
    );

    const opsKey = new Key(this, 'OpsKey', {
      description: `Redress ${props.stage}: alarm topic encryption`,
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // CloudWatch alarms publish to the encrypted topic: the key must let CloudWatch use it.
    opsKey.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
    );
    this.alarmTopic = new Topic(this, 'AlarmTopic', {
      topicName: `redress-${props.stage}-alarms`,
      masterKey: opsKey,
      enforceSSL: true,
    });
    const hasEmail = new CfnCondition(this, 'HasAlarmEmail', {
      expression: Fn.conditionNot(Fn.conditionEquals(props.alarmEmail, '')),
    });
    const subscription = new Subscription(this, 'AlarmEmailSubscription', {
      topic: this.alarmTopic,
      protocol: SubscriptionProtocol.EMAIL,
      endpoint: props.alarmEmail,
    });
    (subscription.node.defaultChild as CfnResource).cfnOptions.condition = hasEmail;
  }

  /** Alarms (to the topic) and the dashboard over the functions, the lifecycle and the API. */
  watch(w: Watched) {
    const alarmAction = new SnsAction(this.alarmTopic);
    const alarm = (aid: string, a: cloudwatch.AlarmProps) => {
      const al = new cloudwatch.Alarm(this, aid, { treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING, ...a });
      al.addAlarmAction(alarmAction);
      return al;
    };
    const { api, stateMachine } = w;
    const functions = Object.values(w.functions);
    const dlqDepth = this.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
      period: Duration.minutes(1),
      statistic: 'Maximum',
    });
    alarm('DlqDepthAlarm', {
      alarmDescription: 'Failed asynchronous work is waiting in the dead-letter queue',
      metric: dlqDepth,
      threshold: 0,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
    });
    const failedExecutions = new cloudwatch.MathExpression({
      label: 'Failed, timed-out and aborted executions',
      expression: 'failed + timedOut + aborted',
      usingMetrics: {
        failed: stateMachine.metricFailed({ statistic: 'Sum' }),
        timedOut: stateMachine.metricTimedOut({ statistic: 'Sum' }),
        aborted: stateMachine.metricAborted({ statistic: 'Sum' }),
      },
      period: Duration.minutes(5),
    });
    alarm('FailedExecutionsAlarm', {
      alarmDescription: 'Lifecycle executions failed, timed out or were aborted',
      metric: failedExecutions,
      threshold: 0,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
    });
    const api5xxRate = new cloudwatch.MathExpression({
      label: 'API 5xx rate (%)',
      expression: 'IF(requests > 0, 100 * errors / requests, 0)',
      usingMetrics: {
        errors: api.metricServerError({ statistic: 'Sum' }),
        requests: api.metricCount({ statistic: 'Sum' }),
      },
      period: Duration.minutes(5),
    });
    alarm('Api5xxRateAlarm', {
      alarmDescription: 'More than 1 % of API requests answered 5xx',
      metric: api5xxRate,
      threshold: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 3,
      datapointsToAlarm: 2,
    });
    for (const [name, f] of Object.entries(w.functions)) {
      alarm(`${cap(name)}ThrottlesAlarm`, {
        alarmDescription: `The ${name} function is throttled`,
        metric: f.metricThrottles({ period: Duration.minutes(5), statistic: 'Sum' }),
        threshold: 0,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
      });
    }

    const dashboard = new cloudwatch.Dashboard(this, 'Dashboard', { dashboardName: `redress-${this.stageName}` });
    const graph = (title: string, left: cloudwatch.IMetric[], width: number) =>
      new cloudwatch.GraphWidget({ title, left, width });
    dashboard.addWidgets(
      graph('API requests and errors', [api.metricCount(), api.metricClientError(), api.metricServerError()], 12),
      graph('API latency', [api.metricLatency({ statistic: 'p50' }), api.metricLatency({ statistic: 'p99' })], 12),
    );
    dashboard.addWidgets(
      graph(
        'Lambda errors',
        functions.map((f) => f.metricErrors()),
        8,
      ),
      graph(
        'Lambda throttles',
        functions.map((f) => f.metricThrottles()),
        8,
      ),
      graph(
        'Lambda duration p99',
        functions.map((f) => f.metricDuration({ statistic: 'p99' })),
        8,
      ),
    );
    dashboard.addWidgets(
      graph(
        'Lifecycle executions',
        [
          stateMachine.metricStarted(),
          stateMachine.metricSucceeded(),
          stateMachine.metricFailed(),
          stateMachine.metricTimedOut(),
          stateMachine.metricAborted(),
        ],
        12,
      ),
      graph('Dead-letter queue depth', [dlqDepth], 6),
      graph('API 5xx rate (%)', [api5xxRate], 6),
    );
  }
}
