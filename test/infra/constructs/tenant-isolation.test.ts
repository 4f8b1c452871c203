import { describe, expect, it } from 'vitest';
import {
  PROVISIONING_ACTIONS,
  TENANT_ITEM_ACTIONS,
  TenantIsolation,
} from '../../../infra/aws/constructs/tenant-isolation';
import { render } from '../synth';
import { bareStack } from './bare-stack';

type Policy = { Properties: { Roles: { Ref: string }[]; PolicyDocument: { Statement: Record<string, any>[] } } };

function build() {
  const b = bareStack();
  const iso = new TenantIsolation(b.stack, 'TenantIsolation', { tablePrefix: 'p-', deadLetterQueue: b.queue() });
  const t = b.template();
  const id = (c: { node: { defaultChild?: unknown } }) => b.stack.getLogicalId(c.node.defaultChild as never);
  const statements = (roleId: string) =>
    (Object.values(t.findResources('AWS::IAM::Policy')) as Policy[])
      .filter((p) => p.Properties.Roles.some((r) => r.Ref === roleId))
      .flatMap((p) => p.Properties.PolicyDocument.Statement);
  return { b, iso, t, id, statements };
}

describe('TenantIsolation construct', () => {
  it('has one role per function and the TenantDataRole, trusted by api and workflow with a tenant tag only', () => {
    const { iso, t, id } = build();
    expect(Object.keys(iso.roles).sort()).toEqual(['admin', 'api', 'provisioner', 'regulator', 'workflow']);
    t.resourceCountIs('AWS::IAM::Role', 6);
    const trust = t.findResources('AWS::IAM::Role')[id(iso.tenantDataRole)]!.Properties.AssumeRolePolicyDocument;
    expect(trust.Statement).toHaveLength(1);
    expect(trust.Statement[0].Principal.AWS.map(render).sort()).toEqual(
      [`<${id(iso.roles.api)}.Arn>`, `<${id(iso.roles.workflow)}.Arn>`].sort(),
    );
    expect(trust.Statement[0].Condition.StringLike).toEqual({ 'aws:RequestTag/tenant': '?*' });
  });

  it('lets the TenantDataRole reach only the table and key named by the session tag', () => {
    const { iso, id, statements } = build();
    const st = statements(id(iso.tenantDataRole));
    const table = st.find((s) => s.Sid === 'OwnTenantTableOnly')!;
    expect(table.Action).toEqual(TENANT_ITEM_ACTIONS);
    expect(table.Resource.map(render)).toEqual([
      'arn:<AWS::Partition>:dynamodb:eu-central-1:<AWS::AccountId>:table/p-tenant-${aws:PrincipalTag/tenant}',
      'arn:<AWS::Partition>:dynamodb:eu-central-1:<AWS::AccountId>:table/p-tenant-${aws:PrincipalTag/tenant}/index/*',
    ]);
    const key = st.find((s) => s.Sid === 'OwnTenantKeyOnly')!;
    expect(key.Condition).toEqual({ StringEquals: { 'aws:ResourceTag/tenant': '${aws:PrincipalTag/tenant}' } });
    expect(st).toHaveLength(2);
  });

  it('gives the provisioner table creation and migration without item access, invoked by admin only', () => {
    const { iso, t, id, statements } = build();
    const create = statements(id(iso.roles.provisioner)).find((s) => s.Sid === 'CreateTenantTables')!;
    expect(create.Action).toEqual(PROVISIONING_ACTIONS);
    expect(create.Action.filter((a: string) => TENANT_ITEM_ACTIONS.includes(a))).toEqual(['dynamodb:DescribeTable']);
    const invokers = (Object.values(t.findResources('AWS::IAM::Policy')) as Policy[]).filter((p) =>
      p.Properties.PolicyDocument.Statement.some((s) => s.Sid === 'InvokeProvisioner'),
    );
    expect(invokers.flatMap((p) => p.Properties.Roles.map((r) => r.Ref))).toEqual([id(iso.roles.admin)]);
    t.hasResourceProperties('AWS::Lambda::EventInvokeConfig', { MaximumRetryAttempts: 2 });
  });

  it('gives the regulator read-only access to every tenant table, api and workflow none of their own', () => {
    const { iso, id, statements } = build();
    const reg = statements(id(iso.roles.regulator)).find((s) => s.Sid === 'TenantTablesRead')!;
    expect(
      reg.Action.every((a: string) => ['GetItem', 'Query', 'BatchGetItem', 'DescribeTable'].includes(a.slice(9))),
    ).toBe(true);
    for (const r of [iso.roles.api, iso.roles.workflow]) {
      const st = statements(id(r));
      expect(st.map((s) => s.Sid)).toEqual(['AssumeTenantDataRole']);
    }
  });

  it('keeps the regulator read-only at every layer: no write action anywhere, KMS Decrypt only via DynamoDB on tenant tables', () => {
    const { iso, id, statements } = build();
    const st = statements(id(iso.roles.regulator));
    const actions = st.flatMap((s) => [s.Action].flat() as string[]);
    const READ =
      /^(dynamodb:(GetItem|Query|BatchGetItem|DescribeTable|ConditionCheckItem)|kms:(Decrypt|DescribeKey)|xray:Put(TraceSegments|TelemetryRecords)|logs:(CreateLogStream|PutLogEvents)|sqs:SendMessage|secretsmanager:GetSecretValue)$/;
    expect(actions.filter((a) => !READ.test(a))).toEqual([]);
    for (const write of ['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'TransactWriteItems'])
      expect(actions).not.toContain(`dynamodb:${write}`);
    const kms = st.filter((s) => [s.Action].flat().some((a: string) => a.startsWith('kms:')));
    expect(kms).toHaveLength(1);
    expect(kms[0]!.Action).toEqual(['kms:Decrypt', 'kms:DescribeKey']);
    expect(kms[0]!.Condition.StringEquals).toEqual({ 'kms:ViaService': 'dynamodb.eu-central-1.amazonaws.com' });
    expect(kms[0]!.Condition.StringLike).toEqual({
      'kms:EncryptionContext:aws:dynamodb:tableName': 'p-tenant-*',
      'aws:ResourceTag/tenant': '?*',
    });
  });
});
