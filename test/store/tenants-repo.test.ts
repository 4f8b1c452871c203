import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { onboardTenant, setTenantStatus } from '../../shared/application/tenants';
import { testPlatform } from '../support/test-platform';

describe('tenants (DynamoDB Local)', () => {
  it('records the tenant and creates its own table with the GSIs and a stream', async () => {
    const p = await testPlatform();
    const tenant = await onboardTenant(p, { id: 'acme-insure', name: 'Acme', kind: 'insurer', policy: 'uk-fca-disp' });
    expect(tenant).toMatchObject({ status: 'active', timezone: 'Europe/London', referencePrefix: 'AI' });
    const table = (
      await (p.db as unknown as DynamoDBClient).send(new DescribeTableCommand({ TableName: tenant.tableName }))
    ).Table;
    expect(table?.TableStatus).toBe('ACTIVE');
    expect(table?.GlobalSecondaryIndexes?.map((g) => g.IndexName).sort()).toEqual([
      'byConsumer',
      'byStatus',
      'openByAssignee',
      'openByDue',
    ]);
    expect(table?.StreamSpecification).toMatchObject({ StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' });
  });

  it('answers a second onboarding of the same id with 409, and finishes one that stopped half-way', async () => {
    const p = await testPlatform();
    await onboardTenant(p, { id: 'bank-x', name: 'X', kind: 'bank', policy: 'cn-nfra-2020' });
    await expect(
      onboardTenant(p, { id: 'bank-x', name: 'X', kind: 'bank', policy: 'cn-nfra-2020' }),
    ).rejects.toMatchObject({ kind: 'conflict', code: 'tenant_exists' });

    // A crash after recording the tenant but before its table existed.
    const at = new Date().toISOString();
    await p.tenants.insert({
      id: 'bank-y',
      name: 'Y',
      kind: 'bank',
      policy: 'cn-nfra-2020',
      timezone: 'Asia/Shanghai',
      referencePrefix: 'BY',
      repeatWindowDays: 30,
      status: 'provisioning',
      tableName: `${p.naming.prefix}tenant-bank-y`,
      createdAt: at,
      updatedAt: at,
    });
    const resumed = await onboardTenant(p, { id: 'bank-y', name: 'Y', kind: 'bank', policy: 'cn-nfra-2020' });
    expect(resumed.status).toBe('active');
  });

  it('lists tenants a page at a time and suspends one, keeping its record', async () => {
    const p = await testPlatform();
    for (const id of ['t-one', 't-two', 't-three'])
      await onboardTenant(p, { id, name: id, kind: 'bank', policy: 'us-cfpb' });
    const first = await p.tenants.list(2);
    expect(first.items).toHaveLength(2);
    const rest = await p.tenants.list(2, first.nextCursor!);
    expect([...first.items, ...rest.items].map((t) => t.id).sort()).toEqual(['t-one', 't-three', 't-two']);
    const suspended = await setTenantStatus(p, 't-two', 'suspended');
    expect(suspended.status).toBe('suspended');
    await expect(p.directory.active('t-two')).rejects.toMatchObject({ code: 'tenant_suspended' });
  });
});
