import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { sumCounters } from '../domain/kpi/kpi-report';
import { countersKey } from './keys';
import { queryAll } from './query-all';

/** The counters item that is not per month: gauges such as "open now" (STATS#NOW). */
export const GAUGES_MONTH = 'NOW';

/** Reads the sharded counter items: one Query per month (at most 16 small items), whatever the volume. */
export class StatsRepo {
  constructor(private readonly db: DynamoDBDocumentClient) {}

  async month(table: string, month: string): Promise<Record<string, number>> {
    const items = await queryAll(this.db, {
      TableName: table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': countersKey(month, 0).pk },
      ConsistentRead: true,
    });
    return sumCounters(items);
  }

  async months(table: string, months: readonly string[]): Promise<Record<string, number>> {
    return sumCounters(await Promise.all(months.map((m) => this.month(table, m))));
  }

  gauges(table: string): Promise<Record<string, number>> {
    return this.month(table, GAUGES_MONTH);
  }
}
