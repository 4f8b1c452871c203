/**
 * The pages' foundation (shared/web): CSRF on every write, sessions only from our own sealed,
 * unexpired cookie of the right audience, the development sign-in on this machine only, safe
 * return paths, the strict CSP and the cookies' attributes. Against the app as the local runtime
 * composes it, plus a probe page that counts the writes that reach it.
 */
// First: it extends zod with .openapi(), which schemas need when their modules load.
import '@hono/zod-openapi';
import { randomBytes } from 'node:crypto';
import type { Hono } from 'hono';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { localWeb } from '../../infra/local/http/local-web';
import { buildWebAssets } from '../../infra/web-assets/build-web-assets';
import { devSignIn } from '../../shared/web/auth/dev-sign-in';
import { consoleSurface } from '../../shared/web/console/console-surface';
import { safeReturn } from '../../shared/web/mount-web';
import { portalSurface } from '../../shared/web/portal/portal-surface';
import { SESSION_SECONDS, SessionSealer, sessionKey } from '../../shared/web/session';
import type { WebOptions, WebSurface } from '../../shared/web/web-surface';
import { inProcessApp } from '../security/in-process-app';
import { principal } from '../support/fixtures';
import { setCookies } from '../support/oidc-web';
import { DEV_ISSUER, type WebApp, webApp } from '../support/web-app';

const HANDLER = principal('bank-a', ['handler'], 'h-1');

/** A console whose one write counts the requests that reach it: what the checks stop never arrives. */
const reached: string[] = [];
const probeSurface: WebSurface = {
  ...consoleSurface,
  register(app) {
    app.get('/', (c) => c.text(`home of ${c.var.principal.sub}`));
    app.post('/probe', (c) => {
      reached.push(c.var.principal.sub);
      return c.redirect('/console', 303);
    });
  },
};

let now = Date.now();
let w: WebApp;
let probe: Awaited<ReturnType<typeof probeApp>>;

async function probeApp(o: { secureCookies?: boolean } = {}) {
  const sessions = new SessionSealer(sessionKey(new Uint8Array(randomBytes(32))), () => now);
  const options: WebOptions = {
    sessions,
    assets: await buildWebAssets(),
    secureCookies: o.secureCookies ?? false,
    signIn: [devSignIn({ issuer: DEV_ISSUER, allowed: () => true })],
  };
  const app = (await inProcessApp({ options: { web: { options, surfaces: [probeSurface, portalSurface] } } })).app;
  const session = async (p = HANDLER) => {
    const { value, session } = await sessions.seal(p, 'console');
    return { cookie: `redress_console=${value}`, csrf: session.csrf, value };
  };
  const post = (
    path: string,
    o: { cookie?: string; form?: Record<string, string>; headers?: Record<string, string> },
  ) =>
    app.request(`http://localhost${path}`, {
      method: 'POST',
      headers: {
        Host: 'localhost',
        'Content-Type': 'application/x-www-form-urlencoded',
        ...(o.cookie && { Cookie: o.cookie }),
        ...o.headers,
      },
      body: new URLSearchParams(o.form ?? {}).toString(),
    });
  const get = (path: string, cookie?: string) =>
    app.request(`http://localhost${path}`, { headers: { Host: 'localhost', ...(cookie && { Cookie: cookie }) } });
  return { app, sessions, session, post, get };
}

beforeAll(async () => {
  w = await webApp({ now: () => now });
  probe = await probeApp();
});
beforeEach(() => {
  now = Date.now();
  reached.length = 0;
});

