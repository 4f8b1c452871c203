import { PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { counterUpdates } from '../../shared/store/counters';
import { countersKey, countersPartition } from '../../shared/store/keys';
import { isTransactionConflict } from '../../shared/store/transaction-errors';
import { testPlatform, testTenant } from '../support/test-platform';

const MONTH = '2026-11';

async function scene() {
  const p = await testPlatform();
  const tenant = await testTenant(p);
  const table = tenant.tableName;
  /** One transaction's counter updates, as every complaint change carries them (retried on a collision). */
  const add = async (shardOf: string, counts: Record<string, number>) => {
    for (;;) {
      try {
        await p.db.send(
          new TransactWriteCommand({ TransactItems: counterUpdates(table, [{ month: MONTH, shardOf, counts }]) }),
        );
        return;
      } catch (e) {
        if (!isTransactionConflict(e)) throw e;
      }
    }
  };
  const items = async () =>
    (
      await p.db.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': countersPartition(MONTH) },
          ConsistentRead: true,
        }),
      )
    ).Items ?? [];
  return { p, table, add, items };
}

describe('counter rollup on DynamoDB Local', () => {
  it('folds every shard into one rollup item and reads the same totals, with narrow shards left', async () => {
    const { p, table, add, items } = await scene();
    for (let i = 0; i < 40; i++) await add(`c${i}`, { 'kpi.received': 1, [`kpi.received@B-CAT-0${i % 5}`]: 1 });
    const before = await p.stats.month(table, MONTH);
    expect(before['kpi.received']).toBe(40);
    const wide = (await items()).length;
    expect(wide).toBeGreaterThan(5);

    expect(await p.stats.compact(table, MONTH)).toBe(wide);
    expect(await p.stats.month(table, MONTH)).toEqual(before);
    const after = await items();
    const rollup = after.find((i) => i.sk === 'ROLLUP')!;
    expect(Object.keys(rollup).sort()).toEqual(['body', 'pk', 'rev', 'sk']);
    for (const shard of after.filter((i) => i !== rollup))
      expect(Object.keys(shard).sort()).toEqual(['pk', 'rolledInto', 'sk', 'writes']);
    // Nothing left to fold.
    expect(await p.stats.compact(table, MONTH)).toBe(0);
  });

  it('loses and doubles nothing while writers, folds and reads run at once', async () => {
    const { p, table, add } = await scene();
    const WRITERS = 8;
    const EACH = 25;
    let started = 0;
    let done = 0;
    const bounds: { low: number; high: number; read: number }[] = [];
    let writing = true;
    const writers = Array.from({ length: WRITERS }, async (_, w) => {
      for (let i = 0; i < EACH; i++) {
        started++;
        await add(`w${w}-${i}`, { 'kpi.received': 1 });
        done++;
      }
    });
    const folder = (async () => {
      let folds = 0;
      while (writing) folds += await p.stats.compact(table, MONTH);
      return folds;
    })();
    const reader = (async () => {
      while (writing) {
        const low = done;
        const read = (await p.stats.month(table, MONTH))['kpi.received'] ?? 0;
        bounds.push({ low, high: started, read });
      }
    })();
    await Promise.all(writers);
    writing = false;
    const folds = await folder;
    await reader;

    expect(folds).toBeGreaterThan(0);
    expect(bounds.length).toBeGreaterThan(0);
    // Each read counts every write finished before it began, and none that had not begun by its end.
    for (const b of bounds) {
      expect(b.read).toBeGreaterThanOrEqual(b.low);
      expect(b.read).toBeLessThanOrEqual(b.high);
    }
    await p.stats.compact(table, MONTH);
    expect((await p.stats.month(table, MONTH))['kpi.received']).toBe(WRITERS * EACH);
  });

  it('reads and folds shards written before writes were counted (a table of the previous schema)', async () => {
    const { p, table, add, items } = await scene();
    await p.db.send(
      new PutCommand({ TableName: table, Item: { ...countersKey(MONTH, 3), 'kpi.received': 4, received: 4 } }),
    );
    expect(await p.stats.month(table, MONTH)).toEqual({ 'kpi.received': 4, received: 4 });
    expect(await p.stats.compact(table, MONTH)).toBe(1);
    await add('after', { 'kpi.received': 1 });
    expect(await p.stats.month(table, MONTH)).toEqual({ 'kpi.received': 5, received: 4 });
    expect((await items()).find((i) => i.sk === 'SHARD#03')).toMatchObject({ writes: 0, rolledInto: 1 });
  });

  it("replaces the month's KPI counters and keeps the institution's own", async () => {
    const { p, table, add } = await scene();
    for (let i = 0; i < 6; i++) await add(`c${i}`, { 'kpi.received': 1, received: 1 });
    await p.stats.replaceKpis(table, MONTH, { 'kpi.received': 2, 'kpi.closed': 1 });
    expect(await p.stats.month(table, MONTH)).toEqual({ 'kpi.received': 2, 'kpi.closed': 1, received: 6 });
    await add('later', { 'kpi.received': 1 });
    expect((await p.stats.month(table, MONTH))['kpi.received']).toBe(3);
  });
});
