// First: zod 4 gives `.openapi` only to schemas created after @hono/zod-openapi extends it.
import '@hono/zod-openapi';
import { compactCounters } from '../../shared/application/counter-compaction';
import { transferComplaint } from '../../shared/application/transfer';
import * as t from '../../shared/domain/complaint/transitions';
import type { Tenant } from '../../shared/domain/tenant/tenant-schema';
import { regulatorSurface } from '../../shared/http/surfaces/regulator';
import { tenantSurface } from '../../shared/http/surfaces/tenant';
import { GAUGES_MONTH } from '../../shared/store/stats-repo';
import { intakeBody, PII } from '../support/fixtures';
import { inProcessApp } from '../support/in-process-app';
import { scene } from '../support/scene';
import { testTenant } from '../support/test-platform';
import type { Case } from './expected-kpis';

/** Monday 2 November 2026, 10:00 in Shanghai (cn-nfra-2020: decision within 15 days → 17 Nov). */
export const RECEIVED = '2026-11-02T02:00:00.000Z';
/** Far enough for every review window of the scenario to end and its complaints to close. */
export const END = '2027-01-20T02:00:00.000Z';
export const FORWARD_REF = 'NFRA-ZB-2026-0017';

/** The other complainants, named in their own descriptions as complainants write them. */
export const PEOPLE: [string, string][] = [];
const person = (name: string, phone: string) => {
  PEOPLE.push([name, phone]);
  return { complainant: { name, phone }, description: `本人${name}，电话${phone}，借记卡年费被重复扣收，要求退还。` };
};

/**
 * Three institutions and complaints on time, late, extended, reviewed with a changed outcome,
 * withdrawn, declined, transferred, forwarded by the regulator, a repeat, and some left open.
 */
