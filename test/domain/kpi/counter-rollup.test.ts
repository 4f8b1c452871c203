import { fc, it as prop } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  folded,
  hasCounts,
  partitionTotals,
  type Rollup,
  replacedRollup,
  type Shard,
  shardOf,
} from '../../../shared/domain/kpi/counter-rollup';

const SHARDS = ['SHARD#00', 'SHARD#01', 'SHARD#02', 'SHARD#03'];
const NAMES = ['kpi.received', 'kpi.received@B-CAT-01', 'kpi.closed', 'received'];

/** A partition in memory, changed as the store changes it: writes ADD to a shard, a fold is one atomic step. */
class Partition {
  rollup: Rollup | undefined;
  shards = new Map<string, Shard>(SHARDS.map((sk) => [sk, { sk, writes: 0, rolledInto: 0, counts: {} }]));
  truth: Record<string, number> = {};

  write(sk: string, counts: Record<string, number>) {
    const s = this.shards.get(sk)!;
    const next = { ...s.counts };
    for (const [k, v] of Object.entries(counts)) {
      next[k] = (next[k] ?? 0) + v;
      this.truth[k] = (this.truth[k] ?? 0) + v;
      if (next[k] === 0) delete next[k];
      if (this.truth[k] === 0) delete this.truth[k];
    }
    this.shards.set(sk, { ...s, writes: s.writes + 1, counts: next });
  }

  fold(sk: string) {
    const s = this.shards.get(sk)!;
    const next = folded(this.rollup, s);
    if (!next) return;
    this.rollup = next;
    this.shards.set(sk, { sk, writes: s.writes, rolledInto: next.rev, counts: {} });
  }
}

const write = fc.record({
  op: fc.constant('write' as const),
  shard: fc.constantFrom(...SHARDS),
  counts: fc.dictionary(fc.constantFrom(...NAMES), fc.integer({ min: -2, max: 5 }), { minKeys: 1 }),
});
const fold = fc.record({ op: fc.constant('fold' as const), shard: fc.constantFrom(...SHARDS) });
const history = fc.array(fc.oneof(write, fold), { maxLength: 40 });
/** Folds that land between the reader's item reads: before the rollup, after it, after each shard. */
const foldsDuringRead = fc.array(fc.array(fc.constantFrom(...SHARDS), { maxLength: 3 }), {
  minLength: SHARDS.length + 1,
  maxLength: SHARDS.length + 1,
});

type Op = { op: 'write' | 'fold'; shard: string; counts?: Record<string, number> };

function replay(ops: readonly Op[]) {
  const p = new Partition();
  for (const o of ops) {
    if (o.op === 'write') p.write(o.shard, o.counts!);
    else p.fold(o.shard);
  }
  return p;
}

describe('counter rollup: reads and folds', () => {
  prop.prop([history], { numRuns: 500 })('a read between operations gives exactly what was written', (ops) => {
    const p = replay(ops);
    expect(partitionTotals(p.rollup, [...p.shards.values()])).toEqual(p.truth);
  });

  prop.prop([history, foldsDuringRead], { numRuns: 1000 })(
    'a read that folds overtake item by item (a Query, rollup first) is exact or knows it is stale',
    (ops, during) => {
      const p = replay(ops);
      const truth = { ...p.truth };
      for (const sk of during[0]!) p.fold(sk);
      const rollup = p.rollup;
      const seen: Shard[] = [];
      SHARDS.forEach((sk, i) => {
        for (const other of during[i + 1]!) p.fold(other);
        seen.push(p.shards.get(sk)!);
      });
      const read = partitionTotals(rollup, seen);
      if (read !== 'stale') expect(read).toEqual(truth);
      // Read again once the folds are done: never stale, always exact.
      expect(partitionTotals(p.rollup, [...p.shards.values()])).toEqual(truth);
    },
  );

  it('knows a read that caught a shard emptied by a rollup it has not seen', () => {
    const p = new Partition();
    p.write('SHARD#00', { 'kpi.received': 3 });
    const before = p.rollup;
    p.fold('SHARD#00');
    expect(partitionTotals(before, [p.shards.get('SHARD#00')!])).toBe('stale');
  });

  it('does not count twice a shard its rollup already holds', () => {
    const p = new Partition();
    p.write('SHARD#01', { 'kpi.received': 2 });
    const unfolded = p.shards.get('SHARD#01')!;
    p.fold('SHARD#01');
    expect(partitionTotals(p.rollup, [unfolded])).toEqual({ 'kpi.received': 2 });
    expect(folded(p.rollup, unfolded)).toBeUndefined();
  });

  it('reads shards written before writes were counted (no writes, no rollup) and folds them', () => {
    const legacy = shardOf({ pk: 'STATS#2026-10', sk: 'SHARD#03', 'kpi.received': 4, received: 4 });
    expect(legacy).toEqual({ sk: 'SHARD#03', writes: 0, rolledInto: 0, counts: { 'kpi.received': 4, received: 4 } });
    expect(partitionTotals(undefined, [legacy])).toEqual({ 'kpi.received': 4, received: 4 });
    const next = folded(undefined, legacy)!;
    expect(next.body).toEqual({ totals: { 'kpi.received': 4, received: 4 }, absorbed: { 'SHARD#03': 0 } });
    const emptied = { ...legacy, rolledInto: next.rev, counts: {} };
    expect(partitionTotals(next, [emptied])).toEqual({ 'kpi.received': 4, received: 4 });
    // A write after the fold counts again (writes 1 > absorbed 0).
    expect(partitionTotals(next, [{ ...emptied, writes: 1, counts: { 'kpi.received': 1 } }])).toEqual({
      'kpi.received': 5,
      received: 4,
    });
  });

  it('a rebuild replaces the totals and absorbs the shards as they are', () => {
    const shards = [{ sk: 'SHARD#00', writes: 7, rolledInto: 0, counts: { 'kpi.received': 9 } }];
    const r = replacedRollup(undefined, shards, { 'kpi.received': 2 });
    expect(partitionTotals(r, [{ ...shards[0]!, rolledInto: r.rev, counts: {} }])).toEqual({ 'kpi.received': 2 });
  });

  it('tells a fold write (bookkeeping only) from a write with counts', () => {
    expect(hasCounts({ pk: 'STATS#2026-11', sk: 'SHARD#00', writes: 3, rolledInto: 2 })).toBe(false);
    expect(hasCounts({ pk: 'STATS#2026-11', sk: 'SHARD#00', writes: 4, rolledInto: 2, 'kpi.open': 1 })).toBe(true);
  });
});
