import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTable } from '../../infra/local/adapters/ensure-table';
import { type LocalPlatform, localPlatform } from '../../infra/local/platform';
import { type DynamoDbLocal, startDynamoDbLocal } from '../../infra/local/processes/dynamodb-local';
import { realScheduler } from '../../infra/local/workflow/scheduler';
import { registerComplaint } from '../../shared/application/intake';
import { onboardTenant } from '../../shared/application/tenants';
import type { ComplaintRecord } from '../../shared/domain/complaint/complaint-schema';
import { IntakeSchema } from '../../shared/domain/complaint/intake-schema';
import type { Tenant } from '../../shared/domain/tenant/tenant-schema';
import { systemClock } from '../../shared/ports/clock';
import { silentLogger } from '../../shared/ports/logger';
import { toComplaintItem } from '../../shared/store/complaint-item';
import { createDocumentClient, localClientConfig } from '../../shared/store/dynamo-client';
import { assigneeIndexKey, complaintKey, GSI } from '../../shared/store/keys';
import { migrateOutdatedTenantTables, migrateTable, migrateTenantTable } from '../../shared/store/table-migration';
import { controlPlaneTable, tenantTable } from '../../shared/store/table-names';
import {
  controlPlaneTableDefinition,
  TENANT_SCHEMA_VERSION,
  tenantTableDefinition,
} from '../../shared/store/table-schemas';
import { intakeBody, principal } from '../support/fixtures';

/*
 * This file has a DynamoDB Local of its own. On the shared one, a GSI added by UpdateTable while
 * another test file keeps that instance busy was seen to stay CREATING (not backfilling) for over
 * a minute; on an instance without other traffic it is ACTIVE within a second or two. Local start
 * migrates before it serves, so it has no such traffic either.
 */
let dynamo: DynamoDbLocal;
let counter = 0;
beforeAll(async () => {
  dynamo = await startDynamoDbLocal({ dbPath: 'memory' });
});
afterAll(async () => {
  await dynamo?.stop();
});

/** A platform wired as the local runtime wires it, on this file's DynamoDB Local, with its own prefix. */
async function testPlatform(): Promise<LocalPlatform> {
  const db = createDocumentClient(localClientConfig(dynamo.endpoint));
  const p = localPlatform({
    db,
    dataDir: mkdtempSync(join(tmpdir(), 'redress-migration-')),
    tablePrefix: `m${++counter}-`,
    clock: systemClock,
    scheduler: realScheduler,
    logger: silentLogger,
  });
  await ensureTable(db, controlPlaneTableDefinition(controlPlaneTable(p.naming)));
  return p;
}

const FAST = { pollMs: 100, timeoutMs: 60_000 };

/**
 * A tenant table as an older schema made it: without the indexes named, without a stream and
 * without TTL (what the current definition adds on top of pk/sk is exactly what a migration must add).
 */
function previousSchema(tableName: string, without: string[]): CreateTableCommandInput {
  const current = tenantTableDefinition(tableName);
  const gsis = current.GlobalSecondaryIndexes!.filter((g) => !without.includes(g.IndexName!));
  const used = new Set(['pk', 'sk', ...gsis.flatMap((g) => g.KeySchema!.map((k) => k.AttributeName!))]);
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    KeySchema: current.KeySchema,
    AttributeDefinitions: current.AttributeDefinitions!.filter((a) => used.has(a.AttributeName!)),
    ...(gsis.length > 0 && { GlobalSecondaryIndexes: gsis }),
  };
}

async function describeTable(p: LocalPlatform, name: string) {
  const db = p.db as unknown as DynamoDBClient;
  const table = (await db.send(new DescribeTableCommand({ TableName: name }))).Table!;
  const ttl = (await db.send(new DescribeTimeToLiveCommand({ TableName: name }))).TimeToLiveDescription;
  return { table, ttl };
}

/** Counts the DescribeTable calls per table that pass through the platform's client. */
function countDescribes(p: LocalPlatform) {
  const seen = new Map<string, number>();
  p.db.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === 'DescribeTableCommand') {
        const name = (args.input as { TableName: string }).TableName;
        seen.set(name, (seen.get(name) ?? 0) + 1);
      }
      return next(args);
    },
    { step: 'initialize', name: 'countDescribes' },
  );
  return seen;
}

