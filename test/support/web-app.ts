import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { isLoopbackPeer } from '../../infra/local/http/local-guards';
import { buildWebAssets } from '../../infra/web-assets/build-web-assets';
import type { Principal } from '../../shared/auth/principal';
import { devSignIn } from '../../shared/web/auth/dev-sign-in';
import { consoleSurface } from '../../shared/web/console/console-surface';
import { portalSurface } from '../../shared/web/portal/portal-surface';
import { SessionSealer, sessionKey, type WebAudience } from '../../shared/web/session';
import type { SignInMethod, WebSurface } from '../../shared/web/web-surface';
import { type InProcessApp, inProcessApp } from '../security/in-process-app';
import type { TestClock } from './test-platform';

export const DEV_ISSUER = 'http://localhost/dev';

let assets: ReturnType<typeof buildWebAssets> | undefined;

export type WebApp = InProcessApp & {
  sessions: SessionSealer;
  /** A `Cookie` header holding a session of this principal: page tests without a browser. */
  cookie: (principal: Principal, audience: WebAudience) => Promise<string>;
  /** A page request in-process, with that session's cookie (and its CSRF token on a form post). */
  page: (
    method: 'GET' | 'POST',
    path: string,
    o?: {
      principal?: Principal;
      form?: Record<string, string | string[]>;
      csrf?: string | false;
      headers?: Record<string, string>;
    },
  ) => Promise<Response>;
};

/**
 * The whole app with the console and the portal, as the local runtime composes them (dev sign-in on
 * loopback only), on a test platform: in-process for page tests, `listen()` for a browser.
 */
export async function webApp(
  o: {
    clock?: TestClock;
    signIn?: readonly SignInMethod[];
    now?: () => number;
    sharing?: Pick<InProcessApp, 'platform' | 'tenant'>;
    /** In place of the console and the portal (a test's own additions around them). */
    surfaces?: readonly WebSurface[];
  } = {},
): Promise<WebApp & { listen: () => Promise<{ url: string; close: () => Promise<void> }> }> {
  assets ??= buildWebAssets();
  const sessions = new SessionSealer(sessionKey(new Uint8Array(randomBytes(32))), o.now);
  const base = await inProcessApp({
    ...(o.clock && { clock: o.clock }),
    ...(o.sharing && { sharing: o.sharing }),
    options: {
      web: {
        options: {
          sessions,
          assets: await assets,
          secureCookies: false,
          signIn: [devSignIn({ issuer: DEV_ISSUER, allowed: isLoopbackPeer }), ...(o.signIn ?? [])],
        },
        surfaces: o.surfaces ?? [consoleSurface, portalSurface],
      },
    },
  });
  const cookieOf = async (principal: Principal, audience: WebAudience) => {
    const { value, session } = await sessions.seal(principal, audience);
    return { header: `redress_${audience}=${value}`, csrf: session.csrf };
  };
  return {
    ...base,
    sessions,
    cookie: async (principal, audience) => (await cookieOf(principal, audience)).header,
    async page(method, path, q = {}) {
      const audience: WebAudience = path.startsWith('/portal') ? 'portal' : 'console';
      const s = q.principal ? await cookieOf(q.principal, audience) : undefined;
      const headers: Record<string, string> = { Host: 'localhost', ...(s && { Cookie: s.header }), ...q.headers };
      let body: string | undefined;
      if (method === 'POST') {
        const form = new URLSearchParams();
        for (const [k, v] of Object.entries(q.form ?? {})) for (const one of [v].flat()) form.append(k, one);
        if (q.csrf !== false) form.set('_csrf', q.csrf ?? s?.csrf ?? '');
        body = form.toString();
        headers['Content-Type'] = 'application/x-www-form-urlencoded';
      }
      return base.app.request(`http://localhost${path}`, { method, headers, ...(body !== undefined && { body }) });
    },
    listen: () =>
      new Promise((resolve) => {
        const server = serve({ fetch: base.app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
          resolve({
            url: `http://127.0.0.1:${info.port}`,
            close: () => new Promise<void>((r) => server.close(() => r())),
          }),
        );
      }),
  };
}
