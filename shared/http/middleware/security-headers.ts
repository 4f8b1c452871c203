import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from '../env';

/** The API answers JSON only: nothing in a response may load, run or be framed. */
const API_POLICY = {
  defaultSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
};

/**
 * Pages (Swagger UI at /docs): scripts and styles from our own origin only, no inline script and no
 * eval. Inline styles stay allowed: Swagger UI's rendered markup carries style attributes, and a
 * style cannot run code.
 */
const PAGE_POLICY = {
  defaultSrc: ["'none'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
};

/**
 * The console and the portal: everything from our own origin, no inline script or style at all,
 * forms post only back to us.
 */
const WEB_POLICY = {
  defaultSrc: ["'none'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
};

const under = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);
const isPage = (path: string) => under(path, '/docs');
const isWeb = (path: string) => under(path, '/console') || under(path, '/portal');

/** Routes whose answers may be cached: Swagger UI's static files, which say so themselves. */
const mayBeCached = (path: string) =>
  path.startsWith('/docs/') || path.startsWith('/console/assets/') || path.startsWith('/portal/assets/');

/**
 * Security headers on every response, errors included: nosniff, no framing (X-Frame-Options DENY and
 * frame-ancestors 'none'), a CSP, and `Cache-Control: no-store` on everything that is not a static
 * asset, since any API answer may carry personal data or a token.
 */
export function securityHeaders(): MiddlewareHandler<AppEnv> {
  const common = { xFrameOptions: 'DENY', xContentTypeOptions: true } as const;
  const api = secureHeaders({ ...common, contentSecurityPolicy: API_POLICY });
  const page = secureHeaders({ ...common, contentSecurityPolicy: PAGE_POLICY });
  const web = secureHeaders({ ...common, contentSecurityPolicy: WEB_POLICY, referrerPolicy: 'same-origin' });
  return async (c, next) => {
    const path = c.req.path;
    await (isWeb(path) ? web : isPage(path) ? page : api)(c, next);
    if (!mayBeCached(c.req.path) || !c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
  };
}
