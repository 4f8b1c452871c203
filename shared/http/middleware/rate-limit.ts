import type { Context, MiddlewareHandler } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
import type { AppEnv } from '../env';
import { errorBody } from '../error-body';
import type { RateLimits } from '../rate-limits';

/** The caller's network address as the runtime sees it (the socket locally, API Gateway's sourceIp in AWS). */
export type ClientAddress = (c: Context<AppEnv>) => string | undefined;

type Limiter = {
  name: string;
  limit: number;
  key: (c: Context<AppEnv>) => string | undefined;
  /** Which answers count: by default every request that reaches the limiter. */
  counts?: (status: number) => boolean;
};

/** Whole seconds from `now` to the end of a window, at least 1 (what `Retry-After` carries). */
export const secondsUntil = (reset: Date | undefined, now: number) =>
  Math.max(1, Math.ceil(((reset?.getTime() ?? now) - now) / 1000));

/** 429 in the API's error shape, with `Retry-After`. */
export function tooManyRequests(c: Context<AppEnv>, code: string, retryAfter: number) {
  return c.json(errorBody(code, `too many requests; retry after ${retryAfter} s`, { retryAfter }), 429, {
    'Retry-After': String(retryAfter),
  });
}

/** One hono-rate-limiter, answering 429 in the API's error shape with Retry-After. */
function limiter(windowSeconds: number, l: Limiter): MiddlewareHandler<AppEnv> {
  const property = `rateLimit:${l.name}`;
  const counts = l.counts;
  return rateLimiter<AppEnv>({
    windowMs: windowSeconds * 1000,
    limit: l.limit,
    standardHeaders: false,
    requestPropertyName: property,
    keyGenerator: (c) => `${l.name}:${l.key(c) ?? 'unknown'}`,
    ...(counts && { skipSuccessfulRequests: true, requestWasSuccessful: (c) => !counts(c.res.status) }),
    handler: (c) => {
      const info = c.get(property as never) as { resetTime?: Date } | undefined;
      const retryAfter = secondsUntil(info?.resetTime, Date.now());
      c.var.logger.warn('rate limited', { limiter: l.name, retryAfter });
      return tooManyRequests(c, 'rate_limited', retryAfter);
    },
  }) as MiddlewareHandler<AppEnv>;
}

const identity = (c: Context<AppEnv>) => {
  const p = c.get('principal');
  return p ? `${p.issuer}|${p.tenantId ?? ''}|${p.sub}` : undefined;
};

/**
 * The throttles of one authenticated surface, in two halves: `beforeAuth` (per address, so failed
 * authentication is counted and a locked-out address never reaches the verifier) and `afterAuth`
 * (per identity). Each counts only the answers it is about: 401s, 404s, registrations.
 */
export function rateLimits(limits: RateLimits, address: ClientAddress) {
  const w = limits.windowSeconds;
  const isIntake = (c: Context<AppEnv>) => c.req.method === 'POST' && c.req.path === '/v1/complaints';
  const onlyIntake =
    (m: MiddlewareHandler<AppEnv>): MiddlewareHandler<AppEnv> =>
    (c, next) =>
      isIntake(c) ? m(c, next) : next();
  return {
    beforeAuth: [
      limiter(w, { name: 'auth-ip', limit: limits.authFailuresPerIp, key: address, counts: (s) => s === 401 }),
      limiter(w, { name: 'not-found-ip', limit: limits.notFoundPerIp, key: address, counts: (s) => s === 404 }),
      onlyIntake(limiter(w, { name: 'intake-ip', limit: limits.intakePerIp, key: address })),
    ],
    afterAuth: [
      limiter(w, { name: 'not-found-id', limit: limits.notFoundPerIdentity, key: identity, counts: (s) => s === 404 }),
      onlyIntake(limiter(w, { name: 'intake-id', limit: limits.intakePerIdentity, key: identity })),
    ],
  };
}
