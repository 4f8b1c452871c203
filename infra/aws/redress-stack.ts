import { CfnOutput, type StackProps } from 'aws-cdk-lib';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { Construct } from 'constructs';
import type { FunctionName } from './bundling';
import { ConcernStack } from './constructs/concern';
import { ControlPlane } from './constructs/control-plane';
import { DeployParameters, type ParameterDefaults } from './constructs/deploy-parameters';
import { RedressHttpApi } from './constructs/http-api';
import { Lifecycle } from './constructs/lifecycle';
import { Observability } from './constructs/observability';
import { TenantIsolation } from './constructs/tenant-isolation';
import { WebhookDelivery } from './constructs/webhook-delivery';

export type RedressStackProps = StackProps & {
  /** Deployment stage, part of every physical name (default `dev`). */
  stage: string;
  /** Prefix of every table (`<prefix>control-plane`, `<prefix>tenant-<id>`); `^[a-z0-9-]*$`. */
  tablePrefix: string;
  /** Defaults of the identity parameters (overridable per deploy with `--parameters`). */
  defaults?: ParameterDefaults;
};

/**
 * Redress on AWS, composed of one construct per concern (infra/aws/constructs/). Tenant tables are
 * not in this stack: the provisioner creates one per tenant at onboarding. The concerns do not
 * take part in logical ids (`ConcernStack`), so the template keeps the ids it had before them.
 */
export class RedressStack extends ConcernStack {
  readonly functions: Record<FunctionName, NodejsFunction>;
  readonly stateMachineName: string;
  readonly controlPlane: ControlPlane;
  readonly isolation: TenantIsolation;
  readonly lifecycle: Lifecycle;
  readonly http: RedressHttpApi;
  readonly webhooks: WebhookDelivery;

  constructor(scope: Construct, id: string, props: RedressStackProps) {
    super(scope, id, props);
    const { stage, tablePrefix } = props;
    if (!/^[a-z0-9-]*$/.test(tablePrefix)) throw new Error(`tablePrefix must match ^[a-z0-9-]*$: ${tablePrefix}`);

    const params = new DeployParameters(this, 'Parameters', props.defaults);
    const observability = new Observability(this, 'Observability', { stage, alarmEmail: params.alarmEmail });
    const controlPlane = new ControlPlane(this, 'ControlPlane', { stage, tablePrefix });
    const isolation = new TenantIsolation(this, 'TenantIsolation', {
      tablePrefix,
      deadLetterQueue: observability.deadLetterQueue,
    });
    const { roles, tenantDataRole } = isolation;
    for (const r of [roles.api, roles.workflow, roles.regulator]) controlPlane.grantRead(r);
    for (const r of [roles.admin, roles.provisioner]) controlPlane.grantReadWrite(r);

    const lifecycle = new Lifecycle(this, 'LifecycleConcern', {
      stage,
      tablePrefix,
      workflowRole: roles.workflow,
      tenantDataRole,
      deadLetterQueue: observability.deadLetterQueue,
    });
    lifecycle.grantExecutions(roles.api);

    const http = new RedressHttpApi(this, 'Api', {
      stage,
      tablePrefix,
      roles,
      tenantDataRole,
      idp: params.idp,
      regulator: params.regulator,
      operator: params.operator,
      stateMachineArn: lifecycle.stateMachineArn,
      provisionerFunctionName: isolation.provisioner.functionName,
      publicUrl: params.publicUrl,
    });

    const webhooks = new WebhookDelivery(this, 'Webhooks', {
      stage,
      tablePrefix,
      tenantDataRole,
      allowTenantSessions: (r) => isolation.allowTenantSessions(r),
      alarmTopic: observability.alarmTopic,
    });
    for (const r of [webhooks.dispatcherRole, webhooks.senderRole]) controlPlane.grantRead(r);
    webhooks.grantEnqueue(roles.api);
    http.functions.api.addEnvironment('REDRESS_WEBHOOK_QUEUE_URL', webhooks.queue.queueUrl);
    // Loading a calendar year recounts the open provisional complaints of every tenant and re-arms
    // their timers: the operator's function reaches each tenant table through the tagged tenant
    // role (one tenant per session, as every other function) and signals the lifecycle.
    isolation.allowTenantSessions(roles.admin);
    lifecycle.grantExecutions(roles.admin);
    // Lifecycle repair (POST /admin/v1/tenants/{id}/lifecycle-repair) stops an execution and starts its successor.
    lifecycle.grantRestarts(roles.admin);
    http.functions.admin.addEnvironment('REDRESS_TENANT_ROLE_ARN', tenantDataRole.roleArn);
    http.functions.admin.addEnvironment('REDRESS_STATE_MACHINE_ARN', lifecycle.stateMachineArn);
    webhooks.grantConnectStreams(roles.provisioner);
    isolation.provisioner.addEnvironment('REDRESS_WEBHOOK_DISPATCHER_FUNCTION', webhooks.dispatcher.functionName);

    this.controlPlane = controlPlane;
    this.webhooks = webhooks;
    this.isolation = isolation;
    this.lifecycle = lifecycle;
    this.http = http;
    this.stateMachineName = lifecycle.stateMachineName;
    this.functions = {
      ...http.functions,
      workflow: lifecycle.workflow,
      provisioner: isolation.provisioner,
      'webhook-dispatcher': webhooks.dispatcher,
      'webhook-sender': webhooks.sender,
    };
    observability.watch({ functions: this.functions, stateMachine: lifecycle.stateMachine, api: http.api });

    new CfnOutput(this, 'ApiUrl', { value: http.api.apiEndpoint });
    new CfnOutput(this, 'StateMachineArn', { value: lifecycle.stateMachine.stateMachineArn });
    new CfnOutput(this, 'ControlPlaneTableName', { value: controlPlane.table.tableName });
    new CfnOutput(this, 'TenantDataRoleArn', { value: tenantDataRole.roleArn });
    new CfnOutput(this, 'DeadLetterQueueUrl', { value: observability.deadLetterQueue.queueUrl });
    new CfnOutput(this, 'AlarmTopicArn', { value: observability.alarmTopic.topicArn });
    new CfnOutput(this, 'WebhookQueueUrl', { value: webhooks.queue.queueUrl });
  }
}
