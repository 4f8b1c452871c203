/**
 * The institution admin pages in-process, on DynamoDB Local: units, the deadline policy (and the
 * versions complaints stay pinned to), users' roles as the IdP gave them at sign-in, and webhook
 * subscriptions with their delivery logs. Only an admin gets in; no other institution sees or
 * changes any of it; every form needs the session's token.
 */
// Loaded first: it extends zod with .openapi(), which the route modules' schemas call at import.
import '@hono/zod-openapi';
import { beforeAll, describe, expect, it } from 'vitest';
import { policyState } from '../../shared/application/effective-policy';
import { registerComplaint } from '../../shared/application/intake';
import { onboardTenant } from '../../shared/application/tenants';
import { unitHierarchy } from '../../shared/application/unit-hierarchy';
import { signingSecrets } from '../../shared/application/webhook-endpoints';
import type { Principal } from '../../shared/auth/principal';
import { IntakeSchema } from '../../shared/domain/complaint/intake-schema';
import type { Tenant } from '../../shared/domain/tenant/tenant-schema';
import type { SignInMethod } from '../../shared/web/web-surface';
import { intakeBody, principal } from '../support/fixtures';
import { type WebApp, webApp } from '../support/web-app';

const IDP = 'https://idp.bank-a.example';
let w: WebApp;
let a: Tenant;
let b: Tenant;
const adminA = () => principal('bank-a', ['admin'], 'a-admin');
const adminB = () => principal('bank-b', ['admin'], 'b-admin');

/** A stand-in for the OIDC callback: whatever identity it is given starts a session, as a verified one would. */
const testSignIn: SignInMethod = {
  render: () => undefined,
  register(app, ctx) {
    app.post('/sign-in/test', async (c) => {
      const body = await c.req.parseBody();
      return ctx.startSession(c, {
        sub: String(body.sub),
        tenantId: String(body.tenantId),
        roles: String(body.roles).split(','),
        issuer: IDP,
      });
    });
  },
};

async function signInThroughTheForm(sub: string, tenantId: string, roles: string[]) {
  const form = await w.app.request('http://localhost/console/sign-in', { headers: { Host: 'localhost' } });
  const token = /redress_console_form=([^;]+)/.exec(form.headers.get('set-cookie') ?? '')?.[1];
  expect(token).toBeDefined();
  const res = await w.app.request('http://localhost/console/sign-in/test', {
    method: 'POST',
    headers: {
      Host: 'localhost',
      Cookie: `redress_console_form=${token}`,
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ _csrf: token!, sub, tenantId, roles: roles.join(',') }).toString(),
  });
  expect(res.status).toBe(303);
}

const text = async (res: Response | Promise<Response>) => (await res).text();
const get = (path: string, who: Principal = adminA()) => w.page('GET', path, { principal: who });
const post = (path: string, form: Record<string, string | string[]>, who: Principal = adminA()) =>
  w.page('POST', path, { principal: who, form });

/** The current units as the edit form posts them back, with changes on top. */
async function unitsForm(tenant: Tenant, extra: Record<string, string> = {}) {
  const stored = await unitHierarchy(w.platform, tenant);
  const form: Record<string, string> = { version: String(stored.version) };
  stored.units.forEach((u, n) => {
    form[`known.${n}`] = '1';
    form[`units.${n}.id`] = u.id;
    form[`units.${n}.name.zh-CN`] = u.name['zh-CN'];
    form[`units.${n}.name.en`] = u.name.en;
    if (u.parentId) form[`units.${n}.parentId`] = u.parentId;
  });
  return { ...form, ...extra };
}

async function createEndpoint(
  who: Principal,
  url: string,
  events = ['complaint.received'],
  key = `k-${Math.random()}`,
) {
  const res = await post('/console/admin/webhooks', { url, 'events[]': ['', ...events], _idempotencyKey: key }, who);
  expect(res.status).toBe(303);
  const id = /\/console\/admin\/webhooks\/([^?]+)\?done=created/.exec(res.headers.get('location') ?? '')?.[1];
  const flash = /redress_console_secret=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
  return { id: decodeURIComponent(id!), flash: flash!, location: res.headers.get('location')! };
}

