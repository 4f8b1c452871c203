// Loaded first: it extends zod with .openapi(), which the route modules' schemas call at import.
import '@hono/zod-openapi';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../shared/auth/principal';
import { TENANT_ROLES } from '../../shared/auth/roles';
import * as t from '../../shared/domain/complaint/transitions';
import type { Tenant } from '../../shared/domain/tenant/tenant-schema';
import { PII, principal } from '../support/fixtures';
import { queueDesk } from '../support/queue-desk';
import { fixedClock, testTenant } from '../support/test-platform';
import { type WebApp, webApp } from '../support/web-app';

/** Tuesday 1 December 2026, 10:00 in Shanghai. */
const NOW = '2026-12-01T02:00:00.000Z';
const day = (d: string) => `2026-${d}T02:00:00.000Z`;

/** The complaints of the rows, in the order the page lists them. */
const rowsOf = (html: string) => [...html.matchAll(/<tr[^>]*data-complaint="([^"]+)"/g)].map((m) => m[1]!);
const nextLinkOf = (html: string) =>
  html.match(/<a href="([^"]+)" rel="next">/)?.[1]?.replaceAll('&amp;', '&') ?? undefined;

describe('the work queue page (GET /console)', () => {
  let w: WebApp;
  let bankB: Tenant;
  /** Named complaints of bank A, and one of bank B. */
  const c: Record<string, string> = {};
  const personal = new Set<string>(Object.values(PII));
  let handler: Principal;

  const get = async (path: string, who: Principal = handler, headers?: Record<string, string>) => {
    const res = await w.page('GET', path, { principal: who, ...(headers && { headers }) });
    return { status: res.status, html: await res.text(), res };
  };
  const rows = async (query: string, who: Principal = handler) => {
    const { status, html } = await get(`/console?${query}`, who);
    expect(status, `${query} ${html}`).toBe(200);
    return rowsOf(html);
  };

  beforeAll(async () => {
    w = await webApp({ clock: fixedClock(NOW) });
    bankB = await testTenant(w.platform, { id: 'bank-b', name: 'Bank B' });
    handler = principal(w.tenant.id, ['handler'], 'h-1');
    const a = queueDesk(w.platform, w.tenant);
    const b = queueDesk(w.platform, bankB);
    // Decision deadline 15 days after receipt: 25, 26, 27 Nov have passed; 2 Dec is tomorrow.
    c.late = await a.file({ receivedAt: day('11-10') });
    c.told = await a.file({ receivedAt: day('11-11') });
    c.review = await a.file({ receivedAt: day('11-12') });
    c.soon = await a.file({ receivedAt: day('11-17') });
    c.later = await a.file({ receivedAt: day('11-25'), complainant: 77, body: { reason: 'B-RSN-02' } });
    c.repeat = await a.file({ receivedAt: day('11-26'), complainant: 77 });
    c.partner = await a.file({ receivedAt: day('11-28'), body: { partners: ['bank-b'], channel: 'email' } });
    c.fresh = await a.file({ body: { category: 'B-CAT-06' } });
    c.other = await b.file({ receivedAt: day('11-20') });
    for (const s of [...a.personal, ...b.personal]) personal.add(s);

    await a.act(c.told, (r, ctx) => t.acknowledge(r, ctx));
    await a.act(c.told, (r, ctx) => t.decide(r, { outcome: 'upheld', summary: '退还年费' }, ctx));
    await a.act(c.told, (r, ctx) =>
      t.recordFeedback(r, { channel: 'phone', deliveredAt: NOW, summary: '电话告知' }, ctx),
    );
    await a.toReviewRequested(c.review, NOW);
    await a.act(c.soon, (r, ctx) => t.acknowledge(r, ctx));
    await a.assign(c.later, 'branch', 'h-1');
    await a.assign(c.fresh, 'sub-branch', 'h-2');
  });

  const ALL = ['late', 'told', 'review', 'soon', 'later', 'repeat', 'partner', 'fresh'];
  const ids = (...names: string[]) => names.map((n) => c[n]);

  it('lists the open complaints earliest deadline first, with the time left in words and overdue rows in red', async () => {
    const { html } = await get('/console');
    expect(rowsOf(html)).toEqual(ids(...ALL));
    const row = (id: string) => html.match(new RegExp(`<tr[^>]*data-complaint="${id}"[\\s\\S]*?</tr>`))![0];
    expect(row(c.late!)).toMatch(/^<tr class="overdue"/);
    expect(row(c.late!)).toContain('已逾期 5 天');
    expect(row(c.soon!)).not.toMatch(/class="overdue"/);
    expect(row(c.soon!)).toContain('1 天后到期');
    // Told and waiting for a review request: past its decision deadline, yet nothing is due, so not red.
    expect(row(c.told!)).not.toMatch(/class="overdue"/);
    expect(row(c.told!)).toContain('等待投诉人申请复核');
    // The review's own deadline runs now: 30 days from the request.
    expect(row(c.review!)).toContain('30 天后到期');
    expect(row(c.repeat!)).toContain('重复投诉');
    expect(row(c.partner!)).toContain('Bank B: 等待答复');
    expect(row(c.later!)).toContain('分行');
    expect(row(c.later!)).toContain('h-1');
    expect(row(c.late!)).toContain(`href="/console/complaints/${c.late}"`);
    expect(html).toContain('aria-current="true">全部未结');

    const en = await get('/console', handler, { Cookie: `${await w.cookie(handler, 'console')}; redress_lang=en` });
    expect(en.html).toContain('5 days overdue');
    expect(en.html).toContain('due in 1 day<');
  });

  it('gives each view exactly its complaints', async () => {
    expect(await rows('view=all')).toEqual(ids(...ALL));
    // Overdue: a passed duty deadline; neither the told complaint nor the review (their decision deadline passed too).
    expect(await rows('view=overdue')).toEqual(ids('late'));
    expect(await rows('view=due3')).toEqual(ids('soon'));
    expect(await rows('view=mine')).toEqual(ids('later'));
    expect(await rows('view=mine', principal(w.tenant.id, ['handler'], 'h-2'))).toEqual(ids('fresh'));
    expect(await rows('view=unit&unit=branch')).toEqual(ids('later', 'fresh'));
    expect(await rows('view=unit&unit=sub-branch')).toEqual(ids('fresh'));
    expect(await rows('view=partners')).toEqual(ids('partner'));
    expect(await rows('view=review')).toEqual(ids('review'));
    const { html } = await get('/console?view=overdue');
    expect(html).toContain('aria-current="true">已逾期');
    expect(html.match(/aria-current="true"/g)).toHaveLength(1);
  });

  it('reads the due-date index for every view, never a Scan; overdue and due-soon are ranges of its sort key', async () => {
    type Sent = {
      name: string;
      input: { TableName?: string; IndexName?: string; KeyConditionExpression?: string; FilterExpression?: string };
    };
    const sent: Sent[] = [];
    const db = w.platform.db;
    const original = db.send.bind(db);
    db.send = ((command: { constructor: { name: string }; input: Sent['input'] }) => {
      sent.push({ name: command.constructor.name, input: command.input });
      return original(command as never);
    }) as typeof db.send;
    const queries = async (query: string) => {
      sent.length = 0;
      await rows(query);
      expect(sent.map((s) => s.name)).not.toContain('ScanCommand');
      return sent.filter((s) => s.name === 'QueryCommand' && s.input.TableName === w.tenant.tableName);
    };
    try {
      for (const view of ['all', 'unit&unit=branch', 'partners']) {
        const q = await queries(`view=${view}`);
        expect(q.length, view).toBeGreaterThan(0);
        for (const s of q)
          expect(s.input).toMatchObject({ IndexName: 'openByDue', KeyConditionExpression: '#pk = :pk' });
      }
      // "mine" is a key condition on the handler's own index, not a filter over every open complaint.
      const mine = await queries('view=mine');
      expect(mine.length).toBeGreaterThan(0);
      for (const s of mine) {
        expect(s.input).toMatchObject({ IndexName: 'openByAssignee', KeyConditionExpression: '#pk = :pk' });
        expect(String(s.input.FilterExpression ?? '')).not.toContain('assignee');
      }
      for (const s of await queries('view=overdue'))
        expect(s.input).toMatchObject({ IndexName: 'openByDue', KeyConditionExpression: '#pk = :pk AND #sk < :due' });
      for (const s of await queries('view=due3'))
        expect(s.input).toMatchObject({
          IndexName: 'openByDue',
          KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :dueFrom AND :due',
        });
      for (const s of await queries('view=review')) expect(s.input).toMatchObject({ IndexName: 'byStatus' });
    } finally {
      db.send = original as typeof db.send;
    }
  });

  it('remembers the unit chosen for "my unit", and asks for one until then', async () => {
    const none = await get('/console?view=unit');
    expect(none.status).toBe(200);
    expect(none.html).toContain('请先在下方筛选中选择您所在的单元');
    expect(rowsOf(none.html)).toEqual([]);
    const chosen = await get('/console?view=unit&unit=branch');
    expect(chosen.res.headers.get('set-cookie')).toMatch(/^redress_queue_unit=branch;.*HttpOnly/);
    const again = await get('/console?view=unit', handler, {
      Cookie: `${await w.cookie(handler, 'console')}; redress_queue_unit=branch`,
    });
    expect(rowsOf(again.html)).toEqual(ids('later', 'fresh'));
  });

  it('filters by status, category, reason, channel, unit and received dates, alone and with a view', async () => {
    expect(await rows('status=acknowledged')).toEqual(ids('soon'));
    expect(await rows('status=review_requested')).toEqual(ids('review'));
    expect(await rows('category=B-CAT-06')).toEqual(ids('fresh'));
    expect(await rows('reason=B-RSN-02')).toEqual(ids('later'));
    expect(await rows('channel=email')).toEqual(ids('partner'));
    expect(await rows('unit=sub-branch')).toEqual(ids('fresh'));
    expect(await rows('unit=head-office')).toEqual(ids(...ALL));
    // Whole days in the institution's zone, both ends included.
    expect(await rows('receivedFrom=2026-11-25&receivedTo=2026-11-26')).toEqual(ids('later', 'repeat'));
    expect(await rows('receivedFrom=2026-11-28')).toEqual(ids('partner', 'fresh'));
    expect(await rows('view=overdue&status=received')).toEqual(ids('late'));
    expect(await rows('view=overdue&status=acknowledged')).toEqual([]);
    expect(await rows('view=review&status=received')).toEqual([]);
    expect(await rows('view=mine&unit=sub-branch')).toEqual([]);
    const { html } = await get('/console?status=acknowledged&category=B-CAT-06');
    expect(html).toMatch(/<option value="acknowledged" selected="">已受理/);
    expect(html).toContain('<option value="B-CAT-06" selected="">信用卡');
  });

  it('refuses filter values it does not know with 400 and messages at the fields', async () => {
    for (const query of [
      'status=closed',
      'view=everything',
      'unit=nowhere',
      'receivedFrom=2026-13-01',
      'channel=fax',
    ]) {
      const res = await get(`/console?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.html).toContain('error-summary');
      expect(rowsOf(res.html)).toEqual([]);
    }
    const backwards = await get('/console?receivedFrom=2026-11-26&receivedTo=2026-11-25');
    expect(backwards.status).toBe(400);
    expect(backwards.html).toContain('结束日期不能早于开始日期');
  });

  it('pages with sealed cursors that belong to one listing of one institution', async () => {
    const seen: string[] = [];
    let path: string | undefined = '/console?limit=3';
    let pages = 0;
    while (path && pages < 10) {
      const { status, html } = await get(path);
      expect(status).toBe(200);
      const page = rowsOf(html);
      expect(page.length).toBeLessThanOrEqual(3);
      seen.push(...page);
      path = nextLinkOf(html);
      pages++;
    }
    expect(seen).toEqual(ids(...ALL));
    expect(pages).toBeGreaterThanOrEqual(3);

    const first = nextLinkOf((await get('/console?limit=3')).html)!;
    const cursor = new URL(first, 'http://x').searchParams.get('cursor')!;
    expect((await get(`/console?limit=3&cursor=${cursor}`)).status).toBe(200);
    // The same cursor for another listing, another user's "mine" or another institution: refused.
    expect((await get(`/console?view=overdue&cursor=${cursor}`)).status).toBe(400);
    expect((await get(`/console?limit=3&cursor=${cursor}`, principal(bankB.id, ['handler'], 'h-1'))).status).toBe(400);
    expect((await get(`/console?limit=3&cursor=${cursor.slice(0, -2)}xx`)).status).toBe(400);
    expect((await get('/console?cursor=bm90LWEtY3Vyc29y')).status).toBe(400);
    // The refreshing fragment continues the page it belongs to.
    const fragment = await get(`/console/queue/rows?limit=3&cursor=${cursor}`);
    expect(rowsOf(fragment.html)).toEqual(ids('soon', 'later', 'repeat'));
  });

  it('refreshes its table from a fragment every 30 seconds, and the fragment is the table alone', async () => {
    const { html } = await get('/console?view=overdue');
    expect(html).toContain('hx-get="/console/queue/rows?view=overdue"');
    expect(html).toContain('hx-trigger="every 30s"');
    const fragment = await get('/console/queue/rows?view=overdue');
    expect(fragment.status).toBe(200);
    expect(fragment.html).not.toContain('<html');
    expect(fragment.html).toContain('<table class="queue">');
    expect(rowsOf(fragment.html)).toEqual(ids('late'));
  });

  it("never shows one institution another's complaints", async () => {
    const ofB = principal(bankB.id, ['supervisor'], 'h-1');
    expect(await rows('view=all', ofB)).toEqual([c.other]);
    expect(await rows('view=mine', ofB)).toEqual([]);
    expect(await rows('unit=head-office', ofB)).toEqual([c.other]);
    const { html: bHtml } = await get('/console', ofB);
    const { html: aHtml } = await get('/console');
    for (const id of ids(...ALL)) expect(bHtml).not.toContain(id);
    expect(aHtml).not.toContain(c.other);
    const fragment = await get('/console/queue/rows', ofB);
    expect(rowsOf(fragment.html)).toEqual([c.other]);
  });

  it('opens for every institution role, and not for a grant without a role or for the regulator', async () => {
    for (const role of TENANT_ROLES) {
      expect((await get('/console', principal(w.tenant.id, [role]))).status, role).toBe(200);
    }
    const regulator: Principal = { sub: 'reg-1', roles: ['regulator'], issuer: 'test' };
    for (const who of [principal(w.tenant.id, ['pii:read']), regulator, { ...regulator, tenantId: w.tenant.id }]) {
      for (const path of ['/console', '/console/queue/rows']) {
        const res = await get(path, who);
        expect(res.status, `${who.roles} ${path}`).toBe(303);
        expect(res.res.headers.get('location')).toMatch(/^\/console\/sign-in/);
      }
    }
    // The regulator's own portal session is no console session either.
    const portal = await w.page('GET', '/console', { headers: { Cookie: await w.cookie(regulator, 'portal') } });
    expect(portal.status).toBe(303);
  });

  it('shows no personal data of any complainant, with or without pii:read', async () => {
    for (const who of [handler, principal(w.tenant.id, ['handler', 'pii:read'], 'h-1')]) {
      for (const path of ['/console', '/console/queue/rows', '/console?view=partners']) {
        const { html } = await get(path, who);
        expect(rowsOf(html).length).toBeGreaterThan(0);
        for (const s of personal) expect(html, `${path} ${s}`).not.toContain(s);
      }
    }
  });
});
