/**
 * OpenID Connect sign-in to the console (each institution's own IdP, configured per tenant by the
 * operator) and the portal (the regulator's IdP), end to end against a real `oidc-provider` on
 * loopback: its own login and consent pages, code flow with PKCE, ID tokens it signs.
 */
// First: it extends zod with .openapi(), which schemas need when their modules load.
import '@hono/zod-openapi';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { tenantOidcClient } from '../../shared/application/tenant-sign-in';
import { ISSUER_GRANTS } from '../../shared/auth/roles';
import { institutionSignIn, regulatorSignIn } from '../../shared/web/auth/oidc-sign-in';
import { SESSION_SECONDS } from '../../shared/web/session';
import { startTestIdp, type TestIdp } from '../support/oidc-idp';
import { continueTarget, oidcPages, setCookies } from '../support/oidc-web';
import { testTenant } from '../support/test-platform';
import { type WebApp, webApp } from '../support/web-app';

const BASE = 'http://localhost';
const callbackOf = (prefix: string) => `${BASE}${prefix}/sign-in/oidc/callback`;

let idp: TestIdp;
let w: WebApp;
let pages: ReturnType<typeof oidcPages>;
let now = Date.now();

beforeAll(async () => {
  idp = await startTestIdp();
  // What each account's directory says; the tenant_id claims try to name another institution.
  idp.accounts.set('alice', { roles: ['handler', 'pii:read'], tenant_id: 'bank-b' });
  idp.accounts.set('mallory', { roles: ['handler', 'regulator', 'platform-admin'] });
  idp.accounts.set('eve', { roles: ['regulator', 'platform-admin'] });
  idp.accounts.set('bob', { realm_access: { roles: ['supervisor', 'offline_access'] }, tenant_id: 'bank-a' });
  idp.accounts.set('rita', { roles: ['regulator'] });
  await idp.start([
    { clientId: 'console-a', clientSecret: 'secret-a', redirectUri: callbackOf('/console') },
    { clientId: 'console-b', clientSecret: 'secret-b', redirectUri: callbackOf('/console') },
    { clientId: 'portal', clientSecret: 'secret-p', redirectUri: callbackOf('/portal') },
  ]);
  w = await webApp({
    now: () => now,
    signIn: [
      institutionSignIn({ publicUrl: BASE }),
      regulatorSignIn(
        {
          issuer: idp.issuer,
          clientId: 'portal',
          clientSecret: 'secret-p',
          rolesClaim: 'roles',
          allowedGrants: ISSUER_GRANTS.regulator,
        },
        { publicUrl: BASE },
      ),
    ],
  });
  await testTenant(w.platform, { id: 'bank-b', name: 'Bank B' });
  const operator = await w.token(['platform-admin'], { tenantId: null, sub: 'op-1' });
  const configure = async (id: string, body: object) =>
    expect((await w.call('PUT', `/admin/v1/tenants/${id}/sign-in`, { token: operator, body })).status).toBe(200);
  await configure('bank-a', { issuer: idp.issuer, clientId: 'console-a', clientSecret: 'secret-a' });
  // Bank B's directory keeps roles where Keycloak does, and may give supervisors only.
  await configure('bank-b', {
    issuer: idp.issuer,
    clientId: 'console-b',
    clientSecret: 'secret-b',
    rolesClaim: 'realm_access.roles',
    allowedGrants: ['supervisor'],
  });
  pages = oidcPages((path, init) => w.app.request(path, init));
});
afterAll(() => idp?.close());
beforeEach(() => {
  now = Date.now();
  idp.hooks.authorize = undefined;
  idp.hooks.token = undefined;
});

/** The session a callback's answer started: its cookie and what it holds. */
async function sessionOf(res: Response, audience: 'console' | 'portal') {
  const cookie = setCookies(res).get(`redress_${audience}`);
  if (!cookie?.value) return undefined;
  const session = await w.sessions.open(cookie.value, audience);
  return { cookie, header: `redress_${audience}=${cookie.value}`, principal: session?.principal };
}

