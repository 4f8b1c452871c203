import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { type Tenant, TenantSchema } from '../domain/tenant/tenant-schema';
import { decodeCursor, encodeCursor } from './cursor';
import { byKindQuery, CONTROL_GSI, tenantRecordKey } from './keys';
import { isConditionFailure } from './transaction-errors';

const KIND = 'TENANT';

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
}
