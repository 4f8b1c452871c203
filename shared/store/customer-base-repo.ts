import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  type DynamoDBDocumentClient,
  PutCommand,
} from '@aws-sdk/lib-dynamodb';
import type { CustomerBase } from '../domain/kpi/customer-base';
import { customerBaseKey, keyed } from './keys';

export type StoredCustomerBase = CustomerBase & { period: string; updatedAt: string; updatedBy: string };

const fromItem = (i: Record<string, unknown>): StoredCustomerBase => ({
  period: String(i.period),
  ...(typeof i.customers === 'number' && { customers: i.customers }),
  ...(typeof i.policies === 'number' && { policies: i.policies }),
  ...(typeof i.premiumYuan === 'number' && { premiumYuan: i.premiumYuan }),
  updatedAt: String(i.updatedAt),
  updatedBy: String(i.updatedBy),
});

/** The institution's stated size, one item per period in its own table. */
export class CustomerBaseRepo {
  constructor(private readonly db: DynamoDBDocumentClient) {}

  /** The figures of those periods that have any, in the order asked: one BatchGetItem. */
  async get(table: string, periods: readonly string[]): Promise<StoredCustomerBase[]> {
    const found = new Map<string, StoredCustomerBase>();
    let keys: Record<string, unknown>[] | undefined = periods.map(customerBaseKey);
    // Keys DynamoDB left unprocessed (throttling) are asked for again; a handful of small items.
    for (let attempt = 0; keys?.length && attempt < 5; attempt++) {
      const res: BatchGetCommandOutput = await this.db.send(
        new BatchGetCommand({ RequestItems: { [table]: { Keys: keys, ConsistentRead: true } } }),
      );
      for (const i of res.Responses?.[table] ?? []) found.set(String(i.period), fromItem(i));
      keys = res.UnprocessedKeys?.[table]?.Keys;
    }
    return periods.flatMap((p) => found.get(p) ?? []);
  }

  /** Replaces the period's figures whole: a field left out is no longer stated. */
  async put(table: string, value: StoredCustomerBase): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: table,
        Item: { ...keyed('customer-base', customerBaseKey(value.period)), ...value },
      }),
    );
  }
}
