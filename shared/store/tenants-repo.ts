import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { type Tenant, type TenantLimits, TenantSchema } from '../domain/tenant/tenant-schema';
import { decodeCursor, encodeCursor } from './cursor';
import { byKindQuery, CONTROL_GSI, type Kind, tenantRecordKey } from './keys';
import { isConditionFailure } from './transaction-errors';

const KIND = 'TENANT' satisfies Kind;

export class TenantsRepo {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  /** Returns false when a tenant with this id is already recorded. */
  async insert(tenant: Tenant): Promise<boolean> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: {
            ...tenantRecordKey(tenant.id),
            ...tenant,
            [CONTROL_GSI.byKind.pk]: KIND,
            [CONTROL_GSI.byKind.sk]: tenant.id,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (e) {
      if (isConditionFailure(e)) return false;
      throw e;
    }
  }

  async get(id: string): Promise<Tenant | undefined> {
    const res = await this.db.send(
      new GetCommand({ TableName: this.table, Key: tenantRecordKey(id), ConsistentRead: true }),
    );
    return res.Item ? TenantSchema.parse(res.Item) : undefined;
  }

  async list(limit: number, cursor?: string): Promise<{ items: Tenant[]; nextCursor: string | null }> {
    const g = CONTROL_GSI.byKind;
    const res = await this.db.send(
      new QueryCommand(byKindQuery(this.table, KIND, { limit, start: decodeCursor(cursor, ['pk', 'sk', g.pk, g.sk]) })),
    );
    return {
      items: (res.Items ?? []).map((i) => TenantSchema.parse(i)),
      nextCursor: encodeCursor(res.LastEvaluatedKey),
    };
  }

  async setStatus(id: string, status: Tenant['status'], at: string): Promise<Tenant | undefined> {
    try {
      const res = await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: tenantRecordKey(id),
          UpdateExpression: 'SET #status = :status, updatedAt = :at',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':status': status, ':at': at },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return TenantSchema.parse(res.Attributes);
    } catch (e) {
      if (isConditionFailure(e)) return undefined;
      throw e;
    }
  }

  /** Sets the tenant's own limits, or removes them (`undefined`: the platform default applies). */
  async setLimits(id: string, limits: TenantLimits | undefined, at: string): Promise<Tenant | undefined> {
    try {
      const res = await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: tenantRecordKey(id),
          UpdateExpression: limits ? 'SET limits = :limits, updatedAt = :at' : 'REMOVE limits SET updatedAt = :at',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':at': at, ...(limits && { ':limits': limits }) },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return TenantSchema.parse(res.Attributes);
    } catch (e) {
      if (isConditionFailure(e)) return undefined;
      throw e;
    }
  }

  /**
   * Every tenant's table and the schema version it was last migrated to (0: never recorded), in
   * one paginated query of the control plane, without the tenants' other attributes.
   */
  async schemaVersions(): Promise<{ id: string; tableName: string; status: string; schemaVersion: number }[]> {
    const g = CONTROL_GSI.byKind;
    const out: { id: string; tableName: string; status: string; schemaVersion: number }[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const res = await this.db.send(
        new QueryCommand({
          TableName: this.table,
          IndexName: g.name,
          KeyConditionExpression: '#pk = :kind',
          ProjectionExpression: 'id, tableName, #status, schemaVersion',
          ExpressionAttributeNames: { '#pk': g.pk, '#status': 'status' },
          ExpressionAttributeValues: { ':kind': KIND },
          ExclusiveStartKey: start,
        }),
      );
      for (const i of res.Items ?? [])
        out.push({ id: i.id, tableName: i.tableName, status: i.status, schemaVersion: i.schemaVersion ?? 0 });
      start = res.LastEvaluatedKey;
    } while (start);
    return out;
  }

  /** Records that the tenant's table has the given schema version; never lowers a recorded one. */
  async recordSchemaVersion(id: string, version: number): Promise<void> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: tenantRecordKey(id),
          UpdateExpression: 'SET schemaVersion = :v',
          ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(schemaVersion) OR schemaVersion < :v)',
          ExpressionAttributeValues: { ':v': version },
        }),
      );
    } catch (e) {
      if (!isConditionFailure(e)) throw e;
    }
  }
}
