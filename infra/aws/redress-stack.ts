import {
  ArnFormat,
  CfnCondition,
  CfnOutput,
  CfnParameter,
  type CfnResource,
  Duration,
  Fn,
  RemovalPolicy,
  Stack,
  type StackProps,
  Token,
  Validations,
} from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { AttributeType, TableEncryptionV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { EventBus, Rule } from 'aws-cdk-lib/aws-events';
import { SqsQueue } from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Subscription, SubscriptionProtocol, Topic } from 'aws-cdk-lib/aws-sns';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { DefinitionBody, LogLevel, StateMachine, StateMachineType } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct, IConstruct } from 'constructs';
import { CONTROL_GSI } from '../../shared/store/keys';
import { controlPlaneTable } from '../../shared/store/table-names';
import { lifecycleDefinition } from '../../shared/workflow/definition';
import { bundlingOptions, entryOf, type FunctionName, REPO_ROOT } from './bundling';

export type RedressStackProps = StackProps & {
  /** Deployment stage, part of every physical name (default `dev`). */
  stage: string;
  /** Prefix of every table (`<prefix>control-plane`, `<prefix>tenant-<id>`); `^[a-z0-9-]*$`. */
  tablePrefix: string;
  /** Defaults of the identity parameters (overridable per deploy with `--parameters`). */
  defaults?: Partial<
    Record<
      | 'idpIssuer'
      | 'idpAudience'
      | 'idpJwksUrl'
      | 'regulatorIssuer'
      | 'regulatorAudience'
      | 'regulatorJwksUrl'
      | 'alarmEmail',
      string
    >
  >;
};

/** DynamoDB item-level actions a tenant's credentials may use on that tenant's table alone. */
export const TENANT_ITEM_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:Query',
  'dynamodb:BatchGetItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:ConditionCheckItem',
  'dynamodb:DescribeTable',
];
export const READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:BatchGetItem', 'dynamodb:DescribeTable'];
const WRITE_ACTIONS = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:ConditionCheckItem',
];

/** Acknowledge one cdk-nag finding on a construct; the reason is mandatory and travels with it. */
function acknowledge(scope: IConstruct, id: string, reason: string) {
  Validations.of(scope).acknowledge({ id, reason });
}

/**
 * Redress on AWS: the HTTP API (one Lambda per trust boundary behind a JWT authorizer), the
 * control-plane table, the lifecycle state machine from the shared ASL, tenant isolation in IAM,
 * the provisioner, the dead-letter queue, the lifecycle event bus, alarms and a dashboard.
 * Tenant tables are not in this stack: the provisioner creates one per tenant at onboarding.
 */
export class RedressStack extends Stack {
  readonly functions: Record<FunctionName, NodejsFunction>;
  readonly stateMachineName: string;

