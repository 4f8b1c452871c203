import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { HistoryEvent } from '../domain/kpi/kpi-history';
import { complaintKey, EVENT_PREFIX } from './keys';
import { queryAll } from './query-all';
import { StatsRepo } from './stats-repo';

/** A complaint's events with the snapshot stored on each (the overdue flag's history). */
export async function eventHistory(db: DynamoDBDocumentClient, table: string, id: string): Promise<HistoryEvent[]> {
  const items = await queryAll(db, {
    TableName: table,
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :e)',
    ExpressionAttributeValues: { ':pk': complaintKey(id).pk, ':e': EVENT_PREFIX },
    ConsistentRead: true,
  });
  return items.map((i) => ({
    type: String(i.type),
    at: String(i.at),
    ...(i.snapshot ? { snapshot: { overdue: Boolean((i.snapshot as { overdue?: boolean }).overdue) } } : {}),
  }));
}

/** Sets one month's (or the gauges') KPI counters to `totals`, as the rebuild does (StatsRepo.replaceKpis). */
export const replaceKpis = (db: DynamoDBDocumentClient, table: string, month: string, totals: Record<string, number>) =>
  new StatsRepo(db).replaceKpis(table, month, totals);

/** The two calls above over one client, as the platform hands them to the KPI rebuild. */
export class KpiRebuildStore {
  constructor(private readonly db: DynamoDBDocumentClient) {}

  eventHistory(table: string, id: string): Promise<HistoryEvent[]> {
    return eventHistory(this.db, table, id);
  }

  replaceKpis(table: string, month: string, totals: Record<string, number>): Promise<void> {
    return replaceKpis(this.db, table, month, totals);
  }
}
