import '@hono/zod-openapi';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { rebuildKpis } from '../../shared/application/kpi-rebuild';
import { replaceKpis } from '../../shared/store/kpi-rebuild-store';
import { DESCRIPTION, DESCRIPTION_PII, PII } from '../support/fixtures';
import { type Case, expectedGauges, expectedKpis } from './expected-kpis';
import { FORWARD_REF, kpiScenario, PEOPLE, scenarioCases } from './kpi-scenario';

let sc: Awaited<ReturnType<typeof kpiScenario>>;
let regulator: string;
const cases: Record<string, Case[]> = {};

beforeAll(async () => {
  sc = await kpiScenario();
  regulator = await sc.app.issuer.mint({ roles: ['regulator'], sub: 'nfra-1' });
  Object.assign(cases, await scenarioCases(sc));
}, 240_000);

const get = (path: string, token = regulator) => sc.app.call('GET', path, token);
const pii = () => [...Object.values(PII), ...Object.values(DESCRIPTION_PII), DESCRIPTION, ...PEOPLE.flat()];
const leaks = (text: string) => pii().filter((v) => text.includes(v));

describe('regulator KPIs from a seeded multi-tenant run', () => {
  it('the scenario covers what the KPIs count (so the comparisons below can fail)', () => {
    const all = Object.values(cases).flat();
    const q4 = expectedKpis(all, '2026Q4');
    expect(q4.decided.late).toBeGreaterThan(0);
    expect(q4.decided.onTime).toBeGreaterThan(2);
    expect(q4).toMatchObject({
      extensions: { complex: 1 },
      reviews: { requested: 1, changedOutcome: 1 },
      withdrawn: 1,
      declined: 1,
      transferred: 1,
      forwarded: 1,
      repeats: 1,
    });
    expect(q4.becameOverdue).toBeGreaterThan(0);
    expect(q4.closed).toBeGreaterThan(0);
    expect(expectedGauges(all).overdueNow).toBeGreaterThan(0);
  });

  it.each(['2026Q4', '2026-11', '2026-12', '2027-01', '2027Q1'])(
    'GET /regulator/v1/institutions?period=%s gives every institution the figures computed from its complaints',
    async (period) => {
      const res = await get(`/regulator/v1/institutions?period=${period}&limit=100`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const byId = Object.fromEntries(res.body.items.map((i: { id: string }) => [i.id, i]));
      expect(Object.keys(byId).sort()).toEqual(['bank-a', 'bank-b', 'ins-a']);
      for (const [tid, list] of Object.entries(cases)) {
        expect(byId[tid].kpis, `${tid} ${period}`).toEqual(expectedKpis(list, period));
        expect(byId[tid].gauges, tid).toEqual(expectedGauges(list));
        expect(byId[tid].period).toBe(period);
      }
      expect(leaks(JSON.stringify(res.body))).toEqual([]);
    },
  );

  it('refuses a malformed period with 400 in the error shape', async () => {
    for (const period of ['2026-13', '2026Q5', 'Q4', '2026-11-01']) {
      const res = await get(`/regulator/v1/institutions?period=${period}`);
      expect(res.status, period).toBe(400);
      expect(res.body.error.code).toEqual(expect.any(String));
    }
  });

  it('GET /regulator/v1/stats adds institutions up by kind, category, reason and channel, with labels', async () => {
    const res = await get('/regulator/v1/stats?period=2026Q4');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const all = Object.values(cases).flat();
    expect(res.body.kpis).toEqual(expectedKpis(all, '2026Q4'));
    expect(res.body.institutions).toBe(3);
    const banks = [...cases['bank-a']!, ...cases['bank-b']!];
    expect(res.body.byKind).toEqual(
      expect.arrayContaining([
        { kind: 'bank', institutions: 2, kpis: expectedKpis(banks, '2026Q4') },
        { kind: 'insurer', institutions: 1, kpis: expectedKpis(cases['ins-a']!, '2026Q4') },
      ]),
    );
    const card = res.body.byCategory.find((c: { code: string }) => c.code === 'B-CAT-05');
    expect(card).toMatchObject({ kind: 'bank', label: { 'zh-CN': '借记卡', en: 'Debit cards' } });
    expect(card.kpis).toEqual(expectedKpis(all, '2026Q4', 'B-CAT-05'));
    const tally = (key: 'channel' | 'reason') => {
      const out: Record<string, number> = {};
      for (const c of all) out[c.record[key]] = (out[c.record[key]] ?? 0) + 1;
      return out;
    };
    expect(
      Object.fromEntries(res.body.byChannel.map((c: { code: string; received: number }) => [c.code, c.received])),
    ).toEqual(tally('channel'));
    expect(
      Object.fromEntries(res.body.byReason.map((c: { code: string; received: number }) => [c.code, c.received])),
    ).toEqual(tally('reason'));
    expect(res.body.byChannel.find((c: { code: string }) => c.code === 'regulator_transfer').label).toEqual({
      'zh-CN': '监管转办',
      en: 'Transferred by regulator',
    });
  });

  it('the quarterly return is UTF-8 with BOM, one row per institution and category, numbers equal to the API', async () => {
    const res = await sc.app.app.request('/regulator/v1/returns/2026Q4.csv', {
      headers: { Authorization: `Bearer ${regulator}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes);
    const rows: Record<string, string>[] = parse(text, { columns: true, bom: true });
    const pairs = Object.entries(cases).flatMap(([tid, list]) =>
      [...new Set(list.map((c) => c.record.category))].map((category) => [tid, category] as const),
    );
    expect(rows.map((r) => `${r.institution_id}/${r.category_code}`).sort()).toEqual(
      pairs.map(([t, c]) => `${t}/${c}`).sort(),
    );
    const api = await get('/regulator/v1/stats?period=2026Q4');
    for (const [tid, category] of pairs) {
      const row = rows.find((r) => r.institution_id === tid && r.category_code === category)!;
      const k = expectedKpis(cases[tid]!, '2026Q4', category);
      expect(row, `${tid}/${category}`).toMatchObject({
        period: '2026Q4',
        received: String(k.received),
        closed: String(k.closed),
        decided_on_time: String(k.decided.onTime),
        decided_late: String(k.decided.late),
        on_time_rate: k.decided.onTimeRate === null ? '' : k.decided.onTimeRate.toFixed(4),
        median_days_to_decision: k.daysToDecision.median === null ? '' : String(k.daysToDecision.median),
        p90_days_to_decision: k.daysToDecision.p90 === null ? '' : String(k.daysToDecision.p90),
        became_overdue: String(k.becameOverdue),
        extended_complex: String(k.extensions.complex),
        escalations: String(k.escalations),
        repeats: String(k.repeats),
        closed_with_feedback: String(k.feedbackBeforeClose.withFeedback),
        review_requested: String(k.reviews.requested),
        review_changed_outcome: String(k.reviews.changedOutcome),
        withdrawn: String(k.withdrawn),
        declined: String(k.declined),
        transferred: String(k.transferred),
        forwarded: String(k.forwarded),
      });
    }
    // The rows add up to the API's platform figures.
    const sum = (col: string) => rows.reduce((s, r) => s + Number(r[col]), 0);
    expect(sum('received')).toBe(api.body.kpis.received);
    expect(sum('escalations')).toBe(api.body.kpis.escalations);
    expect(rows.find((r) => r.institution_id === 'bank-a')!.institution_name).toBe('甲银行');
    expect(text).toContain('借记卡');
    expect(leaks(text)).toEqual([]);
  });

  it('forwarded complaints are found by the regulator reference and show the report back', async () => {
    const found = await get(`/regulator/v1/forwarded?reference=${FORWARD_REF}`);
    expect(found.status, JSON.stringify(found.body)).toBe(200);
    expect(found.body.items).toHaveLength(1);
    const b2 = cases['bank-b']!.find((c) => c.record.id === sc.ids.b2)!.record;
    expect(found.body.items[0]).toEqual({
      regulatorReference: FORWARD_REF,
      tenantId: 'bank-b',
      institution: '乙银行',
      complaintId: b2.id,
      reference: b2.reference,
      status: b2.status,
      overdue: b2.overdue,
      receivedAt: b2.receivedAt,
      deadlines: b2.deadlines,
      extension: null,
      decision: { outcome: 'upheld', decidedAt: b2.decision!.decidedAt, onTime: true },
      feedback: { deliveredAt: b2.feedback!.deliveredAt, onTime: true },
      reviewDecision: null,
      ended: null,
      closedAt: b2.closedAt ?? null,
    });
    const all = await get('/regulator/v1/forwarded');
    expect(all.body.items.map((i: { complaintId: string }) => i.complaintId)).toEqual([b2.id]);
    expect((await get('/regulator/v1/forwarded?reference=NFRA-NONE')).body.items).toEqual([]);
    expect(leaks(JSON.stringify(all.body))).toEqual([]);
  });

  it('the timeline carries deadlines and escalations but no free text or personal data', async () => {
    const b3 = sc.ids.b3;
    const res = await get(`/regulator/v1/institutions/bank-b/complaints/${b3}/events?limit=100`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const types = res.body.items.map((e: { type: string }) => e.type);
    expect(types[0]).toBe('received');
    expect(types).toContain('escalated');
    expect(types).toContain('overdue');
    expect(res.body.items[0].data.deadlines).toEqual(
      cases['bank-b']!.find((c) => c.record.id === b3)!.record.deadlines,
    );
    // Staff's words (decision summaries, withdrawal reasons) were written with the complainant's name.
    for (const [tid, id] of [
      ['bank-a', sc.ids.a2],
      ['bank-a', sc.ids.a5],
      ['bank-a', sc.ids.a4],
    ] as const) {
      const tl = await get(`/regulator/v1/institutions/${tid}/complaints/${id}/events?limit=100`);
      expect(tl.status).toBe(200);
      expect(leaks(JSON.stringify(tl.body))).toEqual([]);
      expect(JSON.stringify(tl.body)).not.toMatch(/"summary"|已联系|不服|撤回/);
    }
    // The stored events themselves hold no personal data either (the snapshot is none of it).
    for (const c of Object.values(cases).flat()) expect(leaks(JSON.stringify(c.events))).toEqual([]);
    const other = await get(`/regulator/v1/institutions/bank-a/complaints/${b3}/events`);
    expect(other.status).toBe(404);
  });

  it('filters an institution’s list by category, reason, channel and received range (page-wise)', async () => {
    const bankA = cases['bank-a']!;
    const q = async (query: string) => {
      const items: { id: string }[] = [];
      let cursor: string | null = null;
      do {
        const res = await get(
          `/regulator/v1/institutions/bank-a/complaints?${query}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        items.push(...res.body.items);
        cursor = res.body.nextCursor;
      } while (cursor);
      return items.map((i) => i.id).sort();
    };
    const closed = bankA.filter((c) => c.record.status === 'closed');
    expect(await q('status=closed&category=B-CAT-01')).toEqual(
      closed
        .filter((c) => c.record.category === 'B-CAT-01')
        .map((c) => c.record.id)
        .sort(),
    );
    expect(await q('status=withdrawn&channel=web')).toEqual([sc.ids.a5]);
    expect(await q('status=withdrawn&channel=phone')).toEqual([]);
    const open = bankA.filter((c) => !['closed', 'withdrawn', 'declined', 'transferred'].includes(c.record.status));
    expect(await q('overdue=true&reason=B-RSN-01')).toEqual(
      open
        .filter((c) => c.record.overdue && c.record.reason === 'B-RSN-01')
        .map((c) => c.record.id)
        .sort(),
    );
    expect(await q('status=closed&receivedFrom=2026-11-03T00:00:00Z')).toEqual([]);
    expect((await q('status=closed&receivedTo=2026-11-03T00:00:00Z')).length).toBe(closed.length);
    const bad = await get('/regulator/v1/institutions/bank-a/complaints?channel=pigeon');
    expect(bad.status).toBe(400);
  });

  it('no regulator response carries personal data of the seeded complaints', async () => {
    const paths = [
      '/regulator/v1/institutions',
      '/regulator/v1/institutions?period=2026Q4',
      '/regulator/v1/stats?period=2026Q4',
      '/regulator/v1/forwarded',
      '/regulator/v1/returns/2026Q4.csv',
    ];
    for (const [tid, list] of Object.entries(cases)) {
      paths.push(`/regulator/v1/institutions/${tid}/complaints`);
      for (const status of ['closed', 'withdrawn', 'declined', 'transferred'])
        paths.push(`/regulator/v1/institutions/${tid}/complaints?status=${status}`);
      for (const c of list) {
        paths.push(`/regulator/v1/institutions/${tid}/complaints/${c.record.id}`);
        paths.push(`/regulator/v1/institutions/${tid}/complaints/${c.record.id}/events?limit=100`);
      }
    }
    for (const path of paths) {
      const res = await sc.app.app.request(path, { headers: { Authorization: `Bearer ${regulator}` } });
      expect(res.status, path).toBe(200);
      expect(leaks(await res.text()), path).toEqual([]);
    }
    expect(paths.length).toBeGreaterThan(40);
    expect(PEOPLE.length).toBeGreaterThan(5);
  });

  it('tenant staff (every role) get 403 on every regulator route', async () => {
    const staff = await sc.app.issuer.mint({
      tenantId: 'bank-a',
      roles: ['intake', 'handler', 'supervisor', 'admin', 'pii:read'],
    });
    for (const path of [
      '/regulator/v1/institutions?period=2026Q4',
      '/regulator/v1/stats?period=2026Q4',
      '/regulator/v1/forwarded',
      `/regulator/v1/forwarded?reference=${FORWARD_REF}`,
      '/regulator/v1/returns/2026Q4.csv',
      `/regulator/v1/institutions/bank-a/complaints/${sc.ids.a1}/events`,
      '/regulator/v1/institutions/bank-a/complaints?category=B-CAT-05',
    ]) {
      const res = await get(path, staff);
      expect(res.status, path).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    }
  });
});

describe('rebuilding the aggregates of complaints counted before they were kept', () => {
  it('from nothing, rebuild-kpis gives the same figures as the live counters', async () => {
    const { s, tenants } = sc;
    const months = ['2026-11', '2026-12', '2027-01', 'NOW'];
    for (const t of Object.values(tenants)) for (const m of months) await replaceKpis(s.p.db, t.tableName, m, {});
    const wiped = await get('/regulator/v1/institutions?period=2026Q4');
    for (const i of wiped.body.items) {
      expect(i.kpis.received).toBe(0);
      expect(i.gauges).toEqual({ openNow: 0, overdueNow: 0 });
    }
    for (const t of Object.values(tenants)) {
      const out = await rebuildKpis(s.p, t);
      expect(out.complaints).toBe(cases[t.id]!.length);
    }
    for (const period of ['2026Q4', '2026-11', '2027-01']) {
      const res = await get(`/regulator/v1/institutions?period=${period}`);
      for (const i of res.body.items) {
        expect(i.kpis, `${i.id} ${period}`).toEqual(expectedKpis(cases[i.id]!, period));
        expect(i.gauges).toEqual(expectedGauges(cases[i.id]!));
      }
    }
    // Run again: the same figures, not twice them.
    for (const t of Object.values(tenants)) await rebuildKpis(s.p, t);
    const again = await get('/regulator/v1/stats?period=2026Q4');
    expect(again.body.kpis).toEqual(expectedKpis(Object.values(cases).flat(), '2026Q4'));
  });
});