beforeAll(async () => {
  w = await webApp({ signIn: [testSignIn] });
  a = w.tenant;
  b = await onboardTenant(w.platform, { id: 'bank-b', name: 'Bank B', kind: 'bank', policy: 'cn-nfra-2020' });
  await w.platform.units.put(
    b.tableName,
    { units: [{ id: 'b-head', name: { 'zh-CN': '乙行总行', en: 'B head office' } }] },
    0,
  );
});

describe('who may open the admin pages', () => {
  it('refuses every admin page and form to every other role, and changes nothing', async () => {
    const endpoint = await createEndpoint(adminA(), 'http://127.0.0.1:9/role-check');
    const before = {
      units: await unitHierarchy(w.platform, a),
      policy: (await policyState(w.platform, a)).version,
      endpoint: await w.platform.webhooks.endpoint(a.tableName, endpoint.id),
    };
    const pages = [
      '/console/admin',
      '/console/admin/units',
      '/console/admin/policy',
      '/console/admin/users',
      '/console/admin/webhooks',
      `/console/admin/webhooks/${endpoint.id}`,
    ];
    const forms: [string, Record<string, string | string[]>][] = [
      [
        '/console/admin/units',
        await unitsForm(a, {
          'units.9.id': 'x-unit',
          'units.9.name.zh-CN': 'x',
          'units.9.name.en': 'x',
          'units.9.parentId': 'branch',
        }),
      ],
      ['/console/admin/policy', { version: String(before.policy), 'decision.amount': '10' }],
      ['/console/admin/webhooks', { url: 'http://127.0.0.1:9/x', 'events[]': ['complaint.received'] }],
      [
        `/console/admin/webhooks/${endpoint.id}/edit`,
        { url: 'http://127.0.0.1:9/y', 'events[]': ['complaint.closed'] },
      ],
      [`/console/admin/webhooks/${endpoint.id}/pause`, {}],
      [`/console/admin/webhooks/${endpoint.id}/resume`, {}],
      [`/console/admin/webhooks/${endpoint.id}/rotate-secret`, {}],
      [`/console/admin/webhooks/${endpoint.id}/test`, {}],
      [`/console/admin/webhooks/${endpoint.id}/replay`, { days: '7' }],
      [
        `/console/admin/webhooks/${endpoint.id}/deliveries/replay`,
        { occurredAt: '2026-01-01T00:00:00.000Z', eventId: 'e' },
      ],
      [`/console/admin/webhooks/${endpoint.id}/delete`, { confirm: 'yes' }],
    ];
    for (const roles of [['intake'], ['handler'], ['supervisor'], ['handler', 'supervisor', 'pii:read']]) {
      const who = principal('bank-a', roles, `u-${roles.join('-')}`);
      for (const path of pages)
        expect({ path, roles, status: (await get(path, who)).status }).toMatchObject({ status: 403 });
      for (const [path, form] of forms)
        expect({ path, roles, status: (await post(path, form, who)).status }).toMatchObject({ status: 403 });
      // The console's navigation does not offer what the pages refuse.
      expect(await text(get('/console/referrals', who))).not.toContain('href="/console/admin"');
    }
    expect(await unitHierarchy(w.platform, a)).toEqual(before.units);
    expect((await policyState(w.platform, a)).version).toBe(before.policy);
    expect(await w.platform.webhooks.endpoint(a.tableName, endpoint.id)).toEqual(before.endpoint);
    expect((await w.platform.webhooks.endpoints(a.tableName)).length).toBe(1);

    const overview = await text(get('/console/admin'));
    for (const section of ['units', 'policy', 'users', 'webhooks', 'access-log'])
      expect(overview).toContain(`href="/console/admin/${section}"`);
  });

  it('speaks English when asked, on every admin page', async () => {
    const cookie = await w.cookie(adminA(), 'console');
    const titles = {
      '/console/admin': 'Administration',
      '/console/admin/units': 'Unit hierarchy',
      '/console/admin/policy': 'Deadline policy',
      '/console/admin/users': 'Users and roles',
      '/console/admin/webhooks': 'Webhook subscriptions',
    };
    for (const [path, title] of Object.entries(titles)) {
      const res = await w.app.request(`http://localhost${path}`, {
        headers: { Host: 'localhost', Cookie: `${cookie}; redress_lang=en` },
      });
      const body = await res.text();
      expect(body).toContain(`<h1>${title}</h1>`);
      expect(body).toContain('<html lang="en">');
    }
  });

  it('refuses a form without the session’s anti-forgery token', async () => {
    const before = await unitHierarchy(w.platform, a);
    const units = await w.page('POST', '/console/admin/units', {
      principal: adminA(),
      form: await unitsForm(a, { 'units.0.name.en': 'Forged' }),
      csrf: false,
    });
    expect(units.status).toBe(403);
    const wrong = await w.page('POST', '/console/admin/policy', {
      principal: adminA(),
      form: { version: '0', 'decision.amount': '5' },
      csrf: 'not-the-token-of-this-session-at-all-000000',
    });
    expect(wrong.status).toBe(403);
    expect(await unitHierarchy(w.platform, a)).toEqual(before);
    expect((await policyState(w.platform, a)).override).toEqual({});
  });
});

