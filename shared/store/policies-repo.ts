import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { conflict } from '../domain/errors';
import { isConditionFailure } from './transaction-errors';

const policyKey = () => ({ pk: 'POLICY', sk: 'META' });

export type StoredOverride = { override: Record<string, unknown>; version: number; updatedAt: string };

/** A tenant's stricter-than-preset override, one versioned item in its own table. */
export class PoliciesRepo {
  constructor(private readonly db: DynamoDBDocumentClient) {}

  async get(table: string): Promise<StoredOverride | undefined> {
    const res = await this.db.send(new GetCommand({ TableName: table, Key: policyKey(), ConsistentRead: true }));
    if (!res.Item) return undefined;
    return {
      override: res.Item.override as Record<string, unknown>,
      version: Number(res.Item.version),
      updatedAt: String(res.Item.updatedAt),
    };
  }

  async put(
    table: string,
    override: Record<string, unknown>,
    expectedVersion: number,
    at: string,
  ): Promise<StoredOverride> {
    const version = expectedVersion + 1;
    try {
      await this.db.send(
        new PutCommand({
          TableName: table,
          Item: { ...policyKey(), kind: 'policy', override, version, updatedAt: at },
          ConditionExpression: expectedVersion === 0 ? 'attribute_not_exists(pk)' : 'version = :v',
          ...(expectedVersion !== 0 && { ExpressionAttributeValues: { ':v': expectedVersion } }),
        }),
      );
    } catch (e) {
      if (isConditionFailure(e))
        throw conflict('version_conflict', 'the policy was changed by someone else; read it again and retry');
      throw e;
    }
    return { override, version, updatedAt: at };
  }
}
