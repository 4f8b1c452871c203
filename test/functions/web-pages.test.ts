import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebAssets } from '../../infra/web-assets/build-web-assets';
import type { Principal } from '../../shared/auth/principal';
import { CursorKeySchema } from '../../shared/store/cursor';
import { SessionSealer, sessionKey, type WebAudience } from '../../shared/web/session';
import type { WebAssets } from '../../shared/web/web-assets';
import httpEvent from './events/http-api-v2.json';
import pageEvent from './events/http-api-v2-page.json';
import { CURSOR_KEY, type Handler, ISSUER, lambdaContext, lambdaHarness, REGULATOR_ISSUER } from './lambda-harness';

/**
 * The console and the portal in the AWS runtime: the api and regulator bundles, built as the stack
 * builds them (assets included), invoked with recorded API Gateway HTTP API (v2) events of a
 * browser on the page routes, which have no JWT authorizer: the session cookie is all there is.
 */
type Result = {
  statusCode: number;
  headers: Record<string, string>;
  cookies?: string[];
  body: string;
  isBase64Encoded: boolean;
};

let h: Awaited<ReturnType<typeof lambdaHarness>>;
const fn: Record<'api' | 'regulator' | 'admin' | 'provisioner', Handler> = {} as never;
let assets: WebAssets;
/** Sealed with the key the functions derive from REDRESS_CURSOR_KEY, as a sign-in on any instance would. */
const sessions = new SessionSealer(sessionKey(CursorKeySchema.parse(CURSOR_KEY)));
const HOST = pageEvent.headers.host;

const staff = (tenantId: string, roles: string[], sub = 'clerk-1'): Principal => ({
  sub,
  tenantId,
  roles,
  issuer: ISSUER,
});
const regulator: Principal = { sub: 'nfra-supervisor-7', roles: ['regulator'], issuer: REGULATOR_ISSUER };

async function sessionCookie(p: Principal, audience: WebAudience) {
  const { value, session } = await sessions.seal(p, audience);
  return { cookie: `__Secure-redress_${audience}=${value}`, csrf: session.csrf };
}

/** A browser's request on a page route, as API Gateway hands it over (form bodies arrive base64-encoded). */
function page(
  method: 'GET' | 'POST',
  target: string,
  o: { cookies?: string[]; form?: Record<string, string>; headers?: Record<string, string> } = {},
) {
  const [path = '', query = ''] = target.split('?');
  const top = path.split('/')[1]!;
  const exact = path === `/${top}`;
  const routeKey = exact ? `ANY /${top}` : `ANY /${top}/{proxy+}`;
  const { pathParameters: _, ...base } = pageEvent;
  const form = o.form && new URLSearchParams(o.form).toString();
  return {
    ...base,
    routeKey,
    rawPath: path,
    rawQueryString: query,
    cookies: [...pageEvent.cookies, ...(o.cookies ?? [])],
    headers: {
      ...pageEvent.headers,
      ...(form !== undefined && {
        'content-type': 'application/x-www-form-urlencoded',
        'content-length': String(Buffer.byteLength(form)),
        origin: `https://${HOST}`,
        'sec-fetch-site': 'same-origin',
      }),
      ...o.headers,
    },
    requestContext: { ...pageEvent.requestContext, routeKey, http: { ...pageEvent.requestContext.http, method, path } },
    ...(!exact && { pathParameters: { proxy: path.slice(top.length + 2) } }),
    ...(form !== undefined && { body: Buffer.from(form).toString('base64'), isBase64Encoded: true }),
  };
}

const call = async (f: Handler, event: unknown) => (await f(event, lambdaContext)) as Result;

