/**
 * The regulator portal's pages, in-process, on the seeded multi-tenant scenario: the league table's
 * figures against the test's own reckoning from the stored records and events, sorting, drill-down,
 * forwarded complaints, the CSV, who may have a portal session at all, and no personal data anywhere.
 */
import '@hono/zod-openapi';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { localDateOf } from '../../shared/domain/calendars/time-zone';
import { formatters } from '../../shared/web/i18n/locale';
import { type Case, expectedGauges, expectedKpis } from '../regulator/expected-kpis';
import { FORWARD_REF, kpiScenario, PEOPLE, scenarioCases } from '../regulator/kpi-scenario';
import { DESCRIPTION, DESCRIPTION_PII, PII, principal } from '../support/fixtures';
import { type WebApp, webApp } from '../support/web-app';
import { expectedCells, leagueRows } from './portal-expected';

let sc: Awaited<ReturnType<typeof kpiScenario>>;
let w: WebApp;
let cases: Record<string, Case[]>;
const regulator = { sub: 'nfra-1', roles: ['regulator'], issuer: 'http://localhost/dev' };
const NAMES: Record<string, string> = { 'bank-a': '甲银行', 'bank-b': '乙银行', 'ins-a': '丙保险' };

beforeAll(async () => {
  sc = await kpiScenario();
  cases = await scenarioCases(sc);
  w = await webApp({ sharing: { platform: sc.s.p, tenant: sc.tenants['bank-a'] } });
}, 240_000);

const html = async (path: string, who = regulator) => {
  const res = await w.page('GET', path, { principal: who });
  return { status: res.status, text: await res.text(), res };
};
const pii = () => [...Object.values(PII), ...Object.values(DESCRIPTION_PII), DESCRIPTION, ...PEOPLE.flat()];
const leaks = (text: string) => pii().filter((v) => text.includes(v));

