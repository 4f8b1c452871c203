import { type DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import {
  folded,
  partitionTotals,
  type Rollup,
  replacedRollup,
  SHARD_ROLLED_INTO,
  SHARD_WRITES,
  type Shard,
  shardOf,
} from '../domain/kpi/counter-rollup';
import { KPI_PREFIX } from '../domain/kpi/kpi-counts';
import { sumCounters } from '../domain/kpi/kpi-report';
import { countersPartition, countersRollupKey } from './keys';
import { queryAll } from './query-all';
import { isConditionFailure, isTransactionConflict } from './transaction-errors';

/** The counters item that is not per month: gauges such as "open now" (STATS#NOW). */
export const GAUGES_MONTH = 'NOW';

/** A read that caught a fold half-way reads again; a fold takes one transaction, so this is plenty. */
const READ_ATTEMPTS = 5;

type Partition = { rollup: Rollup | undefined; shards: Shard[] };

/**
 * Reads and folds the sharded counters (counter-rollup.ts): one Query per month returns the rollup
 * and the shards, each narrow once folded, whatever the volume.
 */
export class StatsRepo {
  constructor(private readonly db: DynamoDBDocumentClient) {}

  private async partition(table: string, month: string): Promise<Partition> {
    const items = await queryAll(this.db, {
      TableName: table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': countersPartition(month) },
      ConsistentRead: true,
    });
    const rollupSk = countersRollupKey(month).sk;
    const stored = items.find((i) => i.sk === rollupSk);
    return {
      rollup: stored ? { rev: Number(stored.rev), body: JSON.parse(String(stored.body)) } : undefined,
      shards: items.filter((i) => i !== stored).map(shardOf),
    };
  }

  /** Every counter of the month (the KPIs and the institution's own), rollup and shards added up. */
  async month(table: string, month: string): Promise<Record<string, number>> {
    for (let attempt = 1; ; attempt++) {
      const { rollup, shards } = await this.partition(table, month);
      const totals = partitionTotals(rollup, shards);
      if (totals !== 'stale') return totals;
      if (attempt >= READ_ATTEMPTS) throw new Error(`counters of ${month} kept changing under the read`);
    }
  }

  /** The KPI counters of several months, added up. */
  async months(table: string, months: readonly string[]): Promise<Record<string, number>> {
    return sumCounters(await Promise.all(months.map((m) => this.month(table, m))));
  }

  gauges(table: string): Promise<Record<string, number>> {
    return this.month(table, GAUGES_MONTH);
  }

  /**
   * Folds every shard with counts into the rollup, one shard per transaction: the shard emptied only
   * if no write came in since it was read, the rollup replaced only at the revision it was read at.
   * A fold that loses either race stops; the write that beat it is folded on its own turn. Returns
   * the number of shards folded.
   */
  async compact(table: string, month: string): Promise<number> {
    let { rollup, shards } = await this.partition(table, month);
    let count = 0;
    for (const shard of shards) {
      const next = folded(rollup, shard);
      if (!next) continue;
      try {
        await this.db.send(
          new TransactWriteCommand({
            TransactItems: [emptiedShard(table, month, shard, next.rev), rollupPut(table, month, next, rollup)],
          }),
        );
      } catch (e) {
        if (isConditionFailure(e) || isTransactionConflict(e)) return count;
        throw e;
      }
      rollup = next;
      count++;
    }
    return count;
  }

  /**
   * Sets the month's KPI counters to `totals` (the rebuild), keeping the institution's own counters
   * (without the `kpi.` prefix): one transaction writes the rollup and empties every shard.
   */
  async replaceKpis(table: string, month: string, totals: Record<string, number>): Promise<void> {
    const { rollup, shards } = await this.partition(table, month);
    const current = partitionTotals(rollup, shards);
    if (current === 'stale') throw new Error(`counters of ${month} changed during the rebuild`);
    const own = Object.fromEntries(Object.entries(current).filter(([k]) => !k.startsWith(KPI_PREFIX)));
    const next = replacedRollup(rollup, shards, { ...own, ...totals });
    // One transaction holds at most 100 items: the rollup and 16 shards at most.
    await this.db.send(
      new TransactWriteCommand({
        TransactItems: [
          ...shards.map((s) => emptiedShard(table, month, s, next.rev)),
          rollupPut(table, month, next, rollup),
        ],
      }),
    );
  }
}

/** The shard with no counts left, at the write count it was read at. */
function emptiedShard(table: string, month: string, shard: Shard, rev: number) {
  return {
    Put: {
      TableName: table,
      Item: {
        pk: countersPartition(month),
        sk: shard.sk,
        [SHARD_WRITES]: shard.writes,
        [SHARD_ROLLED_INTO]: rev,
      },
      // Shards written before writes were counted have no count yet: they are at 0.
      ConditionExpression: shard.writes === 0 ? 'attribute_not_exists(#w) OR #w = :w' : '#w = :w',
      ExpressionAttributeNames: { '#w': SHARD_WRITES },
      ExpressionAttributeValues: { ':w': shard.writes },
    },
  };
}

function rollupPut(table: string, month: string, next: Rollup, previous: Rollup | undefined) {
  return {
    Put: {
      TableName: table,
      Item: { ...countersRollupKey(month), rev: next.rev, body: JSON.stringify(next.body) },
      ...(previous
        ? { ConditionExpression: 'rev = :rev', ExpressionAttributeValues: { ':rev': previous.rev } }
        : { ConditionExpression: 'attribute_not_exists(pk)' }),
    },
  };
}