describe('console sign-in with the institution’s own IdP', () => {
  it('lands signed in, with the tenant of the configuration that started the flow and the roles of its claim', async () => {
    const flow = await pages.start('/console/sign-in/oidc/start?tenant=bank-a&return=%2Fconsole%3Fview%3Dmine');
    expect(flow.authorizationUrl.origin).toBe(idp.issuer);
    expect(flow.authorizationUrl.searchParams.get('client_id')).toBe('console-a');
    expect(flow.authorizationUrl.searchParams.get('code_challenge_method')).toBe('S256');
    expect(flow.authorizationUrl.searchParams.get('redirect_uri')).toBe(callbackOf('/console'));
    const res = await pages.callback(await idp.signIn(flow.authorizationUrl.href, 'alice'), flow.flowCookie);
    expect(res.status).toBe(200);
    // Not a redirect: a same-site page that continues, so the browser sends the new Strict cookie.
    expect(continueTarget(await res.text())).toBe('/console?view=mine');
    const s = await sessionOf(res, 'console');
    expect(s?.cookie.attributes).toMatch(/HttpOnly/);
    expect(s?.cookie.attributes).toMatch(/SameSite=Strict/);
    expect(s?.cookie.attributes).toMatch(/Path=\/console/);
    // The ID token said tenant_id bank-b: the session's tenant is the one whose IdP verified it.
    expect(s?.principal).toEqual({
      sub: 'alice',
      issuer: idp.issuer,
      roles: ['handler', 'pii:read'],
      tenantId: 'bank-a',
    });
    // The flow's checks are spent.
    expect(setCookies(res).get('redress_console_oidc')?.value).toBe('');
    const queue = await pages.get('/console', s!.header);
    expect(queue.status).toBe(200);
    expect(await queue.text()).toContain(`alice · ${w.tenant.name}`);
  });

  it('reads roles from a dotted claim path, keeps only the grants allowed for that tenant, and ignores a tenant claim', async () => {
    const s = await sessionOf(await pages.signIn(idp, '/console/sign-in/oidc/start?tenant=bank-b', 'bob'), 'console');
    expect(s?.principal).toEqual({ sub: 'bob', issuer: idp.issuer, roles: ['supervisor'], tenantId: 'bank-b' });
  });

  it('never lets an institution’s IdP grant regulator or platform-admin', async () => {
    const mixed = await sessionOf(
      await pages.signIn(idp, '/console/sign-in/oidc/start?tenant=bank-a', 'mallory'),
      'console',
    );
    expect(mixed?.principal?.roles).toEqual(['handler']);
    const res = await pages.signIn(idp, '/console/sign-in/oidc/start?tenant=bank-a', 'eve');
    expect(res.status).toBe(403);
    expect(await sessionOf(res, 'console')).toBeUndefined();
  });

  it('refuses an ID token issued to another client (wrong audience), with everything else right', async () => {
    const a = await pages.start('/console/sign-in/oidc/start?tenant=bank-a');
    // Bank B's genuine token, signed by the same provider, made to carry A's nonce.
    const nonceA = a.authorizationUrl.searchParams.get('nonce')!;
    idp.hooks.authorize = (q) => {
      if (q.get('client_id') === 'console-b') q.set('nonce', nonceA);
    };
    let tokenOfB: string | undefined;
    idp.hooks.token = (body) => {
      if (decodeJwt(String(body.id_token)).aud === 'console-b') tokenOfB = String(body.id_token);
      else if (tokenOfB) body.id_token = tokenOfB;
    };
    const b = await pages.signIn(idp, '/console/sign-in/oidc/start?tenant=bank-b', 'bob');
    expect(b.status).toBe(401); // B's own flow: its nonce was replaced
    expect(decodeJwt(tokenOfB!)).toMatchObject({ aud: 'console-b', nonce: nonceA, iss: idp.issuer });

    const res = await pages.callback(await idp.signIn(a.authorizationUrl.href, 'alice'), a.flowCookie);
    expect(res.status).toBe(401);
    expect(await res.text()).toContain('CLAIM_COMPARISON_FAILED:aud');
    expect(await sessionOf(res, 'console')).toBeUndefined();
  });

  it('refuses a wrong state', async () => {
    const flow = await pages.start('/console/sign-in/oidc/start?tenant=bank-a');
    const back = await idp.signIn(flow.authorizationUrl.href, 'alice');
    back.searchParams.set('state', 'x'.repeat(43));
    const res = await pages.callback(back, flow.flowCookie);
    expect(res.status).toBe(401);
    expect(await sessionOf(res, 'console')).toBeUndefined();
  });

  it('refuses an ID token with a wrong nonce', async () => {
    idp.hooks.authorize = (q) => q.set('nonce', 'n'.repeat(43));
    const res = await pages.signIn(idp, '/console/sign-in/oidc/start?tenant=bank-a', 'alice');
    expect(res.status).toBe(401);
    expect(await res.text()).toContain('CLAIM_COMPARISON_FAILED:nonce');
    expect(await sessionOf(res, 'console')).toBeUndefined();
  });

  it('refuses an answer without the flow cookie, with a tampered one, or a second time', async () => {
    const flow = await pages.start('/console/sign-in/oidc/start?tenant=bank-a');
    const back = await idp.signIn(flow.authorizationUrl.href, 'alice');
    expect((await pages.callback(back, '')).status).toBe(400);
    // A character inside the value: the last one of base64url may carry only padding bits.
    const at = flow.flowCookie.length - 10;
    const tampered = `${flow.flowCookie.slice(0, at)}${flow.flowCookie[at] === 'A' ? 'B' : 'A'}${flow.flowCookie.slice(at + 1)}`;
    expect((await pages.callback(back, tampered)).status).toBe(400);
    expect((await pages.callback(back, flow.flowCookie)).status).toBe(200);
    // The code is spent at the IdP, and the cookie was cleared; replaying both is refused.
    const again = await pages.callback(back, flow.flowCookie);
    expect(again.status).toBe(401);
    expect(await sessionOf(again, 'console')).toBeUndefined();
  });

  it('refuses an answer the IdP gave to another flow', async () => {
    const a = await pages.start('/console/sign-in/oidc/start?tenant=bank-a');
    const b = await pages.start('/console/sign-in/oidc/start?tenant=bank-a');
    const backB = await idp.signIn(b.authorizationUrl.href, 'alice');
    // Another flow's code with this flow's state: its PKCE verifier does not match.
    backB.searchParams.set('state', a.authorizationUrl.searchParams.get('state')!);
    const res = await pages.callback(backB, a.flowCookie);
    expect(res.status).toBe(401);
  });

  it('never makes a session of tenant A from tenant B’s configuration', async () => {
    // B's code, brought back to a flow A started: A's client cannot redeem it.
    const a = await pages.start('/console/sign-in/oidc/start?tenant=bank-a');
    const b = await pages.start('/console/sign-in/oidc/start?tenant=bank-b');
    const backB = await idp.signIn(b.authorizationUrl.href, 'bob');
    backB.searchParams.set('state', a.authorizationUrl.searchParams.get('state')!);
    const crossed = await pages.callback(backB, a.flowCookie);
    expect(crossed.status).toBe(401);
    expect(await sessionOf(crossed, 'console')).toBeUndefined();
    // B's flow, whose account claims tenant A: a session of B.
    const s = await sessionOf(await pages.signIn(idp, '/console/sign-in/oidc/start?tenant=bank-b', 'bob'), 'console');
    expect(s?.principal?.tenantId).toBe('bank-b');
    expect(await (await pages.get('/console', s!.header)).text()).toContain('bob · Bank B');
  });

  it('answers the IdP’s refusal (the user cancelled) as a page, without a session', async () => {
    const flow = await pages.start('/console/sign-in/oidc/start?tenant=bank-a');
    const state = flow.authorizationUrl.searchParams.get('state')!;
    const back = new URL(callbackOf('/console'));
    back.search = new URLSearchParams({ error: 'access_denied', state, iss: idp.issuer }).toString();
    const res = await pages.callback(back, flow.flowCookie);
    expect(res.status).toBe(401);
    expect(await res.text()).toContain('access_denied');
    expect(await sessionOf(res, 'console')).toBeUndefined();
  });

  it('tells an unknown or unconfigured institution code apart from nothing, the same way', async () => {
    await testTenant(w.platform, { id: 'bank-c', name: 'Bank C' });
    for (const code of ['bank-c', 'no-such-bank', '../admin'])
      expect((await pages.get(`/console/sign-in/oidc/start?tenant=${encodeURIComponent(code)}`)).status).toBe(404);
    expect((await pages.get('/console/sign-in/oidc/start')).status).toBe(400);
  });

  it('tells a suspended institution’s staff so, before any trip to their IdP', async () => {
    await testTenant(w.platform, { id: 'bank-s', name: 'Bank S' });
    const operator = await w.token(['platform-admin'], { tenantId: null });
    const body = { issuer: idp.issuer, clientId: 'console-a', clientSecret: 'secret-a' };
    await w.call('PUT', '/admin/v1/tenants/bank-s/sign-in', { token: operator, body });
    expect((await w.call('POST', '/admin/v1/tenants/bank-s/suspend', { token: operator })).status).toBe(200);
    const res = await pages.get('/console/sign-in/oidc/start?tenant=bank-s');
    expect(res.status).toBe(403);
    expect(setCookies(res).has('redress_console_oidc')).toBe(false);
  });

  it('answers 503 when the IdP cannot be reached, not 500', async () => {
    await testTenant(w.platform, { id: 'bank-d', name: 'Bank D' });
    await w.call('PUT', '/admin/v1/tenants/bank-d/sign-in', {
      token: await w.token(['platform-admin'], { tenantId: null }),
      body: { issuer: 'http://127.0.0.1:9', clientId: 'x', clientSecret: 'y' },
    });
    expect((await pages.get('/console/sign-in/oidc/start?tenant=bank-d')).status).toBe(503);
  });

  it('ends the session after its time: back to sign-in with the “session ended” notice', async () => {
    const s = await sessionOf(await pages.signIn(idp, '/console/sign-in/oidc/start?tenant=bank-a', 'alice'), 'console');
    expect((await pages.get('/console', s!.header)).status).toBe(200);
    now += (SESSION_SECONDS - 60) * 1000;
    expect((await pages.get('/console', s!.header)).status).toBe(200);
    now += 120 * 1000;
    const ended = await pages.get('/console?view=mine', s!.header);
    expect(ended.status).toBe(303);
    const location = ended.headers.get('location')!;
    expect(location).toBe('/console/sign-in?return=%2Fconsole%3Fview%3Dmine&expired');
    expect(setCookies(ended).get('redress_console')?.value).toBe('');
    const signIn = await pages.get(location);
    expect(await signIn.text()).toContain('登录已过期，请重新登录。');
  });
});