describe('CSRF: a write needs this session’s token and must come from our own pages', () => {
  it('goes through with the form’s token or the htmx header (the control case)', async () => {
    const s = await probe.session();
    expect((await probe.post('/console/probe', { cookie: s.cookie, form: { _csrf: s.csrf } })).status).toBe(303);
    const htmx = await probe.post('/console/probe', { cookie: s.cookie, headers: { 'X-CSRF-Token': s.csrf } });
    expect(htmx.status).toBe(303);
    const sameOrigin = { Origin: 'http://localhost', 'Sec-Fetch-Site': 'same-origin' };
    expect(
      (await probe.post('/console/probe', { cookie: s.cookie, form: { _csrf: s.csrf }, headers: sameOrigin })).status,
    ).toBe(303);
    expect(reached).toEqual(['h-1', 'h-1', 'h-1']);
  });

  it.each([
    ['no token', {}],
    ['an empty token', { form: { _csrf: '' } }],
    ['a wrong token', { form: { _csrf: 'x'.repeat(43) } }],
    ['a wrong header', { headers: { 'X-CSRF-Token': 'x'.repeat(43) } }],
    ['the token as JSON (never read)', { json: true }],
  ])(
    'refuses %s with 403, and nothing is done',
    async (_name, o: { form?: Record<string, string>; headers?: Record<string, string>; json?: boolean }) => {
      const s = await probe.session();
      const res = o.json
        ? await probe.app.request('http://localhost/console/probe', {
            method: 'POST',
            headers: { Host: 'localhost', Cookie: s.cookie, 'Content-Type': 'application/json' },
            body: JSON.stringify({ _csrf: s.csrf }),
          })
        : await probe.post('/console/probe', { cookie: s.cookie, ...o });
      expect(res.status).toBe(403);
      expect(reached).toEqual([]);
    },
  );

  it('refuses another session’s token', async () => {
    const mine = await probe.session();
    const theirs = await probe.session(principal('bank-a', ['handler'], 'h-2'));
    expect((await probe.post('/console/probe', { cookie: mine.cookie, form: { _csrf: theirs.csrf } })).status).toBe(
      403,
    );
    expect(reached).toEqual([]);
  });

  it.each([
    ['a cross-site Origin', { Origin: 'https://evil.example' }],
    ['an Origin of another port', { Origin: 'http://localhost:8080' }],
    ['an opaque Origin', { Origin: 'null' }],
    ['Sec-Fetch-Site: cross-site', { 'Sec-Fetch-Site': 'cross-site' }],
    ['Sec-Fetch-Site: same-site (a sibling host)', { 'Sec-Fetch-Site': 'same-site' }],
  ])('refuses %s with 403 even with the right token', async (_name, headers) => {
    const s = await probe.session();
    expect((await probe.post('/console/probe', { cookie: s.cookie, form: { _csrf: s.csrf }, headers })).status).toBe(
      403,
    );
    expect(reached).toEqual([]);
  });

  it('answers a write without a session 401, never reaching the page', async () => {
    expect((await probe.post('/console/probe', { form: { _csrf: 'x'.repeat(43) } })).status).toBe(401);
    expect(reached).toEqual([]);
  });

  it('does not sign out on a forged request: the session still works', async () => {
    const s = await probe.session();
    const res = await probe.post('/console/sign-out', {
      cookie: s.cookie,
      headers: { Origin: 'https://evil.example' },
      form: { _csrf: s.csrf },
    });
    expect(res.status).toBe(403);
    expect(setCookies(res).has('redress_console')).toBe(false);
    expect((await probe.post('/console/sign-out', { cookie: s.cookie })).status).toBe(403);
    expect((await probe.get('/console', s.cookie)).status).toBe(200);
    const out = await probe.post('/console/sign-out', { cookie: s.cookie, form: { _csrf: s.csrf } });
    expect(out.status).toBe(303);
    expect(setCookies(out).get('redress_console')?.value).toBe('');
  });

  it('refuses a sign-in form without the sign-in page’s token (login CSRF): no session', async () => {
    const form = { tenantId: 'bank-a', 'grants[]': 'handler', sub: 'attacker' };
    const res = await probe.post('/console/sign-in/dev', { form });
    expect(res.status).toBe(403);
    expect(setCookies(res).has('redress_console')).toBe(false);
    const page = await probe.get('/console/sign-in');
    const token = setCookies(page).get('redress_console_form')!.value;
    const ok = await probe.post('/console/sign-in/dev', {
      cookie: `redress_console_form=${token}`,
      form: { ...form, _csrf: token },
    });
    expect(ok.status).toBe(303);
    expect(setCookies(ok).get('redress_console')?.value).toBeTruthy();
  });
});

