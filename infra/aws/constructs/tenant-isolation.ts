import { Duration, Lazy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { CoreFunctionName } from '../bundling';
import { acknowledge, nagArn, tableArn } from './cdk-nag';
import { Concern } from './concern';
import { READ_ACTIONS } from './control-plane';
import { redressFunction } from './redress-function';

export type TenantIsolationProps = {
  /** Prefix of every table; tenant tables are `<prefix>tenant-<id>`, and every policy is written against it. */
  tablePrefix: string;
  /** Where the provisioner's failed asynchronous invocations go after their retries. */
  deadLetterQueue: IQueue;
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

/** What the provisioner may do to tenant tables: create and migrate them, never touch their items. */
export const PROVISIONING_ACTIONS = [
  'dynamodb:CreateTable',
  'dynamodb:DescribeTable',
  'dynamodb:UpdateTable',
  'dynamodb:UpdateContinuousBackups',
  'dynamodb:DescribeTimeToLive',
  'dynamodb:UpdateTimeToLive',
  'dynamodb:TagResource',
];

/**
 * One role per trust boundary (one per function), and the tenant boundary between them: tenant
 * tables and keys are reached only through the TenantDataRole with a `tenant` session tag, the
 * regulator reads them, and the provisioner (created here) makes them at onboarding.
 */
export class TenantIsolation extends Concern {
  readonly roles: Record<CoreFunctionName, iam.Role>;
  readonly tenantDataRole: iam.Role;
  readonly provisioner: NodejsFunction;
  /** Who may assume the tenant data role (with a `tenant` tag): api and workflow, and what joins later. */
  private readonly tenantSessionRoles: iam.Role[] = [];

  constructor(scope: Construct, id: string, props: TenantIsolationProps) {
    super(scope, id);
    const tenantTablePattern = `${props.tablePrefix}tenant-`;
    const stack = Stack.of(this);
    const lambdaRole = (rid: string, description: string) =>
      new iam.Role(this, rid, { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'), description });
    const roles: Record<CoreFunctionName, iam.Role> = {
      api: lambdaRole('ApiRole', 'Tenant staff API: control-plane read; tenant tables only through TenantDataRole'),
      admin: lambdaRole('AdminRole', 'Platform operator API: control-plane read/write; invokes the provisioner'),
      regulator: lambdaRole('RegulatorRole', 'Regulator API: read-only on the control plane and every tenant table'),
      workflow: lambdaRole(
        'WorkflowRole',
        'State machine tasks: control-plane read; tenant tables only through TenantDataRole',
      ),
      provisioner: lambdaRole('ProvisionerRole', 'Creates tenant keys and tables; control-plane read/write'),
    };
    this.roles = roles;
    const allow = (r: iam.Role, sid: string, actions: string[], resources: string[], conditions?: object) =>
      r.addToPolicy(new iam.PolicyStatement({ sid, actions, resources, ...(conditions && { conditions }) }));

    const tenantDataRole = new iam.Role(this, 'TenantDataRole', {
      description: 'Assumed with a `tenant` session tag; reaches that tenant table and key only',
      assumedBy: new iam.ArnPrincipal(roles.api.roleArn),
      maxSessionDuration: Duration.hours(1),
    });
    this.tenantDataRole = tenantDataRole;
    // The trust policy, exactly: the api and workflow roles only, and only with a non-empty `tenant`
    // session tag (sts:TagSession is what lets the caller attach it).
    (tenantDataRole.node.defaultChild as iam.CfnRole).addPropertyOverride('AssumeRolePolicyDocument', {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'TenantTaggedSessionsOnly',
          Effect: 'Allow',
          Principal: { AWS: Lazy.list({ produce: () => this.tenantSessionRoles.map((r) => r.roleArn) }) },
          Action: ['sts:AssumeRole', 'sts:TagSession'],
          Condition: {
            StringLike: { 'aws:RequestTag/tenant': '?*' },
            'ForAllValues:StringEquals': { 'aws:TagKeys': ['tenant'] },
          },
        },
      ],
    });
    const ownTable = tableArn(this, `${tenantTablePattern}\${aws:PrincipalTag/tenant}`);
    const keyArns = stack.formatArn({ service: 'kms', resource: 'key', resourceName: '*' });
    allow(tenantDataRole, 'OwnTenantTableOnly', TENANT_ITEM_ACTIONS, [ownTable, `${ownTable}/index/*`]);
    allow(tenantDataRole, 'OwnTenantKeyOnly', ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'], [keyArns], {
      StringEquals: { 'aws:ResourceTag/tenant': '${aws:PrincipalTag/tenant}' },
    });
    acknowledge(
      tenantDataRole,
      `AwsSolutions-IAM5[Resource::${nagArn(this, 'dynamodb')}table/${tenantTablePattern}<aws:PrincipalTag/tenant>/index/*]`,
      "The indexes of the caller's own tenant table (resolved from the session tag); index names are part of the tenant table schema.",
    );
    acknowledge(
      tenantDataRole,
      `AwsSolutions-IAM5[Resource::${nagArn(this, 'kms')}key/*]`,
      'Tenant keys are created at onboarding, so their ids are unknown here; the statement is limited by the condition aws:ResourceTag/tenant = ${aws:PrincipalTag/tenant} to the caller’s own tenant key.',
    );
    for (const r of [roles.api, roles.workflow]) this.allowTenantSessions(r);

    const tenantTables = tableArn(this, `${tenantTablePattern}*`);
    allow(roles.regulator, 'TenantTablesRead', READ_ACTIONS, [tenantTables, `${tenantTables}/index/*`]);
    acknowledge(
      roles.regulator,
      `AwsSolutions-IAM5[Resource::${nagArn(this, 'dynamodb')}table/${tenantTablePattern}*]`,
      'The regulator reads across all institutions by design; the statement is read-only (GetItem, Query, BatchGetItem, DescribeTable).',
    );
    acknowledge(
      roles.regulator,
      `AwsSolutions-IAM5[Resource::${nagArn(this, 'dynamodb')}table/${tenantTablePattern}*/index/*]`,
      'Read-only queries on the indexes of every tenant table (the regulator reads across institutions).',
    );

    // Tenant tables are encrypted at rest with the tenant's own key, so reading them needs
    // kms:Decrypt on it. Only through DynamoDB and for tenant tables: the same key wraps the
    // field-level ciphertext of personal data, which the regulator must never open directly
    // (its views come from the masked and redacted copies stored beside it).
    allow(roles.regulator, 'TenantTableKeysViaDynamoDbOnly', ['kms:Decrypt', 'kms:DescribeKey'], [keyArns], {
      StringEquals: { 'kms:ViaService': `dynamodb.${stack.region}.amazonaws.com` },
      StringLike: {
        'kms:EncryptionContext:aws:dynamodb:tableName': `${tenantTablePattern}*`,
        'aws:ResourceTag/tenant': '?*',
      },
    });
    acknowledge(
      roles.regulator,
      `AwsSolutions-IAM5[Resource::${nagArn(this, 'kms')}key/*]`,
      'Tenant keys are created at onboarding, so their ids are unknown here; usable only via DynamoDB (kms:ViaService) on tenant tables (encryption context), and only keys tagged with a tenant.',
    );

    // Provisioner: tenant tables and keys are created at onboarding.
    allow(roles.provisioner, 'CreateTenantTables', PROVISIONING_ACTIONS, [tenantTables]);
    allow(roles.provisioner, 'CreateTenantKeys', ['kms:CreateKey', 'kms:TagResource'], ['*'], {
      Null: { 'aws:RequestTag/tenant': 'false' },
    });
    const tenantAliases = stack.formatArn({
      service: 'kms',
      resource: 'alias',
      resourceName: `${tenantTablePattern}*`,
    });
    allow(roles.provisioner, 'TenantKeyAliases', ['kms:CreateAlias'], [tenantAliases, keyArns]);
    allow(roles.provisioner, 'UseTenantKeys', ['kms:DescribeKey', 'kms:GenerateDataKey'], [keyArns], {
      Null: { 'aws:ResourceTag/tenant': 'false' },
    });
    // CreateTable with SSE-KMS makes DynamoDB create a grant on the tenant key on the caller's behalf.
    allow(roles.provisioner, 'TableKeyGrant', ['kms:CreateGrant'], [keyArns], {
      StringEquals: { 'kms:ViaService': `dynamodb.${stack.region}.amazonaws.com` },
      Bool: { 'kms:GrantIsForAWSResource': 'true' },
    });
    acknowledge(
      roles.provisioner,
      'AwsSolutions-IAM5[Resource::*]',
      'kms:CreateKey has no resource to scope (the key does not exist yet) and kms:TagResource on CreateKey is authorised on the same "*"; both require the `tenant` request tag. This is key creation, not data access.',
    );
    acknowledge(
      roles.provisioner,
      `AwsSolutions-IAM5[Resource::${nagArn(this, 'kms')}key/*]`,
      'Tenant key ids are generated at onboarding; use of them is limited to keys carrying a `tenant` tag, and grants to DynamoDB on the tenant table.',
    );
    acknowledge(
      roles.provisioner,
      `AwsSolutions-IAM5[Resource::${nagArn(this, 'kms')}alias/${tenantTablePattern}*]`,
      'One alias per tenant (alias/<prefix>tenant-<id>), created at onboarding.',
    );
    acknowledge(
      roles.provisioner,
      `AwsSolutions-IAM5[Resource::${nagArn(this, 'dynamodb')}table/${tenantTablePattern}*]`,
      'The provisioner creates one table per tenant (<prefix>tenant-<id>) at onboarding; it has no item access to them.',
    );

    this.provisioner = redressFunction(this, 'provisioner', {
      role: roles.provisioner,
      tablePrefix: props.tablePrefix,
      description: 'Redress tenant provisioning (KMS key, table, wrapped data keys)',
      timeout: Duration.minutes(10),
      memory: 512,
      env: {},
    });
    // Only the admin function may start provisioning (asynchronously); failures after retries go to the DLQ.
    allow(roles.admin, 'InvokeProvisioner', ['lambda:InvokeFunction'], [this.provisioner.functionArn]);
    this.provisioner.configureAsyncInvoke({
      retryAttempts: 2,
      maxEventAge: Duration.hours(6),
      onFailure: new SqsDestination(props.deadLetterQueue),
    });
  }

  /** Lets `role` reach tenant tables and keys as the tenant its session tag names, and nothing more. */
  allowTenantSessions(role: iam.Role) {
    this.tenantSessionRoles.push(role);
    role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'AssumeTenantDataRole',
        actions: ['sts:AssumeRole', 'sts:TagSession'],
        resources: [this.tenantDataRole.roleArn],
      }),
    );
  }
}
