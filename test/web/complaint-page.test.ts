/**
 * The complaint page in-process, on DynamoDB Local: personal data masked without pii:read and, with
 * it, until a deliberate reveal that the access log records; the admin's access log; tenant
 * isolation; the hash chain verified against what is stored; the timeline, deadlines and links.
 */
// Loaded first: it extends zod with .openapi(), which the route modules' schemas call at import.
import '@hono/zod-openapi';
import { DeleteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { performAction } from '../../shared/application/complaint-actions';
import { registerComplaint } from '../../shared/application/intake';
import { accessLog } from '../../shared/application/pii-access';
import type { Principal } from '../../shared/auth/principal';
import { IntakeSchema } from '../../shared/domain/complaint/intake-schema';
import { maskPhone } from '../../shared/domain/complaint/masking';
import * as t from '../../shared/domain/complaint/transitions';
import type { Tenant } from '../../shared/domain/tenant/tenant-schema';
import { eventKey } from '../../shared/store/keys';
import { leaks } from '../security/helpers';
import { DESCRIPTION, intakeBody, PII, principal } from '../support/fixtures';
import { fixedClock, type TestClock, testTenant } from '../support/test-platform';
import { type WebApp, webApp } from '../support/web-app';

let w: WebApp;
let clock: TestClock;
let bankB: Tenant;
let n = 0;

const handler = (sub = 'h-plain') => principal('bank-a', ['handler'], sub);
const piiHandler = (sub = 'h-pii') => principal('bank-a', ['handler', 'pii:read'], sub);
const admin = principal('bank-a', ['admin'], 'a-admin');

async function register(
  p: Principal = principal('bank-a', ['intake'], 'i-1'),
  tenant?: Tenant,
  body: Record<string, unknown> = intakeBody(),
) {
  const { complaint } = await registerComplaint(
    w.platform,
    tenant ?? w.tenant,
    p,
    IntakeSchema.parse(body),
    `cp-${++n}-${Math.random()}`,
  );
  await w.platform.engine.settle();
  return complaint;
}

const html = async (res: Response) => {
  const text = await res.text();
  return { status: res.status, text, cacheControl: res.headers.get('cache-control') };
};
const get = async (path: string, who: Principal, o: { lang?: 'en' } = {}) => {
  if (!o.lang) return html(await w.page('GET', path, { principal: who }));
  const cookie = `${await w.cookie(who, 'console')}; redress_lang=${o.lang}`;
  return html(await w.page('GET', path, { headers: { Cookie: cookie } }));
};
const reveal = async (id: string, who: Principal, fields: string[], o: { csrf?: false } = {}) =>
  html(
    await w.page('POST', `/console/complaints/${id}/reveal`, { principal: who, form: { 'fields[]': fields }, ...o }),
  );
const logOf = async (tenant: Tenant = w.tenant) => (await accessLog(w.platform, tenant, { limit: 100 })).items;
const ALL = ['name', 'phone', 'email', 'idNumber', 'address', 'description'];

beforeAll(async () => {
  clock = fixedClock('2026-01-12T02:00:00.000Z');
  w = await webApp({ clock });
  bankB = await testTenant(w.platform, { id: 'bank-b', name: 'Bank B' });
});

describe('personal data on the complaint page', () => {
  it('is masked for a user without pii:read: none of the fixture data anywhere in the HTML, and no reveal form', async () => {
    const c = await register();
    const page = await get(`/console/complaints/${c.id}`, handler());
    expect(page.status).toBe(200);
    expect(page.text).toContain(c.reference);
    expect(leaks(page.text)).toEqual([]);
    expect(page.text).toContain(maskPhone(PII.phone));
    expect(page.text).not.toContain('/reveal');
    expect(page.text).toContain('pii:read');
  });

  it('stays masked with pii:read until the user asks, and the form says the reveal is recorded', async () => {
    const c = await register();
    const page = await get(`/console/complaints/${c.id}`, piiHandler());
    expect(page.status).toBe(200);
    expect(leaks(page.text)).toEqual([]);
    expect(page.text).toContain(`action="/console/complaints/${c.id}/reveal"`);
    expect(page.text).toContain('访问日志');
  });

  it('reveals what was asked for, after recording who, which complaint, when and which fields', async () => {
    const c = await register();
    const before = (await logOf()).length;
    clock.set('2026-01-12T03:04:05.000Z');
    const page = await reveal(c.id, piiHandler('h-reveal'), ALL);
    expect(page.status).toBe(200);
    // Clear personal data is never kept by a browser or proxy cache.
    expect(page.cacheControl).toContain('no-store');
    for (const value of [PII.name, PII.phone, PII.email, PII.idNumber, PII.address]) expect(page.text).toContain(value);
    expect(page.text).toContain(DESCRIPTION.slice(0, 20));
    const log = await logOf();
    expect(log).toHaveLength(before + 1);
    expect(log[0]).toMatchObject({
      sub: 'h-reveal',
      complaintId: c.id,
      reference: c.reference,
      at: '2026-01-12T03:04:05.000Z',
      fields: ALL,
    });
    expect(leaks(JSON.stringify(log))).toEqual([]);
  });

  it('shows only the fields chosen; the others stay masked', async () => {
    const c = await register();
    const page = await reveal(c.id, piiHandler(), ['phone']);
    expect(page.status).toBe(200);
    expect(page.text).toContain(PII.phone);
    expect(leaks(page.text)).toEqual(['phone']);
    expect((await logOf())[0]).toMatchObject({ complaintId: c.id, fields: ['phone'] });
  });

  it('refuses a reveal without pii:read (403), without the CSRF token (403) or without fields (422), recording nothing', async () => {
    const c = await register();
    const before = (await logOf()).length;
    const plain = await reveal(c.id, handler(), ALL);
    expect(plain.status).toBe(403);
    expect(leaks(plain.text)).toEqual([]);
    const forged = await reveal(c.id, piiHandler(), ALL, { csrf: false });
    expect(forged.status).toBe(403);
    expect(leaks(forged.text)).toEqual([]);
    const none = await reveal(c.id, piiHandler(), []);
    expect(none.status).toBe(422);
    expect(leaks(none.text)).toEqual([]);
    expect(none.text).toContain('error-summary');
    expect(await logOf()).toHaveLength(before);
  });

  it('sends a reload of the reveal address back to the masked page', async () => {
    const c = await register();
    const res = await w.page('GET', `/console/complaints/${c.id}/reveal`, { principal: piiHandler() });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/console/complaints/${c.id}`);
  });
});

describe('the personal-data access log', () => {
  it('shows the admin each reveal: who, which complaint, which fields', async () => {
    const c = await register();
    await reveal(c.id, piiHandler('h-audited'), ['phone', 'idNumber']);
    const page = await get('/console/admin/access-log', admin);
    expect(page.status).toBe(200);
    expect(page.text).toContain('h-audited');
    expect(page.text).toContain(`href="/console/complaints/${c.id}"`);
    expect(page.text).toContain(c.reference);
    expect(page.text).toContain('电话、证件号码');
    expect(leaks(page.text)).toEqual([]);
  });

  it('is refused to everyone but the admin', async () => {
    for (const roles of [['intake'], ['handler', 'pii:read'], ['supervisor']]) {
      const page = await get('/console/admin/access-log', principal('bank-a', roles, 'not-admin'));
      expect(page.status, roles.join()).toBe(403);
      expect(page.text).not.toContain('h-audited');
    }
  });

  it('pages newest first across months, by month on request, with sealed cursors', async () => {
    const fresh = await webApp({ clock: fixedClock('2026-01-05T00:00:00.000Z') });
    const c = (
      await registerComplaint(
        fresh.platform,
        fresh.tenant,
        principal('bank-a', ['intake']),
        IntakeSchema.parse(intakeBody()),
        'paging-1',
      )
    ).complaint;
    const p = fresh.platform;
    const at = ['2026-01-05T01:00:00.000Z', '2026-01-20T01:00:00.000Z', '2026-03-02T01:00:00.000Z'];
    for (const when of at) {
      (p.clock as TestClock).set(when);
      const res = await fresh.page('POST', `/console/complaints/${c.id}/reveal`, {
        principal: piiHandler(`viewer-${when.slice(5, 10)}`),
        form: { 'fields[]': ['phone'] },
      });
      expect(res.status).toBe(200);
    }
    (p.clock as TestClock).set('2026-04-01T00:00:00.000Z');
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await accessLog(p, fresh.tenant, { limit: 2, ...(cursor && { cursor }) });
      seen.push(...page.items.map((e) => e.at));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([...at].reverse());
    expect((await accessLog(p, fresh.tenant, { limit: 10, month: '2026-01' })).items.map((e) => e.at)).toEqual([
      at[1],
      at[0],
    ]);
    expect((await accessLog(p, fresh.tenant, { limit: 10, month: '2026-02' })).items).toEqual([]);

    const first = await fresh.page('GET', '/console/admin/access-log?month=2026-01', { principal: admin });
    const text = await first.text();
    expect(text).toContain('viewer-01-20');
    expect(text).toContain('viewer-01-05');
    expect(text).not.toContain('viewer-03-02');
    const forged = await fresh.page('GET', '/console/admin/access-log?cursor=eyJwayI6IkFDQ0VTUyMyMDI2LTAxIn0.x', {
      principal: admin,
    });
    expect(forged.status).toBe(400);
  });
});

describe('tenant isolation and audiences', () => {
  it("gives institution B's staff a 404 for A's complaint, and no reveal of it", async () => {
    const c = await register();
    const beforeA = (await logOf()).length;
    const bStaff = principal('bank-b', ['supervisor', 'pii:read'], 'b-1');
    const page = await get(`/console/complaints/${c.id}`, bStaff);
    expect(page.status).toBe(404);
    expect(page.text).not.toContain(c.reference);
    const tried = await reveal(c.id, bStaff, ALL);
    expect(tried.status).toBe(404);
    expect(leaks(tried.text)).toEqual([]);
    expect(await logOf()).toHaveLength(beforeA);
    expect(await logOf(bankB)).toHaveLength(0);
    const bLog = await get('/console/admin/access-log', principal('bank-b', ['admin'], 'b-admin'));
    expect(bLog.status).toBe(200);
    expect(bLog.text).not.toContain(c.reference);
  });

  it('lets B see its own complaint at the same address pattern', async () => {
    const own = await register(principal('bank-b', ['intake']), bankB);
    const page = await get(`/console/complaints/${own.id}`, principal('bank-b', ['handler'], 'b-2'));
    expect(page.status).toBe(200);
    expect(page.text).toContain(own.reference);
  });

  it('does not open the console to a regulator session', async () => {
    const c = await register();
    for (const who of [
      { sub: 'reg-1', roles: ['regulator'], issuer: 'test' },
      principal('bank-a', ['regulator'], 'reg-2'),
    ]) {
      const res = await w.page('GET', `/console/complaints/${c.id}`, { principal: who });
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toMatch(/^\/console\/sign-in/);
      expect(await res.text()).not.toContain(c.reference);
    }
    const portalCookie = await w.cookie({ sub: 'reg-3', roles: ['regulator'], issuer: 'test' }, 'portal');
    const res = await w.app.request(`http://localhost/console/complaints/${c.id}`, {
      headers: { Host: 'localhost', Cookie: portalCookie },
    });
    expect(res.status).toBe(303);
  });

  it('lets only staff who may read complaints open the page', async () => {
    const c = await register();
    for (const roles of [['intake'], ['handler'], ['supervisor'], ['admin']])
      expect((await get(`/console/complaints/${c.id}`, principal('bank-a', roles))).status, roles.join()).toBe(200);
  });
});