type SetCookie = { name: string; value: string; attrs: Map<string, string> };
function setCookies(res: Result): SetCookie[] {
  return (res.cookies ?? []).map((line) => {
    const [pair = '', ...attrs] = line.split(';').map((x) => x.trim());
    const eq = pair.indexOf('=');
    return {
      name: pair.slice(0, eq),
      value: pair.slice(eq + 1),
      attrs: new Map(
        attrs.map((a) => {
          const [k = '', v = ''] = a.split('=');
          return [k.toLowerCase(), v];
        }),
      ),
    };
  });
}

async function onboard(id: string, name: string) {
  const operator = await h.signOperator({ sub: 'ops-1', roles: ['platform-admin'] });
  const res = await call(fn.admin, {
    ...httpEvent,
    routeKey: 'ANY /admin/{proxy+}',
    rawPath: '/admin/v1/tenants',
    headers: { ...httpEvent.headers, authorization: `Bearer ${operator}` },
    requestContext: {
      ...httpEvent.requestContext,
      http: { ...httpEvent.requestContext.http, method: 'POST', path: '/admin/v1/tenants' },
    },
    body: JSON.stringify({ id, name, kind: 'bank', policy: 'cn-nfra-2020' }),
  });
  expect(res.statusCode, res.body).toBe(201);
  await fn.provisioner(h.callsOf('lambda', 'Invoke').at(-1)!.body, lambdaContext);
}

beforeAll(async () => {
  h = await lambdaHarness('web');
  for (const name of ['admin', 'provisioner', 'api', 'regulator'] as const) fn[name] = await h.bundle(name);
  assets = await buildWebAssets();
  await onboard('lotus-bank', '莲花银行');
  await onboard('harbour-life', 'Harbour Life Insurance');
}, 120_000);

afterAll(async () => {
  await h?.stop();
});

