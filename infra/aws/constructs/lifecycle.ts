import { ArnFormat, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { EventBus, Rule } from 'aws-cdk-lib/aws-events';
import { SqsQueue } from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { DefinitionBody, LogLevel, StateMachine, StateMachineType } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import { lifecycleDefinition } from '../../../shared/workflow/definition';
import { acknowledge, nagArn } from './cdk-nag';
import { Concern } from './concern';
import { redressFunction } from './redress-function';

export type LifecycleProps = {
  stage: string;
  /** The machine is `<prefix>lifecycle`. */
  tablePrefix: string;
  /** The workflow function's role (TenantIsolation's trust boundary for state machine tasks). */
  workflowRole: iam.Role;
  tenantDataRole: iam.Role;
  /** Where failed, timed-out and aborted executions are sent. */
  deadLetterQueue: IQueue;
};

/**
 * The complaint lifecycle: the Standard state machine from the shared ASL, the workflow function
 * that runs its tasks, the bus its escalation events go to, and who may start and signal it.
 */
export class Lifecycle extends Concern {
  readonly stateMachine: StateMachine;
  readonly stateMachineName: string;
  /** Constructed, not referenced: the workflow function needs the ARN and the machine needs the function's. */
  readonly stateMachineArn: string;
  readonly workflow: NodejsFunction;
  readonly bus: EventBus;
  private readonly executionArns: string;

  constructor(scope: Construct, id: string, props: LifecycleProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.stateMachineName = `${props.tablePrefix}lifecycle`;
    this.stateMachineArn = stack.formatArn({
      service: 'states',
      resource: 'stateMachine',
      resourceName: this.stateMachineName,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
    this.executionArns = stack.formatArn({
      service: 'states',
      resource: 'execution',
      resourceName: `${this.stateMachineName}:*`,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
    this.bus = new EventBus(this, 'LifecycleBus', { eventBusName: `redress-${props.stage}-lifecycle` });

    this.grantExecutions(props.workflowRole);
    props.workflowRole.addToPolicy(
      new iam.PolicyStatement({
        sid: 'LifecycleEvents',
        actions: ['events:PutEvents'],
        resources: [this.bus.eventBusArn],
      }),
    );
    this.workflow = redressFunction(this, 'workflow', {
      role: props.workflowRole,
      tablePrefix: props.tablePrefix,
      description: 'Redress lifecycle task handler (Step Functions)',
      timeout: Duration.seconds(50),
      memory: 1024,
      env: {
        REDRESS_TENANT_ROLE_ARN: props.tenantDataRole.roleArn,
        REDRESS_STATE_MACHINE_ARN: this.stateMachineArn,
        REDRESS_EVENT_BUS: this.bus.eventBusName,
      },
    });

    const logs = new LogGroup(this, 'LifecycleLogs', {
      retention: RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const role = new iam.Role(this, 'LifecycleRole', {
      assumedBy: new iam.ServicePrincipal('states.amazonaws.com'),
      description: 'Lifecycle state machine: invokes the workflow function only',
    });
    role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'InvokeWorkflow',
        actions: ['lambda:InvokeFunction'],
        resources: [this.workflow.functionArn],
      }),
    );
    this.stateMachine = new StateMachine(this, 'Lifecycle', {
      stateMachineName: this.stateMachineName,
      stateMachineType: StateMachineType.STANDARD,
      definitionBody: DefinitionBody.fromString(JSON.stringify(lifecycleDefinition())),
      definitionSubstitutions: { WorkflowFunctionArn: this.workflow.functionArn },
      role,
      tracingEnabled: true,
      // Without execution data: it may carry personal data.
      logs: { destination: logs, level: LogLevel.ALL, includeExecutionData: false },
    });
    acknowledge(
      role,
      'AwsSolutions-IAM5[Resource::*]',
      'Step Functions log delivery (logs:CreateLogDelivery & co.) and X-Ray tracing have no resource-level permissions.',
    );

    new Rule(this, 'FailedExecutionsToDlq', {
      description: 'Lifecycle executions that failed, timed out or were aborted',
      eventPattern: {
        source: ['aws.states'],
        detailType: ['Step Functions Execution Status Change'],
        detail: {
          status: ['FAILED', 'TIMED_OUT', 'ABORTED'],
          stateMachineArn: [this.stateMachine.stateMachineArn],
        },
      },
      targets: [new SqsQueue(props.deadLetterQueue)],
    });
  }

  /** Start executions, complete task tokens and describe executions of this machine only. */
  grantExecutions(role: iam.Role) {
    const allow = (sid: string, actions: string[], resources: string[]) =>
      role.addToPolicy(new iam.PolicyStatement({ sid, actions, resources }));
    allow('LifecycleExecutions', ['states:StartExecution'], [this.stateMachineArn]);
    allow('LifecycleTaskTokens', ['states:SendTaskSuccess', 'states:SendTaskFailure'], [this.stateMachineArn]);
    allow('LifecycleDescribe', ['states:DescribeExecution'], [this.executionArns]);
    acknowledge(
      role,
      `AwsSolutions-IAM5[Resource::${nagArn(this, 'states')}execution:${this.stateMachineName}:*]`,
      'Executions are named after complaint ids (<id>-r<n> after a restart); DescribeExecution (and, for the operator’s lifecycle repair, StopExecution) on this state machine’s executions only.',
    );
  }

  /**
   * Stopping an execution, for the operator's lifecycle repair, on top of `grantExecutions` (which
   * describes it and starts the one that replaces it under a new name): this machine's executions only.
   */
  grantRestarts(role: iam.Role) {
    role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'LifecycleRestarts',
        actions: ['states:StopExecution'],
        resources: [this.executionArns],
      }),
    );
  }
}