describe('the event timeline and its hash chain', () => {
  const supervisor = principal('bank-a', ['supervisor'], 'sup-1');
  async function worked() {
    const c = await register();
    const act = (decide: Parameters<typeof performAction>[4]) =>
      performAction(w.platform, w.tenant, supervisor, c.id, decide).then(() => w.platform.engine.settle());
    await act((r, ctx) => t.acknowledge(r, ctx));
    await act(async (r) =>
      t.assign(r, { unitId: 'branch', assignee: 'handler-7' }, await w.platform.units.get(w.tenant.tableName)),
    );
    return c;
  }

  it('lists each event in words with its actor and time, newest first or oldest first, the chain intact', async () => {
    const c = await worked();
    const page = await get(`/console/complaints/${c.id}`, handler());
    expect(page.text).toContain('data-chain="intact"');
    const order = (text: string) => ['登记投诉', '确认受理', '分派'].map((label) => text.indexOf(`<strong>${label}`));
    const [received, acknowledged, assigned] = order(page.text);
    expect(received).toBeGreaterThan(acknowledged!);
    expect(acknowledged).toBeGreaterThan(assigned!);
    expect(page.text).toContain('sup-1');
    expect(page.text).toContain('handler-7');
    const oldest = await get(`/console/complaints/${c.id}?order=oldest`, handler());
    const [r2, a2, s2] = order(oldest.text);
    expect(r2).toBeLessThan(a2!);
    expect(a2).toBeLessThan(s2!);
    const english = await get(`/console/complaints/${c.id}`, handler(), { lang: 'en' });
    expect(english.text).toContain('Complaint registered');
  });

  it('shows the chain broken when a stored event was edited in DynamoDB', async () => {
    const c = await worked();
    await w.platform.db.send(
      new UpdateCommand({
        TableName: w.tenant.tableName,
        Key: eventKey(c.id, 2),
        UpdateExpression: 'SET #data.#onTime = :v',
        ExpressionAttributeNames: { '#data': 'data', '#onTime': 'onTime' },
        ExpressionAttributeValues: { ':v': false },
      }),
    );
    const page = await get(`/console/complaints/${c.id}`, handler());
    expect(page.status).toBe(200);
    expect(page.text).toContain('data-chain="broken"');
    expect(page.text).toContain('哈希链断裂：第 2 个事件');
    expect(page.text).not.toContain('data-chain="intact"');
  });

  it('shows the chain broken when its last event was removed', async () => {
    const c = await worked();
    await w.platform.db.send(new DeleteCommand({ TableName: w.tenant.tableName, Key: eventKey(c.id, 3) }));
    const page = await get(`/console/complaints/${c.id}`, handler());
    expect(page.text).toContain('data-chain="broken"');
  });
});

