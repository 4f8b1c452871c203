import {
  ConditionalCheckFailedException,
  type CreateTableCommandInput,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  type DynamoDBClient,
  type GlobalSecondaryIndexDescription,
  ResourceInUseException,
  ResourceNotFoundException,
  type TableDescription,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Logger } from '../ports/logger';
import { assigneeIndexKey, GSI } from './keys';
import { IDEMPOTENCY_TTL_ATTRIBUTE, TENANT_SCHEMA_VERSION, tenantTableDefinition } from './table-schemas';
import type { TenantsRepo } from './tenants-repo';

/** What one migration changed on a table; empty when the table already had everything. */
export type MigrationStep = `index:${string}` | 'stream' | `ttl:${string}` | `backfill:${string}`;

export type MigrateOptions = {
  /** TTL attribute the table must expire items by. */
  ttlAttribute?: string;
  /** How long one step may take to become ACTIVE (a GSI backfills the whole table first). */
  timeoutMs?: number;
  pollMs?: number;
};

type Client = DynamoDBClient | DynamoDBDocumentClient;

const indexesOf = (t: TableDescription): GlobalSecondaryIndexDescription[] => t.GlobalSecondaryIndexes ?? [];
const settled = (t: TableDescription) =>
  t.TableStatus === 'ACTIVE' && indexesOf(t).every((g) => g.IndexStatus === 'ACTIVE');

/**
 * Brings an existing table up to `target` without touching its items, one change at a time as
 * DynamoDB requires: each missing GSI (UpdateTable, then wait until it is ACTIVE), the stream,
 * then TTL. Idempotent: a table that has everything costs one DescribeTable (and one
 * DescribeTimeToLive with `ttlAttribute`), and a change another process has begun is waited for
 * rather than repeated.
 */
export async function migrateTable(
  db: Client,
  target: CreateTableCommandInput,
  o: MigrateOptions = {},
): Promise<MigrationStep[]> {
  const client = db as DynamoDBClient;
  const TableName = target.TableName!;
  const wait = async (): Promise<TableDescription> => {
    const deadline = Date.now() + (o.timeoutMs ?? 300_000);
    for (;;) {
      const t = (await client.send(new DescribeTableCommand({ TableName }))).Table!;
      if (settled(t)) return t;
      if (Date.now() > deadline)
        throw new Error(
          `table ${TableName} is not ACTIVE in time: ${t.TableStatus}, ${indexesOf(t)
            .map((g) => `${g.IndexName} ${g.IndexStatus}`)
            .join(', ')}`,
        );
      await new Promise((r) => setTimeout(r, o.pollMs ?? 1000));
    }
  };
  // A change someone else is applying (ResourceInUse): wait for it, then look again.
  const update = async (input: UpdateTableCommand['input']): Promise<void> => {
    try {
      await client.send(new UpdateTableCommand(input));
    } catch (e) {
      if (!(e instanceof ResourceInUseException)) throw e;
    }
  };
  const steps: MigrationStep[] = [];
  let table = await wait();

  for (const gsi of target.GlobalSecondaryIndexes ?? []) {
    if (indexesOf(table).some((g) => g.IndexName === gsi.IndexName)) continue;
    const keyNames = new Set(gsi.KeySchema!.map((k) => k.AttributeName));
    await update({
      TableName,
      AttributeDefinitions: target.AttributeDefinitions!.filter((a) => keyNames.has(a.AttributeName)),
      GlobalSecondaryIndexUpdates: [{ Create: gsi }],
    });
    table = await wait();
    if (!indexesOf(table).some((g) => g.IndexName === gsi.IndexName))
      throw new Error(`index ${gsi.IndexName} was not created on ${TableName}`);
    steps.push(`index:${gsi.IndexName!}`);
  }

  const wanted = target.StreamSpecification;
  if (wanted?.StreamEnabled) {
    const has = table.StreamSpecification;
    if (!has?.StreamEnabled) {
      await update({ TableName, StreamSpecification: wanted });
      table = await wait();
      steps.push('stream');
    } else if (has.StreamViewType !== wanted.StreamViewType) {
      // Changing the view type means a new stream: records not yet delivered would be lost.
      throw new Error(
        `table ${TableName} streams ${has.StreamViewType}, the schema wants ${wanted.StreamViewType}: change it by hand`,
      );
    }
  }

  if (o.ttlAttribute) {
    const ttl = (await client.send(new DescribeTimeToLiveCommand({ TableName }))).TimeToLiveDescription;
    const status = ttl?.TimeToLiveStatus ?? 'DISABLED';
    if (status === 'DISABLED' || status === 'DISABLING') {
      await client.send(
        new UpdateTimeToLiveCommand({
          TableName,
          TimeToLiveSpecification: { Enabled: true, AttributeName: o.ttlAttribute },
        }),
      );
      steps.push(`ttl:${o.ttlAttribute}`);
    } else if (ttl?.AttributeName !== o.ttlAttribute) {
      throw new Error(`table ${TableName} expires items by ${ttl?.AttributeName}, the schema by ${o.ttlAttribute}`);
    }
  }
  return steps;
}