describe('portal dashboard: the league table', () => {
  it.each(['2026Q4', '2026-11', '2027Q1'])(
    'shows every institution with the figures computed from its complaints (%s)',
    async (period) => {
      const { status, text } = await html(`/portal?period=${period}`);
      expect(status).toBe(200);
      const { cells } = leagueRows(text);
      expect(Object.keys(cells).sort()).toEqual(['bank-a', 'bank-b', 'ins-a']);
      for (const [tid, list] of Object.entries(cases))
        expect(cells[tid], `${tid} ${period}`).toEqual(expectedCells(list, period, '未报送'));
      for (const name of Object.values(NAMES)) expect(text).toContain(name);
      expect(leaks(text)).toEqual([]);
    },
  );

  it('the scenario makes the columns differ between institutions (so the comparison can fail)', () => {
    const q4 = Object.fromEntries(Object.entries(cases).map(([tid, list]) => [tid, expectedKpis(list, '2026Q4')]));
    expect(new Set(Object.values(q4).map((k) => k.received)).size).toBeGreaterThan(1);
    expect(q4['bank-a']!.decided.late).toBeGreaterThan(0);
    expect(Object.values(cases).some((list) => expectedGauges(list).overdueNow > 0)).toBe(true);
  });

  it('sorts by overdue now, on-time rate and volume per customer, as GET links with aria-sort', async () => {
    const overdue = Object.fromEntries(Object.entries(cases).map(([tid, l]) => [tid, expectedGauges(l).overdueNow]));
    const byOverdue = leagueRows((await html('/portal?period=2026Q4&sort=overdue&dir=desc')).text).order;
    expect(byOverdue.map((id) => overdue[id])).toEqual(Object.values(overdue).sort((a, b) => b - a));

    const rate = (tid: string) => expectedKpis(cases[tid]!, '2026Q4').decided.onTimeRate;
    const page = await html('/portal?period=2026Q4&sort=onTime&dir=asc');
    const byRate = leagueRows(page.text).order;
    const rates = byRate.map(rate);
    const known = rates.filter((r): r is number => r !== null);
    expect(known).toEqual([...known].sort((a, b) => a - b));
    expect(rates.indexOf(null) === -1 || rates.slice(rates.indexOf(null)).every((r) => r === null)).toBe(true);
    expect(new Set(rates).size).toBeGreaterThan(1);
    // The sorted column says so; the others do not; its link sorts the other way.
    expect(page.text).toMatch(
      /<th scope="col" aria-sort="ascending"><a href="\/portal\?period=2026Q4&amp;sort=onTime&amp;dir=desc"/,
    );
    expect(page.text.match(/aria-sort=/g)).toHaveLength(1);

    // Volume per customer once institutions state their customers; one that did not comes last.
    const admin = (tenantId: string) => sc.app.issuer.mint({ tenantId, roles: ['admin'], sub: `admin-${tenantId}` });
    const put = async (tenantId: string, customers: number) =>
      expect((await sc.app.call('PUT', '/v1/customer-base/2026Q4', await admin(tenantId), { customers })).status).toBe(
        200,
      );
    await put('bank-a', 20_000);
    await put('bank-b', 1_000_000);
    const received = (tid: string) => expectedKpis(cases[tid]!, '2026Q4').received;
    const per10k = { 'bank-a': (received('bank-a') / 20_000) * 10_000, 'bank-b': (received('bank-b') / 1e6) * 1e4 };
    const sorted = await html('/portal?period=2026Q4&sort=perCustomer&dir=desc');
    const rows = leagueRows(sorted.text);
    expect(rows.order).toEqual(
      per10k['bank-a'] > per10k['bank-b'] ? ['bank-a', 'bank-b', 'ins-a'] : ['bank-b', 'bank-a', 'ins-a'],
    );
    const f = formatters('zh-CN');
    expect(rows.cells['bank-a']!.per10kCustomers).toBe(f.number(Math.round(per10k['bank-a'] * 100) / 100));
    expect(rows.cells['ins-a']!.per10kCustomers).toBe('未报送');
    const asc = leagueRows((await html('/portal?period=2026Q4&sort=perCustomer&dir=asc')).text).order;
    expect(asc.at(-1)).toBe('ins-a');
  });

  it('draws the charts as SVG with a name, a description and a table of the same figures', async () => {
    const { text } = await html('/portal?period=2026Q4');
    for (const id of ['chart-volume', 'chart-categories', 'chart-overdue']) {
      expect(text).toContain(`role="img" aria-labelledby="${id}-title ${id}-desc"`);
      expect(text).toContain(`<title id="${id}-title">`);
      expect(text).toContain(`<desc id="${id}-desc">`);
    }
    expect(text).not.toMatch(/\sstyle=/);
    // The monthly volume table: November 2026's row has the platform's received count.
    const all = Object.values(cases).flat();
    const nov = expectedKpis(all, '2026-11').received;
    expect(text).toMatch(new RegExp(`<th scope="row">2026-11</th><td>${nov}</td>`));
  });

  it('refuses a malformed period or sort with a 400 page', async () => {
    for (const q of ['period=2026Q5', 'period=2026-13', 'sort=name', 'dir=up']) {
      const { status, text } = await html(`/portal?${q}`);
      expect(status, q).toBe(400);
      expect(text).toContain('<main');
    }
  });
});