describe.each([
  { surface: 'console', audience: 'console', function: 'api', other: '/portal' },
  { surface: 'portal', audience: 'portal', function: 'regulator', other: '/console' },
] as const)('/$surface on the $function function', (s) => {
  const prefix = `/${s.surface}`;
  const handler = () => fn[s.function];

  it('without a session cookie: 303 to its sign-in page, coming back to where it was asked for', async () => {
    const res = await call(handler(), page('GET', `${prefix}?view=overdue`));
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${prefix}/sign-in?return=${encodeURIComponent(`${prefix}?view=overdue`)}`);
  });

  it('the sign-in page: HTML under the strict CSP, HTTPS-only, no development sign-in', async () => {
    const res = await call(handler(), page('GET', `${prefix}/sign-in`));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    const csp = res.headers['content-security-policy']!;
    for (const d of ["default-src 'none'", "script-src 'self'", "style-src 'self'", "form-action 'self'"])
      expect(csp).toContain(d);
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toContain('<html lang="zh-CN">');
    expect(res.body).toContain(`${prefix}/assets/app.css?v=${assets.version}`);
    expect(res.body).not.toContain('/sign-in/dev');
    expect(res.body).not.toContain('name="grants[]"');
    // The sign-in form's token cookie: Lax (an identity provider's redirect back is cross-site), HTTPS only.
    const flow = setCookies(res).find((c) => c.name === `__Secure-redress_${s.audience}_form`);
    expect(flow?.attrs.has('secure')).toBe(true);
    expect(flow?.attrs.has('httponly')).toBe(true);
    expect(flow?.attrs.get('samesite')).toBe('Lax');
    expect(flow?.attrs.get('path')).toBe(prefix);
  });

  it('the development sign-in does not exist here, with or without the form token', async () => {
    const signIn = await call(handler(), page('GET', `${prefix}/sign-in`));
    const flow = setCookies(signIn).find((c) => c.name.endsWith('_form'))!;
    const res = await call(
      handler(),
      page('POST', `${prefix}/sign-in/dev`, {
        cookies: [`${flow.name}=${flow.value}`],
        form: { _csrf: flow.value, tenantId: 'lotus-bank', 'grants[]': 'admin', sub: 'intruder' },
      }),
    );
    // No such route before the session check: a signed-out post is refused like any other, and no session starts.
    expect(res.statusCode).toBe(401);
    expect(setCookies(res).some((c) => c.name === `__Secure-redress_${s.audience}`)).toBe(false);
  });

  it('serves the stylesheet and the script of the version its pages ask for, cacheable', async () => {
    const css = await call(handler(), page('GET', `${prefix}/assets/app.css?v=${assets.version}`));
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(css.isBase64Encoded).toBe(false);
    expect(css.body).toBe(assets.files.get('app.css')!.body);
    expect(css.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const js = await call(handler(), page('GET', `${prefix}/assets/app.js?v=${assets.version}`));
    expect(js.statusCode).toBe(200);
    expect(js.body).toBe(assets.files.get('app.js')!.body);
    // Another version is served, but not to be kept.
    const stale = await call(handler(), page('GET', `${prefix}/assets/app.css?v=000000000000`));
    expect(stale.headers['cache-control']).toBe('no-cache');
  });

  it('a session cookie without the __Secure- prefix is not read (a plain-HTTP page of the host could have set it)', async () => {
    const p = s.audience === 'console' ? staff('lotus-bank', ['handler']) : regulator;
    const { cookie } = await sessionCookie(p, s.audience);
    const res = await call(handler(), page('GET', prefix, { cookies: [cookie.replace('__Secure-', '')] }));
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toMatch(new RegExp(`^${prefix}/sign-in`));
  });

  it('a forged or expired cookie: back to sign-in, and the cookie is cleared Secure, HttpOnly, SameSite=Strict', async () => {
    const res = await call(
      handler(),
      page('GET', prefix, {
        cookies: [`__Secure-redress_${s.audience}=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..x.y.z`],
      }),
    );
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${prefix}/sign-in?return=${encodeURIComponent(prefix)}&expired`);
    const cleared = setCookies(res).find((c) => c.name === `__Secure-redress_${s.audience}`)!;
    expect(cleared.value).toBe('');
    expect(cleared.attrs.get('max-age')).toBe('0');
    expect(cleared.attrs.has('secure')).toBe(true);
    expect(cleared.attrs.has('httponly')).toBe(true);
    expect(cleared.attrs.get('samesite')).toBe('Strict');
    expect(cleared.attrs.get('path')).toBe(prefix);
  });

  it('signing out needs the session and its CSRF token; it clears the __Secure- session cookie (Secure, HttpOnly, SameSite=Strict)', async () => {
    const p = s.audience === 'console' ? staff('lotus-bank', ['handler']) : regulator;
    const { cookie, csrf } = await sessionCookie(p, s.audience);
    const forged = await call(
      handler(),
      page('POST', `${prefix}/sign-out`, { cookies: [cookie], form: { _csrf: 'x'.repeat(43) } }),
    );
    expect(forged.statusCode).toBe(403);
    expect(forged.cookies ?? []).toEqual([]);
    const elsewhere = await call(
      handler(),
      page('POST', `${prefix}/sign-out`, {
        cookies: [cookie],
        form: { _csrf: csrf },
        headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      }),
    );
    expect(elsewhere.statusCode).toBe(403);
    const res = await call(handler(), page('POST', `${prefix}/sign-out`, { cookies: [cookie], form: { _csrf: csrf } }));
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${prefix}/sign-in`);
    const cleared = setCookies(res).find((c) => c.name === `__Secure-redress_${s.audience}`)!;
    expect(cleared.attrs.get('max-age')).toBe('0');
    expect(cleared.attrs.has('secure')).toBe(true);
    expect(cleared.attrs.has('httponly')).toBe(true);
    expect(cleared.attrs.get('samesite')).toBe('Strict');
  });

  it(`does not serve the other audience's pages (${s.other})`, async () => {
    for (const path of [s.other, `${s.other}/sign-in`, `${s.other}/assets/app.css`]) {
      const res = await call(handler(), page('GET', path));
      expect(res.statusCode, path).toBe(404);
      expect(res.headers['content-type'], path).toMatch(/^application\/json/);
    }
  });
});