describe('session cookies: only our own, sealed, unexpired and for this audience', () => {
  const expectSignIn = (res: Response) => {
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/^\/console\/sign-in\?return=/);
  };

  it('opens a genuine one (the control case)', async () => {
    expect((await probe.get('/console', (await probe.session()).cookie)).status).toBe(200);
  });

  it('sends a forged one to sign-in', async () => {
    expectSignIn(await probe.get('/console', 'redress_console=forged'));
    const header = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
    const payload = Buffer.from(JSON.stringify({ s: { principal: HANDLER } })).toString('base64url');
    expectSignIn(await probe.get('/console', `redress_console=${header}.${payload}.`));
  });

  it('sends a tampered one to sign-in', async () => {
    const { value } = await probe.session();
    const parts = value.split('.');
    const ciphertext = parts[3]!;
    parts[3] = `${ciphertext[0] === 'A' ? 'B' : 'A'}${ciphertext.slice(1)}`;
    expectSignIn(await probe.get('/console', `redress_console=${parts.join('.')}`));
  });

  it('sends an expired one to sign-in, with the notice that the session ended, and clears it', async () => {
    const { cookie } = await probe.session();
    now += (SESSION_SECONDS + 1) * 1000;
    const res = await probe.get('/console', cookie);
    expectSignIn(res);
    expect(res.headers.get('location')).toMatch(/&expired$/);
    expect(setCookies(res).get('redress_console')?.value).toBe('');
    expect(await (await probe.get(res.headers.get('location')!)).text()).toContain('登录已过期');
  });

  it('sends another audience’s one (a portal cookie on the console) to sign-in', async () => {
    const { value } = await probe.sessions.seal(principal('bank-a', ['handler']), 'portal');
    expectSignIn(await probe.get('/console', `redress_console=${value}`));
    // And the portal's own cookie is not the console's.
    expectSignIn(await probe.get('/console', `redress_portal=${value}`));
  });

  it('sends one sealed with another key (another deployment) to sign-in', async () => {
    const other = new SessionSealer(sessionKey(new Uint8Array(randomBytes(32))));
    const { value } = await other.seal(HANDLER, 'console');
    expectSignIn(await probe.get('/console', `redress_console=${value}`));
  });

  it('sends one whose identity this surface does not admit (a regulator on the console) to sign-in', async () => {
    const { value } = await probe.sessions.seal({ sub: 'reg-1', roles: ['regulator'], issuer: DEV_ISSUER }, 'console');
    expectSignIn(await probe.get('/console', `redress_console=${value}`));
  });
});

describe('the development sign-in', () => {
  const env = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });
  /** The sign-in page, then its development form posted with the page's token, as from `peer`. */
  const signInForm = async (app: Pick<Hono, 'request'>, peer: object | undefined) => {
    const page = await app.request('http://localhost/console/sign-in', { headers: { Host: 'localhost' } }, peer);
    const token = setCookies(page).get('redress_console_form')!.value;
    const body = new URLSearchParams({ _csrf: token, tenantId: 'bank-a', 'grants[]': 'handler', sub: 'dev' });
    const res = await app.request(
      'http://localhost/console/sign-in/dev',
      {
        method: 'POST',
        headers: {
          Host: 'localhost',
          Cookie: `redress_console_form=${token}`,
          'Content-Type': 'application/x-www-form-urlencoded',
        },
        body: body.toString(),
      },
      peer,
    );
    return { page: await page.text(), res };
  };

  it('is neither offered nor accepted without a loopback peer: in-process (no socket) or from another host', async () => {
    for (const peer of [undefined, env('203.0.113.7'), env('::ffff:10.0.0.5')]) {
      const { page, res } = await signInForm(w.app, peer);
      expect(page).not.toContain('/console/sign-in/dev');
      expect(res.status).toBe(403);
      expect(setCookies(res).has('redress_console')).toBe(false);
    }
  });

  it('is offered and accepted from this machine (the control case)', async () => {
    for (const peer of [env('127.0.0.1'), env('::1'), env('::ffff:127.0.0.1')]) {
      const { page, res } = await signInForm(w.app, peer);
      expect(page).toContain('/console/sign-in/dev');
      expect(res.status).toBe(303);
      expect(setCookies(res).get('redress_console')?.value).toBeTruthy();
    }
  });

  it('is absent when development identities are off', async () => {
    const web = await localWeb({ cursorKey: new Uint8Array(randomBytes(32)), devIssuer: undefined });
    const app = (await inProcessApp({ sharing: w, options: { web } })).app;
    const { page, res } = await signInForm(app, env('127.0.0.1'));
    expect(page).not.toContain('/console/sign-in/dev');
    expect(res.status).not.toBe(303);
    expect(setCookies(res).has('redress_console')).toBe(false);
  });
});

