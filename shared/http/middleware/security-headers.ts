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

const isPage = (path: string) => path === '/docs' || path.startsWith('/docs/');

/** Routes whose answers may be cached: Swagger UI's static files, which say so themselves. */
const mayBeCached = (path: string) => path.startsWith('/docs/');

/**
 * Security headers on every response, errors included: nosniff, no framing (X-Frame-Options DENY and
 * frame-ancestors 'none'), a CSP, and `Cache-Control: no-store` on everything that is not a static
 * asset, since any API answer may carry personal data or a token.
 */
export function securityHeaders(): MiddlewareHandler<AppEnv> {
  const common = { xFrameOptions: 'DENY', xContentTypeOptions: true } as const;
  const api = secureHeaders({ ...common, contentSecurityPolicy: API_POLICY });
  const page = secureHeaders({ ...common, contentSecurityPolicy: PAGE_POLICY });
  return async (c, next) => {
    await (isPage(c.req.path) ? page : api)(c, next);
    if (!mayBeCached(c.req.path) || !c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
  };
}
