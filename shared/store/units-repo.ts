import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { conflict } from '../domain/errors';
import { type UnitTree, UnitTreeSchema } from '../domain/tenant/units';
import { keyed, unitsKey } from './keys';
import { isConditionFailure } from './transaction-errors';
import { versionedPut } from './versioned-put';

export type StoredUnits = UnitTree & { version: number };

/** The tenant's unit hierarchy as one versioned item: escalation reads it whole, edits replace it whole. */
export class UnitsRepo {
  constructor(private readonly db: DynamoDBDocumentClient) {}

  async get(table: string): Promise<StoredUnits | undefined> {
    const res = await this.db.send(new GetCommand({ TableName: table, Key: unitsKey(), ConsistentRead: true }));
    if (!res.Item) return undefined;
    return { ...UnitTreeSchema.parse({ units: res.Item.units }), version: Number(res.Item.version) };
  }

  /** `expectedVersion` 0 means "there are no units yet". */
  async put(table: string, tree: UnitTree, expectedVersion: number): Promise<StoredUnits> {
    const version = expectedVersion + 1;
    try {
      await this.db.send(
        new PutCommand(versionedPut(table, { ...keyed('units', unitsKey()), units: tree.units }, expectedVersion)),
      );
    } catch (e) {
      if (isConditionFailure(e))
        throw conflict('version_conflict', 'the units were changed by someone else; read them again and retry');
      throw e;
    }
    return { ...tree, version };
  }
}