describe('the unit hierarchy', () => {
  it('shows the tree and saves a change as a whole, through the same use case as PUT /v1/units', async () => {
    const page = await text(get('/console/admin/units'));
    expect(page).toContain('class="unit-tree"');
    expect(page).toMatch(/总行[\s\S]*分行[\s\S]*支行/);
    const res = await post(
      '/console/admin/units',
      await unitsForm(a, {
        'units.2.name.en': 'Chaoyang sub-branch',
        'units.7.id': 'east-branch',
        'units.7.name.zh-CN': '东城分行',
        'units.7.name.en': 'East branch',
        'units.7.parentId': 'head-office',
      }),
    );
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/console/admin/units?done=saved');
    const stored = await unitHierarchy(w.platform, a);
    expect(stored.units.map((u) => [u.id, u.parentId])).toEqual([
      ['head-office', undefined],
      ['branch', 'head-office'],
      ['sub-branch', 'branch'],
      ['east-branch', 'head-office'],
    ]);
    expect(stored.units[2]?.name.en).toBe('Chaoyang sub-branch');
    // The JSON API reads the very same hierarchy.
    const api = await w.call('GET', '/v1/units', { token: await w.token(['admin']) });
    expect(api.body.version).toBe(stored.version);
    const shown = await text(get('/console/admin/units?done=saved'));
    expect(shown).toContain('已保存');
    expect(shown).toContain('东城分行');
  });

  it('refuses what the schema refuses, at the row and column it is about', async () => {
    const before = await unitHierarchy(w.platform, a);
    const res = await post(
      '/console/admin/units',
      await unitsForm(a, { 'units.5.id': 'East Branch!', 'units.5.name.zh-CN': '东区', 'units.5.parentId': 'branch' }),
    );
    expect(res.status).toBe(400);
    const body = await res.text();
    expect(body).toContain('href="#f-units-5-id"');
    expect(body).toContain('href="#f-units-5-name-en"');
    expect(body).toMatch(/id="f-units-5-id"[^>]*aria-invalid="true"/);
    // What was typed stays in the form.
    expect(body).toContain('value="East Branch!"');
    expect(await unitHierarchy(w.platform, a)).toEqual(before);
  });

  it('refuses a second head office, and a stale version with a 409', async () => {
    const before = await unitHierarchy(w.platform, a);
    const twoRoots = await unitsForm(a);
    delete twoRoots['units.1.parentId'];
    const res = await post('/console/admin/units', twoRoots);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('单位层级无效');
    const stale = await post('/console/admin/units', { ...(await unitsForm(a)), version: String(before.version - 1) });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain('已被他人修改');
    expect(await unitHierarchy(w.platform, a)).toEqual(before);
  });

  it('removes a ticked unit', async () => {
    const form = await unitsForm(a);
    const n = Object.entries(form)
      .find(([, v]) => v === 'east-branch')![0]
      .split('.')[1]!;
    expect((await post('/console/admin/units', { ...form, [`remove.${n}`]: '1' })).status).toBe(303);
    expect((await unitHierarchy(w.platform, a)).units.map((u) => u.id)).not.toContain('east-branch');
  });
});