export async function kpiScenario() {
  const s = await scene(RECEIVED, { id: 'bank-a', name: '甲银行' });
  const bankB = await testTenant(s.p, { id: 'bank-b', name: '乙银行' });
  const insurer = await testTenant(s.p, { id: 'ins-a', name: '丙保险', kind: 'insurer' });
  const handler = (tenantId: string) => ({ ...s.staff(['handler'], 'handler-1'), tenantId });
  const sup = (tenantId: string, sub = 'handler-1') => ({ ...s.staff(['supervisor'], sub), tenantId });
  const tenantOf = { 'bank-a': s.tenant, 'bank-b': bankB, 'ins-a': insurer } as const;
  type Tid = keyof typeof tenantOf;

  const intake = (tid: Tid, o: Record<string, unknown> = {}) => s.intake(o, tenantOf[tid]);
  const ack = (tid: Tid, id: string) => s.act(id, (r, _i, ctx) => t.acknowledge(r, ctx), {}, sup(tid), tenantOf[tid]);
  const decide = (tid: Tid, id: string, outcome: 'upheld' | 'not_upheld' = 'upheld') =>
    s.act(
      id,
      (r, i, ctx) => t.decide(r, i, ctx),
      { outcome, summary: `已联系${PII.name}处理` },
      handler(tid),
      tenantOf[tid],
    );
  const tell = (tid: Tid, id: string) =>
    s.act(
      id,
      (r, i, ctx) => t.recordFeedback(r, i, ctx),
      { channel: 'phone' as const, deliveredAt: s.clock.now().toISOString(), summary: `电话告知${PII.phone}` },
      sup(tid),
      tenantOf[tid],
    );
  const foldCounters = async (tenants: readonly Tenant[]) => {
    let folded = 0;
    for (const tenant of tenants)
      folded += await compactCounters(s.p, tenant, ['2026-11', '2026-12', '2027-01', GAUGES_MONTH]);
    if (folded === 0) throw new Error('the scenario meant to fold counters, and there was nothing to fold');
  };
  const insurerBody = (o: Record<string, unknown> = {}) =>
    intakeBody({ category: 'I-CAT-01', reason: 'I-RSN-01', product: '重疾险', ...o });

  const ids = {
    a1: await intake('bank-a'),
    a2: await intake('bank-a', { ...person('李四', '13700000002') }),
    a3: await intake('bank-a', { ...person('赵五', '13700000003'), category: 'B-CAT-01' }),
    a4: await intake('bank-a', { ...person('钱六', '13700000004'), category: 'B-CAT-01' }),
    a5: await intake('bank-a', { ...person('孙七', '13700000005'), channel: 'web' }),
    b1: await intake('bank-b', { reason: 'B-RSN-02' }),
    b2: await intake('bank-b', {
      ...person('周八', '13700000006'),
      channel: 'regulator_transfer',
      regulatorReference: FORWARD_REF,
    }),
    b3: await intake('bank-b', { ...person('吴九', '13700000007') }),
    b4: await intake('bank-b', { ...person('郑十', '13700000008') }),
    i1: await intake('ins-a', insurerBody()),
  };
  for (const [tid, id] of [
    ['bank-a', ids.a1],
    ['bank-a', ids.a2],
    ['bank-a', ids.a3],
    ['bank-a', ids.a4],
    ['bank-b', ids.b2],
    ['ins-a', ids.i1],
  ] as const)
    await ack(tid, id);

  // 3 Nov: a withdrawal, a declined complaint, a transfer to bank-a.
  await s.advance('2026-11-03T02:00:00Z');
  await s.act(ids.a5, (r, i, ctx) => t.withdraw(r, i, ctx), { reason: `${PII.name}来电撤回` }, sup('bank-a'), s.tenant);
  await s.act(ids.b1, (r, i, ctx) => t.decline(r, i, ctx), { reasonCode: 'duplicate' as const }, sup('bank-b'), bankB);
  await transferComplaint(s.p, bankB, sup('bank-b'), ids.b4, { toTenantId: 'bank-a', reason: '应由甲银行处理' });
  await s.settle();
  // The same person complains again to the insurer: a repeat.
  const i2 = await intake('ins-a', insurerBody());
  await ack('ins-a', i2);

  // 5 Nov: a complex extension. 6 Nov: decisions on time, and told.
  await s.advance('2026-11-05T02:00:00Z');
  await s.act(
    ids.a3,
    (r, i, ctx) => t.extend(r, i, ctx),
    { tier: 'complex' as const, reason: '需调取交易流水' },
    sup('bank-a'),
    s.tenant,
  );
  await s.advance('2026-11-06T02:00:00Z');
  for (const [tid, id] of [
    ['bank-a', ids.a1],
    ['bank-a', ids.a2],
    ['ins-a', i2],
  ] as const) {
    await decide(tid, id, 'not_upheld');
    await tell(tid, id);
  }
  // Counters folded into their rollups half-way (as the stream's compactor does): every figure below
  // then adds rollups and the shards written after them.
  await foldCounters(Object.values(tenantOf));
  await s.advance('2026-11-09T02:00:00Z');
  await decide('bank-b', ids.b2);
  await tell('bank-b', ids.b2);
  // 10 Nov: the complainant of a2 asks for a review; 12 Nov: it changes the outcome.
  await s.advance('2026-11-10T02:00:00Z');
  await s.act(
    ids.a2,
    (r, i, ctx) => t.requestReview(r, i, ctx),
    { reason: `${PII.name}不服` },
    sup('bank-a'),
    s.tenant,
  );
  await s.advance('2026-11-12T02:00:00Z');
  await s.act(
    ids.a2,
    (r, i, ctx) => t.decideReview(r, i, ctx),
    { outcome: 'changed' as const, summary: '改为支持' },
    sup('bank-a', 'reviewer-2'),
    s.tenant,
  );
  await tell('bank-a', ids.a2);
  await s.advance('2026-11-16T02:00:00Z');
  await decide('ins-a', ids.i1);
  await tell('ins-a', ids.i1);
  // 20 Nov: a4 decided after its deadline (17 Nov); 25 Nov: a3 within its extended deadline.
  await s.advance('2026-11-20T02:00:00Z');
  await decide('bank-a', ids.a4);
  await tell('bank-a', ids.a4);
  await s.advance('2026-11-25T02:00:00Z');
  await decide('bank-a', ids.a3);
  await tell('bank-a', ids.a3);
  // b3 and the transferred complaint stay open and go overdue; the rest close as their windows end.
  await s.advance(END);
  await foldCounters([s.tenant]);

  const regulatorApp = await inProcessApp({ platform: s.p, surfaces: [tenantSurface, regulatorSurface] });
  return { s, tenants: tenantOf, ids: { ...ids, i2 }, app: regulatorApp };
}

/** Every stored complaint of the scenario with its events, by institution (the transferred copy in bank-a). */
export async function scenarioCases(sc: Awaited<ReturnType<typeof kpiScenario>>): Promise<Record<string, Case[]>> {
  const { ids, s, tenants } = sc;
  const transferredCopy = (await s.record(ids.b4, tenants['bank-b'])).ended!.toComplaintId!;
  const of = {
    'bank-a': [ids.a1, ids.a2, ids.a3, ids.a4, ids.a5, transferredCopy],
    'bank-b': [ids.b1, ids.b2, ids.b3, ids.b4],
    'ins-a': [ids.i1, ids.i2],
  } as const;
  const cases: Record<string, Case[]> = {};
  for (const [tid, list] of Object.entries(of)) {
    const tenant = tenants[tid as keyof typeof tenants];
    cases[tid] = await Promise.all(
      list.map(async (id) => ({ record: await s.record(id, tenant), events: await s.events(id, tenant) })),
    );
  }
  return cases;
}
