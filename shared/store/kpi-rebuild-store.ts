import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { KPI_PREFIX } from '../domain/kpi/kpi-counts';
import type { HistoryEvent } from '../domain/kpi/kpi-history';
import { complaintKey, countersKey, EVENT_PREFIX } from './keys';
import { queryAll } from './query-all';

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

/**
 * Sets one month's (or the gauges') KPI counters to `totals`: written whole on shard 00, removed
 * from the other shards; the institution's own counters (without the `kpi.` prefix) stay as they are.
 */
export async function replaceKpis(
  db: DynamoDBDocumentClient,
  table: string,
  month: string,
  totals: Record<string, number>,
): Promise<void> {
  const shards = await queryAll(db, {
    TableName: table,
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': countersKey(month, 0).pk },
    ConsistentRead: true,
  });
  const first = countersKey(month, 0);
  const stale = (item: Record<string, unknown> | undefined) =>
    Object.keys(item ?? {}).filter((k) => k.startsWith(KPI_PREFIX) && !(item?.sk === first.sk && k in totals));
  const update = async (key: { pk: string; sk: string }, set: Record<string, number>, remove: string[]) => {
    const names: Record<string, string> = {};
    const values: Record<string, number> = {};
    const sets = Object.entries(set).map(([k, v], i) => {
      names[`#s${i}`] = k;
      values[`:s${i}`] = v;
      return `#s${i} = :s${i}`;
    });
    const removes = remove.map((k, i) => {
      names[`#r${i}`] = k;
      return `#r${i}`;
    });
    if (sets.length + removes.length === 0) return;
    await db.send(
      new UpdateCommand({
        TableName: table,
        Key: key,
        UpdateExpression: [sets.length && `SET ${sets.join(', ')}`, removes.length && `REMOVE ${removes.join(', ')}`]
          .filter(Boolean)
          .join(' '),
        ExpressionAttributeNames: names,
        ...(sets.length > 0 && { ExpressionAttributeValues: values }),
      }),
    );
  };
  await update(first, totals, stale(shards.find((s) => s.sk === first.sk)));
  for (const s of shards.filter((x) => x.sk !== first.sk))
    await update({ pk: String(s.pk), sk: String(s.sk) }, {}, stale(s));
}

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