describe('the deadline policy', () => {
  const register = async () =>
    (
      await registerComplaint(
        w.platform,
        a,
        principal(a.id, ['intake']),
        IntakeSchema.parse(intakeBody()),
        `k-${Math.random()}`,
      )
    ).complaint;

  it('shows preset, override and effective values; stores a stricter override; complaints keep their version', async () => {
    const page = await text(get('/console/admin/policy'));
    expect(page).toContain('cn-nfra-2020');
    expect(page).toContain('15 个自然日');
    const before = await register();
    expect(before.policy.revision).toBe(0);

    const res = await post('/console/admin/policy', {
      version: '0',
      'decision.amount': '10',
      rollToWorkingDay: 'false',
    });
    expect(res.status).toBe(303);
    const state = await policyState(w.platform, a);
    expect(state).toMatchObject({ version: 1, override: { decision: { amount: 10 }, rollToWorkingDay: false } });
    expect(state.effective.decision).toEqual({ amount: 10, unit: 'calendar_days' });
    const after = await register();
    expect(after.policy.revision).toBe(1);
    // The complaint registered before the change keeps its 15 days; the new one has 10.
    expect(Date.parse(after.deadlines.decision) - Date.parse(after.receivedAt)).toBeLessThan(
      Date.parse(before.deadlines.decision) - Date.parse(before.receivedAt),
    );
    const shown = await text(get('/console/admin/policy'));
    expect(shown).toContain('10 个自然日');
    expect(shown).toContain('不可变的新版本');
    const versions = shown.slice(shown.indexOf('policy-versions'));
    expect(versions).toMatch(/<td>1 <span class="badge ok">当前<\/span><\/td>/);
    expect(versions).toContain('<td>0 </td>');
  });

  it('says which field is looser than the preset (422), and what is not a number (400)', async () => {
    const before = await policyState(w.platform, a);
    const looser = await post('/console/admin/policy', {
      version: String(before.version),
      'decision.amount': '20',
      'reviewRequestWindow.amount': '20',
    });
    expect(looser.status).toBe(422);
    const body = await looser.text();
    expect(body).toContain('href="#f-decision-amount"');
    expect(body).toContain('不得超过预设的 15 个自然日');
    expect(body).toContain('href="#f-reviewRequestWindow-amount"');
    expect(body).toContain('不得短于预设的 30 个自然日');
    expect(body).toContain('value="20"');
    const nan = await post('/console/admin/policy', {
      version: String(before.version),
      'acknowledgement.amount': 'abc',
    });
    expect(nan.status).toBe(400);
    expect(await nan.text()).toContain('href="#f-acknowledgement-amount"');
    const stale = await post('/console/admin/policy', { version: '0', 'decision.amount': '9' });
    expect(stale.status).toBe(409);
    expect(await policyState(w.platform, a)).toEqual(before);
  });
});

describe('users and their roles', () => {
  it('lists each console sign-in with the roles its IdP gave, and says roles are changed there', async () => {
    await signInThroughTheForm('zhang.handler', 'bank-a', ['handler', 'pii:read']);
    await signInThroughTheForm('li.admin', 'bank-a', ['admin']);
    // A second sign-in with other roles: the IdP's latest word replaces the earlier one.
    await signInThroughTheForm('zhang.handler', 'bank-a', ['supervisor']);
    await signInThroughTheForm('wang.b', 'bank-b', ['handler']);
    const page = await text(get('/console/admin/users'));
    expect(page).toContain('身份提供方（IdP）');
    expect(page).toContain('需在 IdP 中修改');
    expect(page).toContain('zhang.handler');
    expect(page).toContain('li.admin');
    expect(page).toContain(IDP);
    const zhang = page.slice(page.indexOf('zhang.handler'), page.indexOf('</tr>', page.indexOf('zhang.handler')));
    expect(zhang).toContain('主管');
    expect(zhang).not.toContain('经办人');
    expect(zhang).toContain('<td>2</td>');
    expect(page).not.toContain('wang.b');
    const other = await text(get('/console/admin/users', adminB()));
    expect(other).toContain('wang.b');
    expect(other).not.toContain('zhang.handler');
  });
});

