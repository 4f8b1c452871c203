/**
 * A month's counters as its partition holds them: a rollup (one item, the totals as one JSON
 * document) and up to 16 shards with what was added since. Transactions only ever add to shards
 * (ADD never collides with another writer's ADD); the compactor folds a shard into the rollup and
 * empties it in one two-item transaction. Reading then costs the same whatever the volume: a
 * rollup of one attribute and shards holding only the last moments' increments, where shards that
 * kept every counter widen with the volume and slow every read (bench/portal/README.md).
 */

/** Shard attributes that are bookkeeping, not counts. */
export const SHARD_WRITES = 'writes';
export const SHARD_ROLLED_INTO = 'rolledInto';
const BOOKKEEPING = new Set(['pk', 'sk', SHARD_WRITES, SHARD_ROLLED_INTO]);

export type RollupBody = {
  totals: Record<string, number>;
  /** Per shard (its sort key), the number of writes it had when it was folded in. */
  absorbed: Record<string, number>;
};
export type Rollup = { rev: number; body: RollupBody };

/** A shard as stored: `writes` counts the updates it took, `rolledInto` the rollup revision that emptied it last. */
export type Shard = { sk: string; writes: number; rolledInto: number; counts: Record<string, number> };

/** A count is every non-zero number of a shard item that is not bookkeeping. */
const isCount = (name: string, value: unknown): value is number =>
  !BOOKKEEPING.has(name) && typeof value === 'number' && value !== 0;

/** A shard item's counts and bookkeeping. */
export function shardOf(item: Record<string, unknown>): Shard {
  const counts: Record<string, number> = {};
  for (const [k, v] of Object.entries(item)) if (isCount(k, v)) counts[k] = v;
  return {
    sk: String(item.sk),
    writes: Number(item[SHARD_WRITES] ?? 0),
    rolledInto: Number(item[SHARD_ROLLED_INTO] ?? 0),
    counts,
  };
}

const addInto = (into: Record<string, number>, from: Record<string, number>) => {
  for (const [k, v] of Object.entries(from)) {
    const sum = (into[k] ?? 0) + v;
    if (sum === 0) delete into[k];
    else into[k] = sum;
  }
};

/** Whether the rollup already holds this shard's counts (a read that saw the fold's rollup but not yet its shard). */
const alreadyIn = (rollup: Rollup | undefined, shard: Shard) =>
  rollup !== undefined && shard.sk in rollup.body.absorbed && shard.writes <= rollup.body.absorbed[shard.sk]!;

/**
 * The partition's totals, or `stale` when the read caught a fold half-way: a shard emptied by a
 * rollup revision newer than the rollup read (its counts are in neither). The reader reads again.
 */
export function partitionTotals(
  rollup: Rollup | undefined,
  shards: readonly Shard[],
): Record<string, number> | 'stale' {
  const rev = rollup?.rev ?? 0;
  if (shards.some((s) => s.rolledInto > rev)) return 'stale';
  const totals: Record<string, number> = { ...rollup?.body.totals };
  for (const s of shards) if (!alreadyIn(rollup, s)) addInto(totals, s.counts);
  return totals;
}

/** The rollup with one more shard folded in, at the next revision; undefined when there is nothing to fold. */
export function folded(rollup: Rollup | undefined, shard: Shard): Rollup | undefined {
  if (Object.keys(shard.counts).length === 0 || alreadyIn(rollup, shard)) return undefined;
  const totals = { ...rollup?.body.totals };
  addInto(totals, shard.counts);
  return {
    rev: (rollup?.rev ?? 0) + 1,
    body: { totals, absorbed: { ...rollup?.body.absorbed, [shard.sk]: shard.writes } },
  };
}

/** A rollup that replaces every count (the rebuild), absorbing the shards as they are. */
export function replacedRollup(rollup: Rollup | undefined, shards: readonly Shard[], totals: Record<string, number>) {
  return {
    rev: (rollup?.rev ?? 0) + 1,
    body: { totals: { ...totals }, absorbed: Object.fromEntries(shards.map((s) => [s.sk, s.writes])) },
  } satisfies Rollup;
}

/** Whether a shard's new image carries counts to fold (a fold's own write leaves none). */
export const hasCounts = (item: Record<string, unknown>) => Object.entries(item).some(([k, v]) => isCount(k, v));