describe('portal sign-in with the regulator’s IdP', () => {
  it('gives a regulator a portal session without a tenant', async () => {
    const res = await pages.signIn(idp, '/portal/sign-in/oidc/start', 'rita');
    expect(res.status).toBe(200);
    expect(continueTarget(await res.text())).toBe('/portal');
    const s = await sessionOf(res, 'portal');
    expect(s?.principal).toEqual({ sub: 'rita', issuer: idp.issuer, roles: ['regulator'] });
    expect(s?.cookie.attributes).toMatch(/Path=\/portal/);
    expect((await pages.get('/portal', s!.header)).status).toBe(200);
    // A portal session is no console session.
    expect((await pages.get('/console', s!.header.replace('redress_portal', 'redress_console'))).status).toBe(303);
  });

  it('grants only regulator, whatever else the claim holds, and nothing to staff', async () => {
    const s = await sessionOf(await pages.signIn(idp, '/portal/sign-in/oidc/start', 'mallory'), 'portal');
    expect(s?.principal?.roles).toEqual(['regulator']);
    const staff = await pages.signIn(idp, '/portal/sign-in/oidc/start', 'alice');
    expect(staff.status).toBe(403);
    expect(await sessionOf(staff, 'portal')).toBeUndefined();
  });

  it('does not take a portal flow for the console', async () => {
    const flow = await pages.start('/portal/sign-in/oidc/start');
    const back = await idp.signIn(flow.authorizationUrl.href, 'rita');
    const onConsole = new URL(callbackOf('/console'));
    onConsole.search = back.search;
    const res = await pages.callback(onConsole, flow.flowCookie.replace('redress_portal_oidc', 'redress_console_oidc'));
    expect(res.status).toBe(400);
    expect(await sessionOf(res, 'console')).toBeUndefined();
  });
});