describe('webhook subscriptions', () => {
  it('creates an endpoint and shows its secret once, after the redirect', async () => {
    const created = await createEndpoint(adminA(), 'http://127.0.0.1:9/crm', [
      'complaint.received',
      'complaint.closed',
    ]);
    const session = await w.cookie(adminA(), 'console');
    const first = await w.app.request(`http://localhost${created.location}`, {
      headers: { Host: 'localhost', Cookie: `${session}; redress_console_secret=${created.flash}` },
    });
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect(first.headers.get('set-cookie')).toMatch(/redress_console_secret=;/);
    const page = await first.text();
    const secret = /id="webhook-secret"[^>]*value="([^"]+)"/.exec(page)?.[1] ?? /value="(whsec_[^"]+)"/.exec(page)?.[1];
    expect(secret).toMatch(/^whsec_/);
    const stored = (await w.platform.webhooks.endpoint(a.tableName, created.id))!;
    expect(await signingSecrets(w.platform, a, stored, 0)).toEqual([secret]);
    // Without the one-time cookie (the browser dropped it), the page never shows it again.
    const again = await text(get(created.location));
    expect(again).not.toContain(secret!);
    expect(again).toContain('端点已创建');
    expect(await text(get('/console/admin/webhooks'))).not.toContain(secret!);
    // Nor does another user of the same institution holding that cookie.
    const other = await w.app.request(`http://localhost${created.location}`, {
      headers: {
        Host: 'localhost',
        Cookie: `${await w.cookie(principal('bank-a', ['admin'], 'other-admin'), 'console')}; redress_console_secret=${created.flash}`,
      },
    });
    expect(await other.text()).not.toContain(secret!);
  });

  it('registers one endpoint for a double submit of the same form', async () => {
    const count = (await w.platform.webhooks.endpoints(a.tableName)).length;
    const one = await createEndpoint(adminA(), 'http://127.0.0.1:9/twice', ['complaint.decided'], 'same-form-key');
    const two = await createEndpoint(adminA(), 'http://127.0.0.1:9/twice', ['complaint.decided'], 'same-form-key');
    expect(two.id).toBe(one.id);
    expect((await w.platform.webhooks.endpoints(a.tableName)).length).toBe(count + 1);
  });

  it('refuses an endpoint without events (400) or with an address it will not post to (422)', async () => {
    const count = (await w.platform.webhooks.endpoints(a.tableName)).length;
    const none = await post('/console/admin/webhooks', { url: 'http://127.0.0.1:9/none', 'events[]': [''] });
    expect(none.status).toBe(400);
    const body = await none.text();
    expect(body).toContain('href="#f-events"');
    expect(body).toContain('value="http://127.0.0.1:9/none"');
    const ftp = await post('/console/admin/webhooks', {
      url: 'ftp://files.example/hook',
      'events[]': ['complaint.received'],
    });
    expect(ftp.status).toBe(422);
    expect(await ftp.text()).toContain('该地址不能接收推送');
    expect((await w.platform.webhooks.endpoints(a.tableName)).length).toBe(count);
  });

  it('disables and enables, rotates, tests, replays, edits and deletes, with the delivery log', async () => {
    const { id } = await createEndpoint(adminA(), 'http://127.0.0.1:9/ops');
    const base = `/console/admin/webhooks/${id}`;
    const status = async () => (await w.platform.webhooks.endpoint(a.tableName, id))?.status;

    expect((await post(`${base}/pause`, {})).headers.get('location')).toBe(`${base}?done=paused`);
    expect(await status()).toBe('paused');
    expect(await text(get(`${base}?done=paused`))).toContain('端点已停用');
    expect((await post(`${base}/resume`, {})).status).toBe(303);
    expect(await status()).toBe('active');

    const rotated = await post(`${base}/rotate-secret`, {});
    expect(rotated.status).toBe(303);
    expect(rotated.headers.get('set-cookie')).toMatch(/redress_console_secret=[^;]+;/);
    expect((await w.platform.webhooks.endpoint(a.tableName, id))?.secrets).toHaveLength(2);

    expect((await post(`${base}/test`, {})).headers.get('location')).toBe(`${base}?done=tested`);
    const log = await text(get(base));
    expect(log).toContain('<code>webhook.test</code>');
    const occurredAt = /name="occurredAt" value="([^"]+)"/.exec(log)?.[1];
    const eventId = /name="eventId" value="([^"]+)"/.exec(log)?.[1];
    expect(eventId).toMatch(/^evt_test_/);
    const replay = await post(`${base}/deliveries/replay`, { occurredAt: occurredAt!, eventId: eventId! });
    expect(replay.headers.get('location')).toBe(`${base}?done=replayed`);
    expect((await post(`${base}/deliveries/replay`, { occurredAt: occurredAt!, eventId: 'evt_none' })).status).toBe(
      404,
    );
    const bulk = await post(`${base}/replay`, { days: '7' });
    expect(bulk.headers.get('location')).toMatch(new RegExp(`^${base}\\?done=replayed&n=\\d+$`));
    expect((await post(`${base}/replay`, { days: '400' })).status).toBe(400);

    const edit = await post(`${base}/edit`, {
      url: 'http://127.0.0.1:9/ops-v2',
      description: '客户关系系统',
      'events[]': ['', 'complaint.closed', 'referral.answered'],
    });
    expect(edit.status).toBe(303);
    expect(await w.platform.webhooks.endpoint(a.tableName, id)).toMatchObject({
      url: 'http://127.0.0.1:9/ops-v2',
      description: '客户关系系统',
      events: ['complaint.closed', 'referral.answered'],
    });
    const badEdit = await post(`${base}/edit`, { url: 'ftp://x.example/', 'events[]': ['complaint.closed'] });
    expect(badEdit.status).toBe(422);

    const unconfirmed = await post(`${base}/delete`, {});
    expect(unconfirmed.status).toBe(400);
    expect(await unconfirmed.text()).toContain('请先勾选确认再删除');
    expect(await status()).toBe('active');
    expect((await post(`${base}/delete`, { confirm: 'yes' })).headers.get('location')).toBe(
      '/console/admin/webhooks?done=deleted',
    );
    expect(await status()).toBeUndefined();
    expect((await get(base)).status).toBe(404);
  });
});