describe('/console with a session', () => {
  it("shows the signed-in user's own institution, and only it", async () => {
    const lotus = await sessionCookie(staff('lotus-bank', ['handler'], 'handler-lotus'), 'console');
    const res = await call(fn.api, page('GET', '/console', { cookies: [lotus.cookie] }));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('莲花银行');
    expect(res.body).toContain('handler-lotus');
    expect(res.body).toContain(`value="${lotus.csrf}"`);
    expect(res.body).not.toContain('Harbour Life');
    expect(res.body).not.toContain('harbour-life');

    const harbour = await sessionCookie(staff('harbour-life', ['supervisor'], 'sup-harbour'), 'console');
    const other = await call(fn.api, page('GET', '/console', { cookies: [harbour.cookie] }));
    expect(other.statusCode).toBe(200);
    expect(other.body).toContain('Harbour Life Insurance');
    expect(other.body).not.toContain('莲花银行');
    expect(other.body).not.toContain('lotus-bank');
  });

  it('a session for an institution that does not exist is refused as the API refuses its token (403 page)', async () => {
    const { cookie } = await sessionCookie(staff('no-such-bank', ['admin']), 'console');
    const res = await call(fn.api, page('GET', '/console', { cookies: [cookie] }));
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).not.toContain('莲花银行');
  });

  it('admits no regulator and no portal session', async () => {
    const asRegulator = await sessionCookie(regulator, 'console');
    const refused = await call(fn.api, page('GET', '/console', { cookies: [asRegulator.cookie] }));
    expect(refused.statusCode).toBe(303);
    expect(refused.headers.location).toMatch(/^\/console\/sign-in/);
    // A portal cookie (other name, other audience inside the seal) renamed to the console's.
    const portal = await sessionCookie(staff('lotus-bank', ['admin']), 'portal');
    const renamed = portal.cookie.replace('redress_portal', 'redress_console');
    const res = await call(fn.api, page('GET', '/console', { cookies: [renamed] }));
    expect(res.statusCode).toBe(303);
  });

  it('the JSON API beside it keeps bearer tokens: a session cookie is no credential for /v1', async () => {
    const { cookie } = await sessionCookie(staff('lotus-bank', ['admin']), 'console');
    const res = await call(fn.api, {
      ...page('GET', '/console'),
      routeKey: 'ANY /v1/{proxy+}',
      rawPath: '/v1/complaints',
      cookies: [cookie],
      requestContext: {
        ...pageEvent.requestContext,
        http: { ...pageEvent.requestContext.http, path: '/v1/complaints' },
      },
    });
    expect(res.statusCode).toBe(401);
  });
});

describe('/portal with a session', () => {
  it("shows the regulator's pages to the regulator", async () => {
    const { cookie, csrf } = await sessionCookie(regulator, 'portal');
    const res = await call(fn.regulator, page('GET', '/portal', { cookies: [cookie] }));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('nfra-supervisor-7');
    expect(res.body).toContain(`value="${csrf}"`);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it("admits no institution's staff, whatever their roles", async () => {
    const { cookie } = await sessionCookie(staff('lotus-bank', ['admin', 'supervisor', 'pii:read']), 'portal');
    const res = await call(fn.regulator, page('GET', '/portal', { cookies: [cookie] }));
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toMatch(/^\/portal\/sign-in/);
  });
});

describe('the admin function', () => {
  it('has no pages at all', async () => {
    const { cookie } = await sessionCookie(staff('lotus-bank', ['admin']), 'console');
    for (const path of ['/console', '/console/sign-in', '/portal', '/portal/assets/app.css']) {
      const res = await call(fn.admin, page('GET', path, { cookies: [cookie] }));
      expect(res.statusCode, path).toBe(404);
      expect(res.headers['content-type'], path).toMatch(/^application\/json/);
    }
  });
});