describe('portal drill-down', () => {
  it("an institution's page: its figures and its open, then overdue, complaints", async () => {
    const list = cases['bank-b']!;
    const { status, text } = await html('/portal/institutions/bank-b?period=2026Q4');
    expect(status).toBe(200);
    const k = expectedKpis(list, '2026Q4');
    expect(text).toContain(`<dd data-figure="received">${k.received}</dd>`);
    const open = list.filter((c) => !['closed', 'withdrawn', 'declined', 'transferred'].includes(c.record.status));
    expect(open.length).toBeGreaterThan(0);
    for (const c of open) expect(text).toContain(`data-complaint="${c.record.id}"`);
    const overdueOnly = await html('/portal/institutions/bank-b?period=2026Q4&view=overdue');
    for (const c of open)
      expect(overdueOnly.text.includes(`data-complaint="${c.record.id}"`), c.record.id).toBe(c.record.overdue);
    expect(leaks(text + overdueOnly.text)).toEqual([]);
  });

  it('pages with cursors bound to the institution and the filters', async () => {
    const closed = cases['bank-a']!.filter((c) => c.record.status === 'closed').map((c) => c.record.id);
    expect(closed.length).toBeGreaterThan(2);
    const seen: string[] = [];
    let path: string | undefined = '/portal/institutions/bank-a?status=closed&limit=2';
    let first = '';
    while (path) {
      const { status, text } = await html(path);
      expect(status).toBe(200);
      first ||= text;
      seen.push(...[...text.matchAll(/data-complaint="([^"]+)"/g)].map((m) => m[1]!));
      const next = /<a href="([^"]+)" rel="next">/.exec(text)?.[1]?.replaceAll('&amp;', '&');
      path = next;
    }
    expect(seen.sort()).toEqual([...closed].sort());
    const cursor = /cursor=([^"&]+)/.exec(first)![1]!;
    // The same cursor on another institution, or with another filter, is refused.
    expect((await html(`/portal/institutions/bank-b?status=closed&limit=2&cursor=${cursor}`)).status).toBe(400);
    expect(
      (await html(`/portal/institutions/bank-a?status=closed&limit=2&category=B-CAT-01&cursor=${cursor}`)).status,
    ).toBe(400);
  });

  it("filters by whole days of receipt in the institution's time zone, the last day included", async () => {
    const tenant = sc.tenants['bank-a']!;
    const closed = cases['bank-a']!.filter((c) => c.record.status === 'closed');
    const dayOf = (c: Case) => localDateOf(c.record.receivedAt, tenant.timezone);
    const day = dayOf(closed[0]!);
    const on = (from: string, to: string) =>
      html(`/portal/institutions/bank-a?status=closed&limit=100&receivedFrom=${from}&receivedTo=${to}`).then((r) =>
        [...r.text.matchAll(/data-complaint="([^"]+)"/g)].map((m) => m[1]!).sort(),
      );
    const expected = closed.filter((c) => dayOf(c) === day).map((c) => c.record.id);
    expect(await on(day, day)).toEqual(expected.sort());
    const all = closed.map((c) => c.record.id).sort();
    expect(await on('2020-01-01', '2030-12-31')).toEqual(all);
  });

  it("an overdue complaint's page: masked record, redacted description, timeline on a time axis", async () => {
    const c = cases['bank-b']!.find((x) => x.record.overdue && x.record.status !== 'closed')!;
    expect(c).toBeDefined();
    const { status, text } = await html(`/portal/institutions/bank-b/complaints/${c.record.id}`);
    expect(status).toBe(200);
    expect(text).toContain(c.record.reference);
    expect(text).toContain('role="img" aria-labelledby="timeline-axis-title timeline-axis-desc"');
    expect(text).toContain('data-deadline="decision"');
    for (const e of c.events) expect(text).toContain(`data-event="${e.type}"`);
    expect(c.events.some((e) => e.type === 'overdue')).toBe(true);
    expect(text).toContain(c.record.descriptionMasked!);
    expect(leaks(text)).toEqual([]);
    expect(text).not.toMatch(/\sstyle=/);
  });

  it('answers 404 for an unknown institution or complaint, and for a complaint under another institution', async () => {
    const id = cases['bank-b']![0]!.record.id;
    expect((await html('/portal/institutions/nope')).status).toBe(404);
    expect((await html('/portal/institutions/bank-b/complaints/01AAAAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);
    expect((await html(`/portal/institutions/bank-a/complaints/${id}`)).status).toBe(404);
  });
});

describe('forwarded complaints and returns', () => {
  it("finds a forwarded complaint by the regulator's reference, with the institution's decision and feedback", async () => {
    const c = cases['bank-b']!.find((x) => x.record.regulatorReference === FORWARD_REF)!;
    const { text } = await html(`/portal/forwarded?reference=${FORWARD_REF}`);
    expect(text).toContain(`data-forwarded="${FORWARD_REF}"`);
    expect(text).toContain(NAMES['bank-b']!);
    expect(text).toContain(c.record.reference);
    const f = formatters('zh-CN');
    expect(text).toContain(f.dateTime(c.record.decision!.decidedAt));
    expect(text).toContain(f.dateTime(c.record.feedback!.deliveredAt));
    expect((await html('/portal/forwarded?reference=NFRA-NONE-1')).text).not.toContain('data-forwarded=');
    expect((await html('/portal/forwarded')).text).toContain(`data-forwarded="${FORWARD_REF}"`);
    expect(leaks(text)).toEqual([]);
  });

  it('offers the CSV and serves the same bytes as the API, UTF-8 with BOM', async () => {
    const page = await html('/portal/returns');
    expect(page.text).toContain('href="/portal/returns/');
    const res = await w.page('GET', '/portal/returns/2026Q4.csv', { principal: regulator });
    const bytes = Buffer.from(await res.arrayBuffer());
    const text = bytes.toString('utf8');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain('redress-return-2026Q4.csv');
    const token = await sc.app.issuer.mint({ roles: ['regulator'], sub: 'nfra-1' });
    const api = await sc.app.app.request('/regulator/v1/returns/2026Q4.csv', {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(bytes.equals(Buffer.from(await api.arrayBuffer()))).toBe(true);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(new Set(rows.map((r) => r.institution_id))).toEqual(new Set(['bank-a', 'bank-b', 'ins-a']));
    expect(leaks(text)).toEqual([]);
    expect((await html('/portal/returns/2026Q5.csv')).status).toBe(404);
  });
});

describe('who gets a portal session', () => {
  it('a console session cannot open the portal', async () => {
    const staff = principal('bank-a', ['admin', 'supervisor'], 'admin-1');
    const consoleCookie = await w.cookie(staff, 'console');
    const res = await w.app.request('http://localhost/portal', {
      headers: { Host: 'localhost', Cookie: consoleCookie },
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/^\/portal\/sign-in/);
    // Its sealed value under the portal's cookie name does not open either (sealed for another audience).
    const value = consoleCookie.split('=').slice(1).join('=');
    const swapped = await w.app.request('http://localhost/portal', {
      headers: { Host: 'localhost', Cookie: `redress_portal=${value}` },
    });
    expect(swapped.status).toBe(303);
  });

  it('a tenant admin identity never gets a portal session, nor a regulator role that names an institution', async () => {
    for (const who of [
      principal('bank-a', ['admin'], 'admin-1'),
      principal('bank-a', ['admin', 'pii:read'], 'admin-2'),
      { ...principal('bank-a', ['regulator'], 'odd-1') },
    ]) {
      const res = await w.page('GET', '/portal?period=2026Q4', { principal: who });
      expect(res.status, JSON.stringify(who)).toBe(303);
      expect(res.headers.get('location')).toMatch(/^\/portal\/sign-in/);
    }
  });

  it('no page of the portal shows personal data of any seeded complaint', async () => {
    const paths = [
      '/portal',
      '/portal?period=2026-11',
      '/portal/forwarded',
      '/portal/returns',
      '/portal/returns/2026Q4.csv',
    ];
    for (const [tid, list] of Object.entries(cases)) {
      paths.push(`/portal/institutions/${tid}?period=2026Q4`, `/portal/institutions/${tid}?status=closed`);
      for (const c of list) paths.push(`/portal/institutions/${tid}/complaints/${c.record.id}`);
    }
    for (const path of paths) {
      const { status, text } = await html(path);
      expect(status, path).toBe(200);
      expect(leaks(text), path).toEqual([]);
    }
  });
});