describe('tenant table migration (DynamoDB Local)', () => {
  it('adds the GSIs, the stream and TTL a table of the previous schema lacks, keeps its items, then does nothing', async () => {
    const p = await testPlatform();
    const name = `${p.naming.prefix}tenant-old`;
    const db = p.db as unknown as DynamoDBClient;
    await db.send(new CreateTableCommand(previousSchema(name, [GSI.byConsumer.name])));
    // An item written before the migration, carrying the attributes of the index to come.
    await p.db.send(
      new PutCommand({
        TableName: name,
        Item: { pk: 'C#1', sk: 'META', [GSI.byConsumer.pk]: 'blind-1', [GSI.byConsumer.sk]: '2026-01-01#1' },
      }),
    );

    expect(await migrateTenantTable(p.db, name, FAST)).toEqual(['index:byConsumer', 'stream', 'ttl:expiresAt']);

    const { table, ttl } = await describeTable(p, name);
    expect(table.GlobalSecondaryIndexes!.map((g) => [g.IndexName, g.IndexStatus]).sort()).toEqual([
      ['byConsumer', 'ACTIVE'],
      ['byStatus', 'ACTIVE'],
      ['openByAssignee', 'ACTIVE'],
      ['openByDue', 'ACTIVE'],
    ]);
    expect(table.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' });
    expect(ttl).toMatchObject({ TimeToLiveStatus: 'ENABLED', AttributeName: 'expiresAt' });
    const found = await p.db.send(
      new QueryCommand({
        TableName: name,
        IndexName: GSI.byConsumer.name,
        KeyConditionExpression: '#pk = :v',
        ExpressionAttributeNames: { '#pk': GSI.byConsumer.pk },
        ExpressionAttributeValues: { ':v': 'blind-1' },
      }),
    );
    expect(found.Items?.map((i) => i.pk)).toEqual(['C#1']);

    // A second run is a no-op.
    expect(await migrateTenantTable(p.db, name, FAST)).toEqual([]);
  });

  it('adds several missing GSIs one after the other', async () => {
    const p = await testPlatform();
    const name = `${p.naming.prefix}tenant-older`;
    await (p.db as unknown as DynamoDBClient).send(
      new CreateTableCommand(previousSchema(name, [GSI.openByDue.name, GSI.byConsumer.name])),
    );
    const steps = await migrateTenantTable(p.db, name, FAST);
    expect(steps.filter((s) => s.startsWith('index:'))).toEqual(['index:openByDue', 'index:byConsumer']);
    const { table } = await describeTable(p, name);
    expect(table.GlobalSecondaryIndexes).toHaveLength(Object.keys(GSI).length);
  });

  it('gives the open, assigned complaints of a table from before openByAssignee their place in it, and only those', async () => {
    const p = await testPlatform();
    const tenant = await onboardTenant(p, { id: 'bank-mine', name: 'Mine', kind: 'bank', policy: 'cn-nfra-2020' });
    const name = `${p.naming.prefix}tenant-v1`;
    await (p.db as unknown as DynamoDBClient).send(
      new CreateTableCommand(previousSchema(name, [GSI.openByAssignee.name])),
    );
    const { complaint } = await registerComplaint(
      p,
      tenant,
      principal(tenant.id, ['intake'], 'desk'),
      IntakeSchema.parse(intakeBody()),
      'mine-1',
    );
    const template = (await p.complaints.get(tenant.tableName, complaint.id))!;
    // Items as version 1 wrote them: what toComplaintItem gives, without the new index's attributes.
    const v1 = (r: ComplaintRecord) => {
      const { [GSI.openByAssignee.pk]: _pk, [GSI.openByAssignee.sk]: _sk, ...item } = toComplaintItem(r);
      return item;
    };
    const records: ComplaintRecord[] = [
      { ...template, id: 'A1', assignee: 'hana' },
      { ...template, id: 'A2', assignee: 'hana' },
      { ...template, id: 'B1', assignee: 'bo' },
      { ...template, id: 'U1', assignee: null },
      { ...template, id: 'C1', assignee: 'hana', status: 'closed' },
    ];
    for (const r of records) await p.db.send(new PutCommand({ TableName: name, Item: v1(r) }));

    // Before its migration (in AWS, until the provisioner runs again) "mine" still answers, by filter.
    const listed = await p.complaints.list(name, { limit: 25, queue: { assignee: 'hana' } });
    expect(listed.items.map((c) => c.id).sort()).toEqual(['A1', 'A2']);

    expect(await migrateTenantTable(p.db, name, FAST)).toContain('backfill:openByAssignee');
    const mine = async (sub: string) =>
      (
        await p.db.send(
          new QueryCommand({
            TableName: name,
            IndexName: GSI.openByAssignee.name,
            KeyConditionExpression: '#pk = :v',
            ExpressionAttributeNames: { '#pk': GSI.openByAssignee.pk },
            ExpressionAttributeValues: { ':v': assigneeIndexKey(sub) },
          }),
        )
      ).Items?.map((i) => i.id as string).sort();
    expect(await mine('hana')).toEqual(['A1', 'A2']);
    expect(await mine('bo')).toEqual(['B1']);
    // The backfilled items are exactly what the writer makes of the same records now.
    for (const r of records.slice(0, 3)) {
      const stored = await p.db.send(new GetCommand({ TableName: name, Key: complaintKey(r.id) }));
      expect(stored.Item).toEqual(toComplaintItem(r));
    }
    expect(await migrateTenantTable(p.db, name, FAST)).toEqual([]);
  });

  it('refuses to change a stream of another view type (records not yet delivered would be lost)', async () => {
    const p = await testPlatform();
    const name = `${p.naming.prefix}tenant-keys-only`;
    await (p.db as unknown as DynamoDBClient).send(
      new CreateTableCommand({
        ...tenantTableDefinition(name),
        StreamSpecification: { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' },
      }),
    );
    await expect(migrateTable(p.db, tenantTableDefinition(name), FAST)).rejects.toThrow(/KEYS_ONLY.*by hand/);
  });

  it('records the current schema version at onboarding', async () => {
    const p = await testPlatform();
    await onboardTenant(p, { id: 'bank-new', name: 'New', kind: 'bank', policy: 'cn-nfra-2020' });
    expect(await p.tenants.schemaVersions()).toEqual([
      {
        id: 'bank-new',
        tableName: tenantTable(p.naming, 'bank-new'),
        status: 'active',
        schemaVersion: TENANT_SCHEMA_VERSION,
      },
    ]);
  });

  it('at start migrates only tables recorded at an older version, records them, and skips current ones unseen', async () => {
    const p = await testPlatform();
    await onboardTenant(p, { id: 'bank-current', name: 'Current', kind: 'bank', policy: 'cn-nfra-2020' });
    // A tenant onboarded by an older version of the code: its table lacks an index, no version recorded.
    const at = new Date().toISOString();
    const old: Tenant = {
      id: 'bank-old',
      name: 'Old',
      kind: 'bank',
      policy: 'cn-nfra-2020',
      timezone: 'Asia/Shanghai',
      referencePrefix: 'BO',
      repeatWindowDays: 30,
      status: 'active',
      tableName: tenantTable(p.naming, 'bank-old'),
      createdAt: at,
      updatedAt: at,
    };
    await p.tenants.insert(old);
    await (p.db as unknown as DynamoDBClient).send(
      new CreateTableCommand(previousSchema(old.tableName, [GSI.byConsumer.name])),
    );
    // Still provisioning, with no table yet: left to its provisioning.
    await p.tenants.insert({
      ...old,
      id: 'bank-half',
      tableName: tenantTable(p.naming, 'bank-half'),
      status: 'provisioning',
    });

    const describes = countDescribes(p);
    expect(await migrateOutdatedTenantTables(p.db, p.tenants, silentLogger, FAST)).toBe(1);
    expect(describes.get(tenantTable(p.naming, 'bank-current'))).toBeUndefined();
    expect(describes.get(tenantTable(p.naming, 'bank-half'))).toBeUndefined();
    expect(describes.get(old.tableName)).toBeGreaterThan(0);
    const { table } = await describeTable(p, old.tableName);
    expect(table.GlobalSecondaryIndexes!.map((g) => g.IndexName).sort()).toEqual([
      'byConsumer',
      'byStatus',
      'openByAssignee',
      'openByDue',
    ]);
    expect((await p.tenants.schemaVersions()).find((t) => t.id === 'bank-old')?.schemaVersion).toBe(
      TENANT_SCHEMA_VERSION,
    );

    // The next start finds nothing to do and describes no tenant table at all.
    describes.clear();
    expect(await migrateOutdatedTenantTables(p.db, p.tenants, silentLogger, FAST)).toBe(0);
    expect([...describes.keys()]).toEqual([]);
  });

  it('never lowers a recorded schema version', async () => {
    const p = await testPlatform();
    await onboardTenant(p, { id: 'bank-v', name: 'V', kind: 'bank', policy: 'cn-nfra-2020' });
    await p.tenants.recordSchemaVersion('bank-v', TENANT_SCHEMA_VERSION + 5);
    await p.tenants.recordSchemaVersion('bank-v', TENANT_SCHEMA_VERSION);
    expect((await p.tenants.schemaVersions())[0]?.schemaVersion).toBe(TENANT_SCHEMA_VERSION + 5);
    // And a tenant that does not exist gets no record.
    await p.tenants.recordSchemaVersion('nobody', 1);
    expect(await p.tenants.get('nobody')).toBeUndefined();
  });
});