  constructor(scope: Construct, id: string, props: RedressStackProps) {
    super(scope, id, props);
    const { stage, tablePrefix } = props;
    if (!/^[a-z0-9-]*$/.test(tablePrefix)) throw new Error(`tablePrefix must match ^[a-z0-9-]*$: ${tablePrefix}`);
    const d = props.defaults ?? {};

    // ---------------------------------------------------------------- parameters
    const param = (pid: string, description: string, def: string, allowedPattern?: string) =>
      new CfnParameter(this, pid, {
        type: 'String',
        description,
        default: def,
        ...(allowedPattern && { allowedPattern }),
      });
    const httpsUrl = '^https://.+$';
    const idpIssuer = param(
      'IdpIssuer',
      'Issuer (iss) of tenant staff and platform operator tokens',
      d.idpIssuer ?? 'https://idp.example.com/',
      httpsUrl,
    );
    const idpAudience = param(
      'IdpAudience',
      'Audience (aud) of tenant staff and platform operator tokens',
      d.idpAudience ?? 'redress-api',
    );
    const idpJwksUrl = param(
      'IdpJwksUrl',
      'JWKS URL of the tenant identity provider',
      d.idpJwksUrl ?? 'https://idp.example.com/.well-known/jwks.json',
      httpsUrl,
    );
    const regIssuer = param(
      'RegulatorIssuer',
      'Issuer (iss) of regulator tokens',
      d.regulatorIssuer ?? 'https://regulator-idp.example.com/',
      httpsUrl,
    );
    const regAudience = param(
      'RegulatorAudience',
      'Audience (aud) of regulator tokens',
      d.regulatorAudience ?? 'redress-regulator',
    );
    const regJwksUrl = param(
      'RegulatorJwksUrl',
      'JWKS URL of the regulator identity provider',
      d.regulatorJwksUrl ?? 'https://regulator-idp.example.com/.well-known/jwks.json',
      httpsUrl,
    );
    const alarmEmail = param(
      'AlarmEmail',
      'E-mail address subscribed to the alarm topic (empty: no subscription)',
      d.alarmEmail ?? '',
      '^$|^[^@\\s]+@[^@\\s]+$',
    );

    // How cdk-nag spells an ARN of this stack in a finding id (unresolved parts as <Pseudo::Param>).
    const nag = (service: string) =>
      `arn:<AWS::Partition>:${service}:${Token.isUnresolved(this.region) ? '<AWS::Region>' : this.region}:${Token.isUnresolved(this.account) ? '<AWS::AccountId>' : this.account}:`;
    const controlTableName = controlPlaneTable({ prefix: tablePrefix });
    const tenantTablePattern = `${tablePrefix}tenant-`;
    const tableArn = (name: string) => this.formatArn({ service: 'dynamodb', resource: 'table', resourceName: name });
    this.stateMachineName = `${tablePrefix}lifecycle`;
    // Constructed, not referenced: the workflow function needs the ARN and the machine needs the function's.
    const stateMachineArn = this.formatArn({
      service: 'states',
      resource: 'stateMachine',
      resourceName: this.stateMachineName,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
    const executionArns = this.formatArn({
      service: 'states',
      resource: 'execution',
      resourceName: `${this.stateMachineName}:*`,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });

    // ---------------------------------------------------------------- keys, tables, queues, buses
    const controlKey = new Key(this, 'ControlPlaneKey', {
      description: `Redress ${stage}: control-plane table encryption`,
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const controlTable = new TableV2(this, 'ControlPlaneTable', {
      tableName: controlTableName,
      partitionKey: { name: 'pk', type: AttributeType.STRING },
      sortKey: { name: 'sk', type: AttributeType.STRING },
      globalSecondaryIndexes: [
        {
          indexName: CONTROL_GSI.byKind.name,
          partitionKey: { name: CONTROL_GSI.byKind.pk, type: AttributeType.STRING },
          sortKey: { name: CONTROL_GSI.byKind.sk, type: AttributeType.STRING },
        },
      ],
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      encryption: TableEncryptionV2.customerManagedKey(controlKey),
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const controlArns = [tableArn(controlTableName), `${tableArn(controlTableName)}/index/*`];

    const dlq = new Queue(this, 'DeadLetterQueue', {
      queueName: `redress-${stage}-dlq`,
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    acknowledge(
      dlq,
      'AwsSolutions-SQS3',
      'This queue is the terminal dead-letter queue for failed asynchronous work (provisioner invocations, failed executions); it has no DLQ of its own by design.',
    );

    const bus = new EventBus(this, 'LifecycleBus', { eventBusName: `redress-${stage}-lifecycle` });

    const opsKey = new Key(this, 'OpsKey', {
      description: `Redress ${stage}: alarm topic encryption`,
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // CloudWatch alarms publish to the encrypted topic: the key must let CloudWatch use it.
    opsKey.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': this.account } },
      }),
    );
    const alarmTopic = new Topic(this, 'AlarmTopic', {
      topicName: `redress-${stage}-alarms`,
      masterKey: opsKey,
      enforceSSL: true,
    });
    const hasEmail = new CfnCondition(this, 'HasAlarmEmail', {
      expression: Fn.conditionNot(Fn.conditionEquals(alarmEmail.valueAsString, '')),
    });
    const subscription = new Subscription(this, 'AlarmEmailSubscription', {
      topic: alarmTopic,
      protocol: SubscriptionProtocol.EMAIL,
      endpoint: alarmEmail.valueAsString,
    });
    (subscription.node.defaultChild as CfnResource).cfnOptions.condition = hasEmail;

    // ---------------------------------------------------------------- roles
    const lambdaRole = (rid: string, description: string) =>
      new iam.Role(this, rid, { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'), description });
    const roles: Record<FunctionName, iam.Role> = {
      api: lambdaRole('ApiRole', 'Tenant staff API: control-plane read; tenant tables only through TenantDataRole'),
      admin: lambdaRole('AdminRole', 'Platform operator API: control-plane read/write; invokes the provisioner'),
      regulator: lambdaRole('RegulatorRole', 'Regulator API: read-only on the control plane and every tenant table'),
      workflow: lambdaRole(
        'WorkflowRole',
        'State machine tasks: control-plane read; tenant tables only through TenantDataRole',
      ),
      provisioner: lambdaRole('ProvisionerRole', 'Creates tenant keys and tables; control-plane read/write'),
    };

    const tenantCallers = [roles.api.roleArn, roles.workflow.roleArn];
    const tenantDataRole = new iam.Role(this, 'TenantDataRole', {
      description: 'Assumed with a `tenant` session tag; reaches that tenant table and key only',
      assumedBy: new iam.ArnPrincipal(roles.api.roleArn),
      maxSessionDuration: Duration.hours(1),
    });
    // The trust policy, exactly: the api and workflow roles only, and only with a non-empty `tenant`
    // session tag (sts:TagSession is what lets the caller attach it).
    (tenantDataRole.node.defaultChild as iam.CfnRole).addPropertyOverride('AssumeRolePolicyDocument', {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'TenantTaggedSessionsOnly',
          Effect: 'Allow',
          Principal: { AWS: tenantCallers },
          Action: ['sts:AssumeRole', 'sts:TagSession'],
          Condition: {
            StringLike: { 'aws:RequestTag/tenant': '?*' },
            'ForAllValues:StringEquals': { 'aws:TagKeys': ['tenant'] },
          },
        },
      ],
    });
    const tenantTableArn = tableArn(`${tenantTablePattern}\${aws:PrincipalTag/tenant}`);
    tenantDataRole.addToPolicy(
      new iam.PolicyStatement({
        sid: 'OwnTenantTableOnly',
        actions: TENANT_ITEM_ACTIONS,
        resources: [tenantTableArn, `${tenantTableArn}/index/*`],
      }),
    );
    tenantDataRole.addToPolicy(
      new iam.PolicyStatement({
        sid: 'OwnTenantKeyOnly',
        actions: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'],
        resources: [this.formatArn({ service: 'kms', resource: 'key', resourceName: '*' })],
        conditions: { StringEquals: { 'aws:ResourceTag/tenant': '${aws:PrincipalTag/tenant}' } },
      }),
    );
    acknowledge(
      tenantDataRole,
      `AwsSolutions-IAM5[Resource::${nag('dynamodb')}table/${tenantTablePattern}<aws:PrincipalTag/tenant>/index/*]`,
      "The indexes of the caller's own tenant table (resolved from the session tag); index names are part of the tenant table schema.",
    );
    acknowledge(
      tenantDataRole,
      `AwsSolutions-IAM5[Resource::${nag('kms')}key/*]`,
      'Tenant keys are created at onboarding, so their ids are unknown here; the statement is limited by the condition aws:ResourceTag/tenant = ${aws:PrincipalTag/tenant} to the caller’s own tenant key.',
    );
    for (const r of [roles.api, roles.workflow]) {
      r.addToPolicy(
        new iam.PolicyStatement({
          sid: 'AssumeTenantDataRole',
          actions: ['sts:AssumeRole', 'sts:TagSession'],
          resources: [tenantDataRole.roleArn],
        }),
      );
    }

    const allow = (
      r: iam.Role,
      sid: string,
      actions: string[],
      resources: string[],
      conditions?: Record<string, unknown>,
    ) => r.addToPolicy(new iam.PolicyStatement({ sid, actions, resources, ...(conditions && { conditions }) }));
    allow(roles.api, 'ControlPlaneRead', READ_ACTIONS, controlArns);
    allow(roles.workflow, 'ControlPlaneRead', READ_ACTIONS, controlArns);
    allow(roles.admin, 'ControlPlaneReadWrite', [...READ_ACTIONS, ...WRITE_ACTIONS], controlArns);
    allow(roles.provisioner, 'ControlPlaneReadWrite', [...READ_ACTIONS, ...WRITE_ACTIONS], controlArns);
    allow(roles.regulator, 'ControlPlaneRead', READ_ACTIONS, controlArns);
    allow(roles.regulator, 'TenantTablesRead', READ_ACTIONS, [
      tableArn(`${tenantTablePattern}*`),
      `${tableArn(`${tenantTablePattern}*`)}/index/*`,
    ]);
    controlKey.grantEncryptDecrypt(roles.admin);
    controlKey.grantEncryptDecrypt(roles.provisioner);
    for (const r of [roles.api, roles.workflow, roles.regulator]) controlKey.grantDecrypt(r);

    // Lifecycle: the api starts executions and completes task tokens; so does the workflow function.
    for (const r of [roles.api, roles.workflow]) {
      allow(r, 'LifecycleExecutions', ['states:StartExecution'], [stateMachineArn]);
      allow(r, 'LifecycleTaskTokens', ['states:SendTaskSuccess', 'states:SendTaskFailure'], [stateMachineArn]);
      allow(r, 'LifecycleDescribe', ['states:DescribeExecution'], [executionArns]);
    }
    allow(roles.workflow, 'LifecycleEvents', ['events:PutEvents'], [bus.eventBusArn]);

    // Provisioner: tenant tables and keys are created at onboarding.
    const tenantTables = tableArn(`${tenantTablePattern}*`);
    allow(
      roles.provisioner,
      'CreateTenantTables',
      [
        'dynamodb:CreateTable',
        'dynamodb:DescribeTable',
        'dynamodb:UpdateContinuousBackups',
        'dynamodb:UpdateTimeToLive',
        'dynamodb:TagResource',
      ],
      [tenantTables],
    );
    allow(roles.provisioner, 'CreateTenantKeys', ['kms:CreateKey', 'kms:TagResource'], ['*'], {
      Null: { 'aws:RequestTag/tenant': 'false' },
    });
    const keyArns = this.formatArn({ service: 'kms', resource: 'key', resourceName: '*' });
    const tenantAliases = this.formatArn({ service: 'kms', resource: 'alias', resourceName: `${tenantTablePattern}*` });
    allow(roles.provisioner, 'TenantKeyAliases', ['kms:CreateAlias'], [tenantAliases, keyArns]);
    allow(roles.provisioner, 'UseTenantKeys', ['kms:DescribeKey', 'kms:GenerateDataKey'], [keyArns], {
      Null: { 'aws:ResourceTag/tenant': 'false' },
    });
    // CreateTable with SSE-KMS makes DynamoDB create a grant on the tenant key on the caller's behalf.
    allow(roles.provisioner, 'TableKeyGrant', ['kms:CreateGrant'], [keyArns], {
      StringEquals: { 'kms:ViaService': `dynamodb.${this.region}.amazonaws.com` },
      Bool: { 'kms:GrantIsForAWSResource': 'true' },
    });
    acknowledge(
      roles.provisioner,
      'AwsSolutions-IAM5[Resource::*]',
      'kms:CreateKey has no resource to scope (the key does not exist yet) and kms:TagResource on CreateKey is authorised on the same "*"; both require the `tenant` request tag. This is key creation, not data access.',
    );
    acknowledge(
      roles.provisioner,
      `AwsSolutions-IAM5[Resource::${nag('kms')}key/*]`,
      'Tenant key ids are generated at onboarding; use of them is limited to keys carrying a `tenant` tag, and grants to DynamoDB on the tenant table.',
    );
    acknowledge(
      roles.provisioner,
      `AwsSolutions-IAM5[Resource::${nag('kms')}alias/${tenantTablePattern}*]`,
      'One alias per tenant (alias/<prefix>tenant-<id>), created at onboarding.',
    );
    acknowledge(
      roles.provisioner,
      `AwsSolutions-IAM5[Resource::${nag('dynamodb')}table/${tenantTablePattern}*]`,
      'The provisioner creates one table per tenant (<prefix>tenant-<id>) at onboarding; it has no item access to them.',
    );
    acknowledge(
      roles.regulator,
      `AwsSolutions-IAM5[Resource::${nag('dynamodb')}table/${tenantTablePattern}*]`,
      'The regulator reads across all institutions by design; the statement is read-only (GetItem, Query, BatchGetItem, DescribeTable).',
    );
    acknowledge(
      roles.regulator,
      `AwsSolutions-IAM5[Resource::${nag('dynamodb')}table/${tenantTablePattern}*/index/*]`,
      'Read-only queries on the indexes of every tenant table (the regulator reads across institutions).',
    );
    for (const r of Object.values(roles)) {
      acknowledge(
        r,
        `AwsSolutions-IAM5[Resource::${nag('dynamodb')}table/${controlTableName}/index/*]`,
        'Queries on the control-plane GSI (byKind).',
      );
    }
    for (const r of [roles.api, roles.workflow]) {
      acknowledge(
        r,
        `AwsSolutions-IAM5[Resource::${nag('states')}execution:${this.stateMachineName}:*]`,
        'Executions are named after complaint ids; DescribeExecution on this state machine’s executions only.',
      );
    }
    acknowledge(
      roles.admin,
      'AwsSolutions-IAM5[Action::kms:GenerateDataKey*]',
      'CDK grantEncryptDecrypt on the control-plane key only (DynamoDB SSE with the customer-managed key).',
    );
    acknowledge(
      roles.admin,
      'AwsSolutions-IAM5[Action::kms:ReEncrypt*]',
      'CDK grantEncryptDecrypt on the control-plane key only (DynamoDB SSE with the customer-managed key).',
    );
    acknowledge(
      roles.provisioner,
      'AwsSolutions-IAM5[Action::kms:GenerateDataKey*]',
      'CDK grantEncryptDecrypt on the control-plane key only (DynamoDB SSE with the customer-managed key).',
    );
    acknowledge(
      roles.provisioner,
      'AwsSolutions-IAM5[Action::kms:ReEncrypt*]',
      'CDK grantEncryptDecrypt on the control-plane key only (DynamoDB SSE with the customer-managed key).',
    );

    // ---------------------------------------------------------------- functions
    const common = {
      REDRESS_TABLE_PREFIX: tablePrefix,
      NODE_OPTIONS: '--enable-source-maps',
    };
    const idpEnv = {
      REDRESS_IDP_ISSUER: idpIssuer.valueAsString,
      REDRESS_IDP_AUDIENCE: idpAudience.valueAsString,
      REDRESS_IDP_JWKS_URL: idpJwksUrl.valueAsString,
    };
    const regEnv = {
      REDRESS_REGULATOR_ISSUER: regIssuer.valueAsString,
      REDRESS_REGULATOR_AUDIENCE: regAudience.valueAsString,
      REDRESS_REGULATOR_JWKS_URL: regJwksUrl.valueAsString,
    };
    const fn = (
      name: FunctionName,
      o: { env: Record<string, string>; timeout: Duration; memory: number; description: string },
    ) => {
      const logGroup = new LogGroup(this, `${cap(name)}Logs`, {
        retention: RetentionDays.THREE_MONTHS,
        removalPolicy: RemovalPolicy.RETAIN,
      });
      const f = new NodejsFunction(this, `${cap(name)}Function`, {
        entry: entryOf(name),
        handler: 'handler',
        projectRoot: REPO_ROOT,
        depsLockFilePath: `${REPO_ROOT}/package-lock.json`,
        runtime: Runtime.NODEJS_22_X,
        architecture: Architecture.ARM_64,
        memorySize: o.memory,
        timeout: o.timeout,
        description: o.description,
        role: roles[name],
        logGroup,
        tracing: Tracing.ACTIVE,
        bundling: bundlingOptions,
        environment: { ...common, POWERTOOLS_SERVICE_NAME: `redress-${name === 'api' ? 'tenant' : name}`, ...o.env },
      });
      acknowledge(
        roles[name],
        'AwsSolutions-IAM5[Resource::*]',
        'X-Ray tracing (xray:PutTraceSegments, xray:PutTelemetryRecords) has no resource-level permissions.',
      );
      acknowledge(
        f,
        'AwsSolutions-L1',
        'The platform targets nodejs22.x (the runtime the code, esbuild target and tests are built for); moving to a newer runtime is a deliberate upgrade.',
      );
      logGroup.grantWrite(roles[name]);
      return f;
    };
    const workflowFn = fn('workflow', {
      description: 'Redress lifecycle task handler (Step Functions)',
      timeout: Duration.seconds(50),
      memory: 1024,
      env: {
        REDRESS_TENANT_ROLE_ARN: tenantDataRole.roleArn,
        REDRESS_STATE_MACHINE_ARN: stateMachineArn,
        REDRESS_EVENT_BUS: bus.eventBusName,
      },
    });
    const provisionerFn = fn('provisioner', {
      description: 'Redress tenant provisioning (KMS key, table, wrapped data keys)',
      timeout: Duration.minutes(10),
      memory: 512,
      env: {},
    });
    const apiFn = fn('api', {
      description: 'Redress tenant staff API (/v1/*)',
      timeout: Duration.seconds(29),
      memory: 1024,
      env: { REDRESS_TENANT_ROLE_ARN: tenantDataRole.roleArn, REDRESS_STATE_MACHINE_ARN: stateMachineArn, ...idpEnv },
    });
    const adminFn = fn('admin', {
      description: 'Redress platform operator API (/admin/*)',
      timeout: Duration.seconds(29),
      memory: 512,
      env: { REDRESS_PROVISIONER_FUNCTION: provisionerFn.functionName, ...idpEnv },
    });
    const regulatorFn = fn('regulator', {
      description: 'Redress regulator API (/regulator/*), read-only',
      timeout: Duration.seconds(29),
      memory: 1024,
      env: regEnv,
    });
    this.functions = {
      api: apiFn,
      admin: adminFn,
      regulator: regulatorFn,
      workflow: workflowFn,
      provisioner: provisionerFn,
    };

    // Only the admin function may start provisioning (asynchronously); failures after retries go to the DLQ.
    allow(roles.admin, 'InvokeProvisioner', ['lambda:InvokeFunction'], [provisionerFn.functionArn]);
    provisionerFn.configureAsyncInvoke({
      retryAttempts: 2,
      maxEventAge: Duration.hours(6),
      onFailure: new SqsDestination(dlq),
    });

    // ---------------------------------------------------------------- state machine
    const smLogs = new LogGroup(this, 'LifecycleLogs', {
      retention: RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const smRole = new iam.Role(this, 'LifecycleRole', {
      assumedBy: new iam.ServicePrincipal('states.amazonaws.com'),
      description: 'Lifecycle state machine: invokes the workflow function only',
    });
    smRole.addToPolicy(
      new iam.PolicyStatement({
        sid: 'InvokeWorkflow',
        actions: ['lambda:InvokeFunction'],
        resources: [workflowFn.functionArn],
      }),
    );
    const stateMachine = new StateMachine(this, 'Lifecycle', {
      stateMachineName: this.stateMachineName,
      stateMachineType: StateMachineType.STANDARD,
      definitionBody: DefinitionBody.fromString(JSON.stringify(lifecycleDefinition())),
      definitionSubstitutions: { WorkflowFunctionArn: workflowFn.functionArn },
      role: smRole,
      tracingEnabled: true,
      logs: { destination: smLogs, level: LogLevel.ALL, includeExecutionData: false },
    });
    acknowledge(
      smRole,
      'AwsSolutions-IAM5[Resource::*]',
      'Step Functions log delivery (logs:CreateLogDelivery & co.) and X-Ray tracing have no resource-level permissions.',
    );

    // Failed, timed-out or aborted executions land in the DLQ for follow-up.
    new Rule(this, 'FailedExecutionsToDlq', {
      description: 'Lifecycle executions that failed, timed out or were aborted',
      eventPattern: {
        source: ['aws.states'],
        detailType: ['Step Functions Execution Status Change'],
        detail: { status: ['FAILED', 'TIMED_OUT', 'ABORTED'], stateMachineArn: [stateMachine.stateMachineArn] },
      },
      targets: [new SqsQueue(dlq)],
    });

    // ---------------------------------------------------------------- HTTP API
    const accessLogs = new LogGroup(this, 'ApiAccessLogs', {
      retention: RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const api = new HttpApi(this, 'HttpApi', {
      apiName: `redress-${stage}`,
      description: 'Redress HTTP API',
      createDefaultStage: false,
    });
    const apiStage = new HttpStage(this, 'HttpApiDefaultStage', {
      httpApi: api,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: 200, burstLimit: 400 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            ip: '$context.identity.sourceIp',
            requestTime: '$context.requestTime',
            httpMethod: '$context.httpMethod',
            routeKey: '$context.routeKey',
            status: '$context.status',
            protocol: '$context.protocol',
            responseLength: '$context.responseLength',
            integrationLatency: '$context.integrationLatency',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
          }),
        ),
      },
    });
    const tenantAuthorizer = new HttpJwtAuthorizer('TenantJwt', idpIssuer.valueAsString, {
      jwtAudience: [idpAudience.valueAsString],
      authorizerName: 'tenant-idp',
    });
    const regulatorAuthorizer = new HttpJwtAuthorizer('RegulatorJwt', regIssuer.valueAsString, {
      jwtAudience: [regAudience.valueAsString],
      authorizerName: 'regulator-idp',
    });
    api.addRoutes({
      path: '/v1/{proxy+}',
      methods: [HttpMethod.ANY],
      integration: new HttpLambdaIntegration('ApiIntegration', apiFn),
      authorizer: tenantAuthorizer,
    });
    api.addRoutes({
      path: '/admin/{proxy+}',
      methods: [HttpMethod.ANY],
      integration: new HttpLambdaIntegration('AdminIntegration', adminFn),
      authorizer: tenantAuthorizer,
    });
    api.addRoutes({
      path: '/regulator/{proxy+}',
      methods: [HttpMethod.ANY],
      integration: new HttpLambdaIntegration('RegulatorIntegration', regulatorFn),
      authorizer: regulatorAuthorizer,
    });

    // ---------------------------------------------------------------- alarms and dashboard
    const alarmAction = new SnsAction(alarmTopic);
    const alarm = (aid: string, a: cloudwatch.AlarmProps) => {
      const al = new cloudwatch.Alarm(this, aid, { treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING, ...a });
      al.addAlarmAction(alarmAction);
      return al;
    };
    const dlqDepth = dlq.metricApproximateNumberOfMessagesVisible({
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
    for (const [name, f] of Object.entries(this.functions)) {
      alarm(`${cap(name)}ThrottlesAlarm`, {
        alarmDescription: `The ${name} function is throttled`,
        metric: f.metricThrottles({ period: Duration.minutes(5), statistic: 'Sum' }),
        threshold: 0,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
      });
    }

    const dashboard = new cloudwatch.Dashboard(this, 'Dashboard', { dashboardName: `redress-${stage}` });
    dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: 'API requests and errors',
        left: [api.metricCount(), api.metricClientError(), api.metricServerError()],
        width: 12,
      }),
      new cloudwatch.GraphWidget({
        title: 'API latency',
        left: [api.metricLatency({ statistic: 'p50' }), api.metricLatency({ statistic: 'p99' })],
        width: 12,
      }),
    );
    dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: 'Lambda errors',
        left: Object.values(this.functions).map((f) => f.metricErrors()),
        width: 8,
      }),
      new cloudwatch.GraphWidget({
        title: 'Lambda throttles',
        left: Object.values(this.functions).map((f) => f.metricThrottles()),
        width: 8,
      }),
      new cloudwatch.GraphWidget({
        title: 'Lambda duration p99',
        left: Object.values(this.functions).map((f) => f.metricDuration({ statistic: 'p99' })),
        width: 8,
      }),
    );
    dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: 'Lifecycle executions',
        left: [
          stateMachine.metricStarted(),
          stateMachine.metricSucceeded(),
          stateMachine.metricFailed(),
          stateMachine.metricTimedOut(),
          stateMachine.metricAborted(),
        ],
        width: 12,
      }),
      new cloudwatch.GraphWidget({ title: 'Dead-letter queue depth', left: [dlqDepth], width: 6 }),
      new cloudwatch.GraphWidget({ title: 'API 5xx rate (%)', left: [api5xxRate], width: 6 }),
    );

    new CfnOutput(this, 'ApiUrl', { value: api.apiEndpoint });
    new CfnOutput(this, 'StateMachineArn', { value: stateMachine.stateMachineArn });
    new CfnOutput(this, 'ControlPlaneTableName', { value: controlTable.tableName });
    new CfnOutput(this, 'TenantDataRoleArn', { value: tenantDataRole.roleArn });
    new CfnOutput(this, 'DeadLetterQueueUrl', { value: dlq.queueUrl });
    new CfnOutput(this, 'AlarmTopicArn', { value: alarmTopic.topicArn });
    void apiStage;
  }
}

const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);