describe('return paths', () => {
  it.each([
    ['//evil.example', '/console'],
    ['https://evil.example/console', '/console'],
    ['/consoleX', '/console'],
    ['/console.evil.example', '/console'],
    ['/console\\\\evil.example', '/console'],
    ['/console/\r\nSet-Cookie: x=1', '/console'],
    ['/console/\tx', '/console'],
    ['/console/\u0000', '/console'],
    ['/portal', '/console'],
    ['/console#x', '/console'],
    [undefined, '/console'],
    ['/console', '/console'],
    ['/console?view=mine', '/console?view=mine'],
    ['/console/complaints/01AAAAAAAAAAAAAAAAAAAAAAAA', '/console/complaints/01AAAAAAAAAAAAAAAAAAAAAAAA'],
  ])('safeReturn(%j) is %j', (to, expected) => {
    expect(safeReturn('/console', to)).toBe(expected);
  });

  it('keeps the language switch on this site, and answers a NUL without failing', async () => {
    for (const back of ['//evil.example', 'https://evil.example', '/consoleX', '/console/\u0000']) {
      const res = await w.page('GET', `/console/lang?to=en&back=${encodeURIComponent(back)}`);
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/console');
    }
  });
});

describe('headers and cookie attributes', () => {
  it('has a CSP without unsafe-inline on every /console page (signed in, sign-in page, error page)', async () => {
    const session = await w.cookie(HANDLER, 'console');
    const responses = [
      await w.page('GET', '/console', { principal: HANDLER }),
      await w.page('GET', '/console/sign-in'),
      await w.page('GET', '/console/no-such-page', { principal: HANDLER }),
      await w.app.request('http://localhost/console/no-such-page', { headers: { Host: 'localhost', Cookie: session } }),
    ];
    for (const res of responses) {
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self'");
      expect(csp).toContain("form-action 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('sets the session cookie HttpOnly, SameSite=Strict, on its own path; the sign-in form’s Lax', async () => {
    const page = await probe.get('/console/sign-in');
    expect(setCookies(page).get('redress_console_form')?.attributes).toMatch(/Path=\/console; HttpOnly; SameSite=Lax/);
    const token = setCookies(page).get('redress_console_form')!.value;
    const res = await probe.post('/console/sign-in/dev', {
      cookie: `redress_console_form=${token}`,
      form: { _csrf: token, tenantId: 'bank-a', 'grants[]': 'handler', sub: 'h-9' },
    });
    const cookie = setCookies(res).get('redress_console');
    expect(cookie?.attributes).toMatch(/Max-Age=28800/);
    expect(cookie?.attributes).toMatch(/Path=\/console/);
    expect(cookie?.attributes).toMatch(/HttpOnly/);
    expect(cookie?.attributes).toMatch(/SameSite=Strict/);
    expect(cookie?.attributes).not.toMatch(/Domain=/);
  });

  it('adds Secure and the __Secure- prefix where the runtime serves HTTPS only', async () => {
    const secure = await probeApp({ secureCookies: true });
    const page = await secure.get('/console/sign-in');
    const form = setCookies(page).get('__Secure-redress_console_form');
    expect(form?.attributes).toMatch(/Secure/);
    const res = await secure.post('/console/sign-in/dev', {
      cookie: `__Secure-redress_console_form=${form!.value}`,
      form: { _csrf: form!.value, tenantId: 'bank-a', 'grants[]': 'handler', sub: 'h-9' },
    });
    const cookie = setCookies(res).get('__Secure-redress_console');
    expect(cookie?.attributes).toMatch(/Secure/);
    expect(cookie?.attributes).toMatch(/SameSite=Strict/);
    // The plain name is not read there: a cookie a plain-HTTP page could set does not count.
    const { value } = await secure.sessions.seal(HANDLER, 'console');
    expect((await secure.get('/console', `redress_console=${value}`)).status).toBe(303);
    expect((await secure.get('/console', `__Secure-redress_console=${value}`)).status).toBe(200);
  });
});
