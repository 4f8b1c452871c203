import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { acknowledge, nagArn, tableArn } from './cdk-nag';
import { Concern } from './concern';
import { redressFunction } from './redress-function';

export type WebhookDeliveryProps = {
  stage: string;
  tablePrefix: string;
  tenantDataRole: iam.Role;
  /** Lets a role assume the tenant data role with a `tenant` tag (TenantIsolation's trust policy). */
  allowTenantSessions: (role: iam.Role) => void;
  alarmTopic: ITopic;
};

/** Attempts that keep failing inside the sender (not the endpoint's failures: those are rescheduled). */
const SENDER_RECEIVES = 5;

/**
 * Webhook delivery: the dispatcher reads every tenant table's stream (an event source mapping per
 * table, created by the provisioner at onboarding) and creates deliveries; the sender takes due
 * attempts off an SQS queue (delays up to 15 min, longer waits hop) and posts them. Messages the
 * sender itself cannot process land in the delivery DLQ, which alarms.
 */
export class WebhookDelivery extends Concern {
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;
  readonly dispatcher: NodejsFunction;
  readonly sender: NodejsFunction;
  readonly dispatcherRole: iam.Role;
  readonly senderRole: iam.Role;

  constructor(scope: Construct, id: string, props: WebhookDeliveryProps) {
    super(scope, id);
    const lambdaRole = (rid: string, description: string) =>
      new iam.Role(this, rid, { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'), description });
    this.dispatcherRole = lambdaRole(
      'WebhookDispatcherRole',
      'Reads tenant table streams; writes deliveries only through TenantDataRole',
    );
    this.senderRole = lambdaRole(
      'WebhookSenderRole',
      'Sends webhook attempts; tenant data only through TenantDataRole',
    );
    for (const r of [this.dispatcherRole, this.senderRole]) props.allowTenantSessions(r);

    this.deadLetterQueue = new Queue(this, 'WebhookDeadLetterQueue', {
      queueName: `redress-${props.stage}-webhooks-dlq`,
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    acknowledge(
      this.deadLetterQueue,
      'AwsSolutions-SQS3',
      'The terminal queue of webhook attempts the sender could not process; it has no DLQ of its own by design.',
    );
    this.queue = new Queue(this, 'WebhookQueue', {
      queueName: `redress-${props.stage}-webhooks`,
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // Above the sender's timeout times the batch, so a message in flight is not handed out twice.
      visibilityTimeout: Duration.seconds(120),
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: SENDER_RECEIVES },
    });

    const env = {
      REDRESS_TENANT_ROLE_ARN: props.tenantDataRole.roleArn,
      REDRESS_WEBHOOK_QUEUE_URL: this.queue.queueUrl,
    };
    this.dispatcher = redressFunction(this, 'webhook-dispatcher', {
      role: this.dispatcherRole,
      tablePrefix: props.tablePrefix,
      description: 'Redress webhook dispatcher (tenant table streams → deliveries)',
      timeout: Duration.seconds(60),
      memory: 512,
      env,
    });
    this.sender = redressFunction(this, 'webhook-sender', {
      role: this.senderRole,
      tablePrefix: props.tablePrefix,
      description: 'Redress webhook sender (one signed POST per due attempt)',
      // Ten attempts in parallel, each bounded by the 15 s send timeout, plus the bookkeeping.
      timeout: Duration.seconds(60),
      memory: 512,
      env,
    });
    this.queue.grantSendMessages(this.dispatcherRole);
    this.queue.grantSendMessages(this.senderRole);
    this.sender.addEventSource(
      new SqsEventSource(this.queue, { batchSize: 10, reportBatchItemFailures: true, maxConcurrency: 50 }),
    );

    // The dispatcher reads the streams of tenant tables only; the mapping per table is made at onboarding.
    const streams = `${tableArn(this, `${props.tablePrefix}tenant-*`)}/stream/*`;
    this.dispatcherRole.addToPolicy(
      new iam.PolicyStatement({
        sid: 'TenantTableStreams',
        actions: [
          'dynamodb:DescribeStream',
          'dynamodb:GetRecords',
          'dynamodb:GetShardIterator',
          'dynamodb:ListStreams',
        ],
        resources: [streams],
      }),
    );
    acknowledge(
      this.dispatcherRole,
      `AwsSolutions-IAM5[Resource::${nagArn(this, 'dynamodb')}table/${props.tablePrefix}tenant-*/stream/*]`,
      'Tenant tables are created at onboarding and a stream ARN carries its creation time: the dispatcher reads the streams of every tenant table, nothing else.',
    );

    const alarmAction = new SnsAction(props.alarmTopic);
    const alarm = (aid: string, a: cloudwatch.AlarmProps) =>
      new cloudwatch.Alarm(this, aid, {
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        ...a,
      }).addAlarmAction(alarmAction);
    alarm('WebhookDlqDepthAlarm', {
      alarmDescription: 'Webhook attempts the sender could not process are in the webhook DLQ',
      metric: this.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(1),
        statistic: 'Maximum',
      }),
      threshold: 0,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
    });
    const failureRate = new cloudwatch.MathExpression({
      label: 'Webhook sender and dispatcher error rate (%)',
      expression: 'IF(calls > 0, 100 * errors / calls, 0)',
      usingMetrics: {
        errors: new cloudwatch.MathExpression({
          expression: 'e1 + e2',
          usingMetrics: {
            e1: this.sender.metricErrors({ statistic: 'Sum' }),
            e2: this.dispatcher.metricErrors({ statistic: 'Sum' }),
          },
        }),
        calls: new cloudwatch.MathExpression({
          expression: 'i1 + i2',
          usingMetrics: {
            i1: this.sender.metricInvocations({ statistic: 'Sum' }),
            i2: this.dispatcher.metricInvocations({ statistic: 'Sum' }),
          },
        }),
      },
      period: Duration.minutes(5),
    });
    alarm('WebhookFailureRateAlarm', {
      alarmDescription: 'More than 5 % of webhook dispatcher or sender invocations fail',
      metric: failureRate,
      threshold: 5,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 3,
      datapointsToAlarm: 2,
    });
  }

  /** Roles that queue attempts themselves (the API: test events, replays, resume). */
  grantEnqueue(role: iam.Role) {
    this.queue.grantSendMessages(role);
  }

  /** The provisioner connects each new tenant table's stream to the dispatcher, and to nothing else. */
  grantConnectStreams(role: iam.Role) {
    role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'ConnectTenantStreams',
        actions: ['lambda:CreateEventSourceMapping', 'lambda:ListEventSourceMappings'],
        resources: ['*'],
        conditions: { StringEquals: { 'lambda:FunctionArn': this.dispatcher.functionArn } },
      }),
    );
    acknowledge(
      role,
      'AwsSolutions-IAM5[Resource::*]',
      'Event source mappings are created per tenant table at onboarding and have no ARN before; the statement is limited by lambda:FunctionArn to the webhook dispatcher.',
    );
  }
}