describe('deadlines, links and the record', () => {
  it('draws the deadlines as an SVG image with a title and a text list, and no style attribute anywhere', async () => {
    const c = await register();
    const page = await get(`/console/complaints/${c.id}`, handler());
    expect(page.text).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="axis-title axis-desc"/);
    expect(page.text).toContain('<title id="axis-title">');
    expect(page.text).toContain('class="axis-now"');
    expect(page.text).toContain('class="deadline-list"');
    for (const row of ['确认受理', '处理决定', '告知处理结果'])
      expect(page.text).toContain(`<th scope="row">${row}</th>`);
    expect(page.text).not.toMatch(/\sstyle=/);
    expect(page.text).not.toMatch(/<script(?![^>]*src=)/);
  });

  it('links a repeat complaint to the earlier one, both ways', async () => {
    // A person of their own: the fixture's complainant has many complaints in this table.
    const body = () =>
      intakeBody({ complainant: { name: '李四', phone: '13700001111', idNumber: '110105199001011234' } });
    const first = await register(undefined, undefined, body());
    const second = await register(undefined, undefined, body());
    expect(second.repeatOf).toBe(first.id);
    const later = await get(`/console/complaints/${second.id}`, handler());
    expect(later.text).toContain('本投诉重复了');
    expect(later.text).toContain(`href="/console/complaints/${first.id}">${first.reference}`);
    const earlier = await get(`/console/complaints/${first.id}`, handler());
    expect(earlier.text).toContain('重复本投诉的');
    expect(earlier.text).toContain(`href="/console/complaints/${second.id}">${second.reference}`);
  });

  it('names channel, category and reason in the page language', async () => {
    const c = await register();
    const zh = await get(`/console/complaints/${c.id}`, handler());
    expect(zh.text).toContain('借记卡 (B-CAT-05)');
    const en = await get(`/console/complaints/${c.id}`, handler(), { lang: 'en' });
    expect(en.text).toContain('Debit cards (B-CAT-05)');
    expect(en.text).toContain('Head office');
  });

  it('answers 404 for an id that is not one', async () => {
    expect((await get('/console/complaints/01AAAAAAAAAAAAAAAAAAAAAAAA', handler())).status).toBe(404);
    expect((await get(`/console/complaints/${'x'.repeat(80)}`, handler())).status).toBe(404);
  });
});
