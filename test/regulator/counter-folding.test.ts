import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDateOf } from '../../shared/domain/calendars/time-zone';
import type { Tenant } from '../../shared/domain/tenant/tenant-schema';
import { countersPartition } from '../../shared/store/keys';
import { createComplaint } from '../security/helpers';
import { type InProcessRuntime, startInProcess } from '../support/in-process-runtime';

let server: InProcessRuntime;
let tenant: Tenant;
let month: string;

beforeAll(async () => {
  server = await startInProcess();
  tenant = (await server.platform.directory.find('demo-bank'))!;
  month = localDateOf(new Date(), tenant.timezone).slice(0, 7);
});
afterAll(async () => {
  await server?.stop();
});

const partition = async () =>
  (
    await server.platform.db.send(
      new QueryCommand({
        TableName: tenant.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': countersPartition(month) },
        ConsistentRead: true,
      }),
    )
  ).Items ?? [];
const counted = (item: Record<string, unknown>) => Object.keys(item).some((k) => k.startsWith('kpi.'));

async function institution() {
  const res = await server.call('GET', `/regulator/v1/institutions?period=${month}&limit=100`, {
    token: await server.token({ roles: ['regulator'], sub: 'nfra-1' }),
  });
  expect(res.status).toBe(200);
  const row = res.body.items.find((i: { id: string }) => i.id === 'demo-bank');
  return { kpis: row.kpis, gauges: row.gauges };
}

describe('counters folded by the local runtime (the stream feeds the compactor)', () => {
  it("folds a month's shards into its rollup soon after the writes, and the regulator's figures stay the same", async () => {
    const intake = await server.token({ tenantId: 'demo-bank', roles: ['intake'] });
    const first = await institution();
    for (let i = 0; i < 12; i++) await createComplaint(server, intake);
    const written = await institution();
    expect(written.kpis.received).toBe(first.kpis.received + 12);
    expect(written.gauges.openNow).toBe(first.gauges.openNow + 12);

    const deadline = Date.now() + 20_000;
    let items = await partition();
    while (items.some(counted) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      items = await partition();
    }
    expect(items.filter(counted)).toEqual([]);
    const rollup = items.find((i) => i.sk === 'ROLLUP')!;
    expect(JSON.parse(String(rollup.body)).totals['kpi.received']).toBe(written.kpis.received);
    expect(await institution()).toEqual(written);

    // A write after the fold is counted at once, from its shard, beside the rollup.
    await createComplaint(server, intake);
    expect((await institution()).kpis.received).toBe(written.kpis.received + 1);
  });
});