/** A tenant table brought up to the current tenant schema, its items' index attributes included. */
export async function migrateTenantTable(
  db: Client,
  tableName: string,
  o: Omit<MigrateOptions, 'ttlAttribute'> = {},
): Promise<MigrationStep[]> {
  const steps = await migrateTable(db, tenantTableDefinition(tableName), {
    ...o,
    ttlAttribute: IDEMPOTENCY_TTL_ATTRIBUTE,
  });
  const documents = db instanceof DynamoDBDocumentClient ? db : DynamoDBDocumentClient.from(db as DynamoDBClient);
  if ((await backfillAssigneeIndex(documents, tableName)) > 0) steps.push(`backfill:${GSI.openByAssignee.name}`);
  return steps;
}

/**
 * Open, assigned complaints written before `openByAssignee` existed lack its attributes: each gets
 * them from its own item, read through the open index (never a Scan). The write is conditioned on
 * the item being as read (same assignee, same place in the open index, still without them), so a
 * complaint changed meanwhile, which the writer has already given its index attributes or taken
 * out of the open index, is left as it is. Idempotent: a second run finds nothing.
 */
export async function backfillAssigneeIndex(db: DynamoDBDocumentClient, tableName: string): Promise<number> {
  const open = GSI.openByDue;
  const mine = GSI.openByAssignee;
  let written = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: open.name,
        KeyConditionExpression: '#pk = :open',
        FilterExpression: 'attribute_type(#assignee, :string) AND attribute_not_exists(#mine)',
        ProjectionExpression: 'pk, sk, #assignee, #sk',
        ExpressionAttributeNames: { '#pk': open.pk, '#sk': open.sk, '#assignee': 'assignee', '#mine': mine.pk },
        ExpressionAttributeValues: { ':open': 'OPEN', ':string': 'S' },
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) {
      try {
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: { pk: item.pk, sk: item.sk },
            UpdateExpression: 'SET #mine = :key, #mineSk = :sortKey',
            ConditionExpression: '#assignee = :assignee AND #openSk = :sortKey AND attribute_not_exists(#mine)',
            ExpressionAttributeNames: {
              '#mine': mine.pk,
              '#mineSk': mine.sk,
              '#assignee': 'assignee',
              '#openSk': open.sk,
            },
            ExpressionAttributeValues: {
              ':key': assigneeIndexKey(item.assignee as string),
              ':sortKey': item[open.sk],
              ':assignee': item.assignee,
            },
          }),
        );
        written++;
      } catch (e) {
        if (!(e instanceof ConditionalCheckFailedException)) throw e;
      }
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return written;
}

/**
 * At start: migrates only the tenant tables whose recorded schema version is older than the
 * current one (one query of the control plane; current tables are not described at all), and
 * records the new version. Tenants still provisioning are left to their provisioning, which
 * migrates too.
 */
export async function migrateOutdatedTenantTables(
  db: Client,
  tenants: TenantsRepo,
  logger: Logger,
  o: Omit<MigrateOptions, 'ttlAttribute'> = {},
): Promise<number> {
  let migrated = 0;
  for (const t of await tenants.schemaVersions()) {
    if (t.status === 'provisioning' || t.schemaVersion >= TENANT_SCHEMA_VERSION) continue;
    try {
      const steps = await migrateTenantTable(db, t.tableName, o);
      logger.info('tenant table migrated', {
        tenantId: t.id,
        from: t.schemaVersion,
        to: TENANT_SCHEMA_VERSION,
        steps: steps.join(','),
      });
    } catch (e) {
      if (e instanceof ResourceNotFoundException) continue;
      throw e;
    }
    await tenants.recordSchemaVersion(t.id, TENANT_SCHEMA_VERSION);
    migrated++;
  }
  return migrated;
}