describe('another institution', () => {
  it('never sees the units, users, policy or webhooks of this one, and changes nothing with its ids', async () => {
    const { id } = await createEndpoint(adminA(), 'http://127.0.0.1:9/secret-crm-of-a');
    const before = {
      endpoint: await w.platform.webhooks.endpoint(a.tableName, id),
      units: await unitHierarchy(w.platform, a),
      policy: await policyState(w.platform, a),
      deliveries: (await w.platform.webhooks.deliveries(a.tableName, id, { limit: 10 })).items.length,
    };
    const units = await text(get('/console/admin/units', adminB()));
    expect(units).toContain('乙行总行');
    expect(units).not.toContain('sub-branch');
    expect(await text(get('/console/admin/webhooks', adminB()))).not.toContain('secret-crm-of-a');
    expect(await text(get('/console/admin/policy', adminB()))).not.toContain('10 个自然日');
    expect((await get(`/console/admin/webhooks/${id}`, adminB())).status).toBe(404);
    const base = `/console/admin/webhooks/${id}`;
    const forms: [string, Record<string, string | string[]>][] = [
      [`${base}/edit`, { url: 'http://127.0.0.1:9/stolen', 'events[]': ['complaint.received'] }],
      [`${base}/pause`, {}],
      [`${base}/rotate-secret`, {}],
      [`${base}/test`, {}],
      [`${base}/replay`, { days: '7' }],
      [`${base}/deliveries/replay`, { occurredAt: '2026-01-01T00:00:00.000Z', eventId: 'e' }],
      [`${base}/delete`, { confirm: 'yes' }],
    ];
    for (const [path, form] of forms)
      expect({ path, status: (await post(path, form, adminB())).status }).toEqual({ path, status: 404 });
    // B's own forms change B's settings only, whatever ids of A's they name.
    const bUnits = await unitHierarchy(w.platform, b);
    expect(
      (
        await post(
          '/console/admin/units',
          {
            version: String(bUnits.version),
            'units.0.id': 'head-office',
            'units.0.name.zh-CN': '总行',
            'units.0.name.en': 'Head office',
          },
          adminB(),
        )
      ).status,
    ).toBe(303);
    expect((await post('/console/admin/policy', { version: '0', 'decision.amount': '7' }, adminB())).status).toBe(303);
    expect((await unitHierarchy(w.platform, b)).units.map((u) => u.id)).toEqual(['head-office']);
    expect((await policyState(w.platform, b)).override).toEqual({ decision: { amount: 7 } });
    expect(await w.platform.webhooks.endpoint(a.tableName, id)).toEqual(before.endpoint);
    expect(await unitHierarchy(w.platform, a)).toEqual(before.units);
    expect(await policyState(w.platform, a)).toEqual(before.policy);
    expect((await w.platform.webhooks.deliveries(a.tableName, id, { limit: 10 })).items.length).toBe(before.deliveries);
  });
});
