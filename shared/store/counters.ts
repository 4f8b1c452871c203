import { SHARD_WRITES } from '../domain/kpi/counter-rollup';
import { COUNTER_SHARDS, countersKey } from './keys';

/**
 * Increments to one month's statistics, e.g. { month: '2026-11', shardOf: complaintId, counts: { received: 1 } }.
 * Every state-changing transaction carries one: spreading them over shards keeps two transactions
 * from colliding on a single hot counter item; readers add the shards up.
 */
export type CounterIncrements = { month: string; shardOf: string; counts: Record<string, number> };

export function shardFor(id: string): number {
  let h = 0;
  for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h % COUNTER_SHARDS;
}

export function counterUpdate(table: string, { month, shardOf, counts }: CounterIncrements) {
  // Every update also counts itself: the compactor empties a shard only if no write came in between.
  const names: Record<string, string> = { '#w': SHARD_WRITES };
  const values: Record<string, number> = { ':w': 1 };
  const parts = Object.entries(counts).map(([name, by], i) => {
    names[`#c${i}`] = name;
    values[`:c${i}`] = by;
    return `#c${i} :c${i}`;
  });
  return {
    TableName: table,
    Key: countersKey(month, shardFor(shardOf)),
    UpdateExpression: `ADD #w :w, ${parts.join(', ')}`,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}

/** The transaction's counter updates, leaving out those with nothing to add. */
export const counterUpdates = (table: string, all: readonly CounterIncrements[]) =>
  all.filter((c) => Object.keys(c.counts).length > 0).map((c) => ({ Update: counterUpdate(table, c) }));
