import type { OpenAPIHono } from '@hono/zod-openapi';
import { Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { Platform } from '../application/platform';
import type { Principal } from '../auth/principal';
import type { AppEnv } from '../http/env';
import { continuePage } from './auth/continue-page';
import { oidcMessages } from './auth/oidc-messages';
import { Layout } from './components/layout';
import { fromOwnSite, isUnsafe, sameToken, submittedToken } from './csrf';
import { errorPage, handlePageError } from './error-page';
import { commonMessages } from './i18n/common-messages';
import { DEFAULT_LOCALE, LOCALE_COOKIE, parseLocale } from './i18n/locale';
import { newCsrfToken, SESSION_SECONDS } from './session';
import {
  type CookiePolicy,
  clearSession,
  readFlowCookie,
  readSession,
  writeFlowCookie,
  writeSession,
} from './session-cookie';
import { ASSET_TYPES } from './web-assets';
import type { WebEnv } from './web-env';
import type { SignInContext, WebOptions, WebSurface } from './web-surface';

const FORM_TOKEN = 'form';

const isControlOrSpace = (ch: string) => ch.charCodeAt(0) <= 0x20 || ch.charCodeAt(0) === 0x7f;

/**
 * A path of this surface to go back to; anything else (another site, `//host`) falls back to the
 * start. Control characters and white space too: a NUL made the redirect itself fail (a 500), and
 * browsers drop tabs and newlines from a URL, so what was checked would not be what is followed.
 */
export function safeReturn(prefix: string, to: string | undefined): string {
  if (!to?.startsWith(prefix) || to.startsWith('//') || to.includes('\\') || [...to].some(isControlOrSpace))
    return prefix;
  const rest = to.slice(prefix.length);
  return rest === '' || rest.startsWith('/') || rest.startsWith('?') ? to : prefix;
}

/**
 * Mounts one audience's pages: its assets, language switch and sign-in, then every other page behind
 * its session cookie and CSRF check. Outside the bearer-token surfaces: a browser holds no token.
 */
export function mountWeb(app: OpenAPIHono<AppEnv>, surface: WebSurface, p: Platform, web: WebOptions) {
  const { prefix } = surface;
  const cookies: CookiePolicy = { secure: web.secureCookies, prefix, audience: surface.audience };
  const sub = new Hono<WebEnv>();
  sub.onError(handlePageError);

  sub.use('*', async (c, next) => {
    const url = new URL(c.req.url);
    c.set('frame', {
      prefix,
      locale: parseLocale(getCookie(c, LOCALE_COOKIE)) ?? DEFAULT_LOCALE,
      assetVersion: web.assets.version,
      here: `${url.pathname}${url.search}`,
      nav: surface.nav,
    });
    await next();
  });

  sub.get('/assets/:name', (c) => {
    const file = web.assets.files.get(c.req.param('name'));
    if (!file) return errorPage(c, 404, commonMessages(c.var.frame.locale)('notFoundTitle'));
    const versioned = c.req.query('v') === web.assets.version;
    return c.body(file.body, 200, {
      'Content-Type': file.type ?? ASSET_TYPES.js,
      'Cache-Control': versioned ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
  });

  // A preference, not an action: safe as a plain link, and it reveals nothing.
  sub.get('/lang', (c) => {
    const locale = parseLocale(c.req.query('to')) ?? DEFAULT_LOCALE;
    setCookie(c, LOCALE_COOKIE, locale, { path: '/', sameSite: 'Lax', secure: web.secureCookies, maxAge: 365 * 86400 });
    return c.redirect(safeReturn(prefix, c.req.query('back')), 303);
  });

  const ctx: SignInContext = {
    surface,
    platform: p,
    cookies,
    sessions: web.sessions,
    async startSession(c, principal: Principal, returnTo?: string, o = {}) {
      if (!surface.admits(principal)) return errorPage(c, 403, commonMessages(c.var.frame.locale)('forbiddenTitle'));
      const { value } = await web.sessions.seal(principal, surface.audience);
      writeSession(c, cookies, value, SESSION_SECONDS);
      await surface
        .recordSignIn?.(p, principal)
        .catch((e: Error) =>
          c.var.logger.warn('web sign-in not recorded', { audience: surface.audience, errorName: e.name }),
        );
      c.var.logger.info('web session started', { audience: surface.audience, tenantId: principal.tenantId ?? null });
      const to = safeReturn(prefix, returnTo);
      return o.crossSite ? continuePage(c, to, oidcMessages(c.var.frame.locale)('signedIn')) : c.redirect(to, 303);
    },
  };

  sub.get('/sign-in', async (c) => {
    const token = readFlowCookie(c, cookies, FORM_TOKEN) ?? newCsrfToken();
    writeFlowCookie(c, cookies, FORM_TOKEN, token, 3600);
    const t = commonMessages(c.var.frame.locale);
    const blocks = await Promise.all(web.signIn.map((m) => m.render(c, ctx, token)));
    return c.html(
      <Layout frame={c.var.frame} session={undefined} title={t('signIn')}>
        {c.req.query('expired') !== undefined && (
          <p class="notice" role="status">
            {t('sessionExpired')}
          </p>
        )}
        {blocks.filter((b) => b !== undefined)}
      </Layout>,
    );
  });

  // Sign-in forms carry the token of the sign-in page's own cookie: no session exists yet to hold one.
  sub.use('/sign-in/*', async (c, next) => {
    if (isUnsafe(c.req.method)) {
      const expected = readFlowCookie(c, cookies, FORM_TOKEN);
      if (!fromOwnSite(c) || !sameToken(await submittedToken(c), expected))
        return errorPage(c, 403, commonMessages(c.var.frame.locale)('csrfRefused'));
    }
    return next();
  });
  for (const m of web.signIn) m.register(sub, ctx);

  sub.use('*', async (c, next) => {
    const session = await web.sessions.open(readSession(c, cookies), surface.audience);
    if (!session || !surface.admits(session.principal)) {
      if (c.req.method === 'GET' || c.req.method === 'HEAD') {
        const expired = readSession(c, cookies) !== undefined;
        const back = encodeURIComponent(c.var.frame.here);
        if (expired) clearSession(c, cookies);
        return c.redirect(`${prefix}/sign-in?return=${back}${expired ? '&expired' : ''}`, 303);
      }
      return errorPage(c, 401, commonMessages(c.var.frame.locale)('sessionExpired'));
    }
    if (isUnsafe(c.req.method) && (!fromOwnSite(c) || !sameToken(await submittedToken(c), session.csrf)))
      return errorPage(c, 403, commonMessages(c.var.frame.locale)('csrfRefused'));
    c.set('session', session);
    c.set('principal', session.principal);
    c.set('logger', c.var.logger.child({ tenantId: session.principal.tenantId ?? null, sub: session.principal.sub }));
    return next();
  });

  sub.post('/sign-out', (c) => {
    clearSession(c, cookies);
    return c.redirect(`${prefix}/sign-in`, 303);
  });

  surface.register(sub, p, web);
  sub.all('*', (c) => errorPage(c, 404, commonMessages(c.var.frame.locale)('notFoundTitle')));
  app.route(prefix, sub);
}