describe('an IdP that keeps roles in userinfo, not the ID token', () => {
  it('reads the roles claim from userinfo, for the ID token’s subject', async () => {
    const conforming = await startTestIdp({ rolesInIdToken: false });
    try {
      conforming.accounts.set('carol', { roles: ['intake'] });
      await conforming.start([
        { clientId: 'console-e', clientSecret: 'secret-e', redirectUri: callbackOf('/console') },
      ]);
      await testTenant(w.platform, { id: 'bank-e', name: 'Bank E' });
      await w.call('PUT', '/admin/v1/tenants/bank-e/sign-in', {
        token: await w.token(['platform-admin'], { tenantId: null }),
        body: { issuer: conforming.issuer, clientId: 'console-e', clientSecret: 'secret-e' },
      });
      let idTokenClaims: Record<string, unknown> = {};
      conforming.hooks.token = (body) => {
        idTokenClaims = decodeJwt(String(body.id_token));
      };
      const res = await pages.signIn(conforming, '/console/sign-in/oidc/start?tenant=bank-e', 'carol');
      expect(idTokenClaims.roles).toBeUndefined();
      expect((await sessionOf(res, 'console'))?.principal).toMatchObject({ sub: 'carol', roles: ['intake'] });
    } finally {
      await conforming.close();
    }
  });
});

describe('the stored configuration', () => {
  it('decrypts the client secret only for its own tenant', async () => {
    expect((await tenantOidcClient(w.platform, 'bank-a'))?.clientSecret).toBe('secret-a');
    expect(await tenantOidcClient(w.platform, 'no-such-bank')).toBeUndefined();
  });
});
