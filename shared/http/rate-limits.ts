import { z } from 'zod';

/** Requests per window, per kind of abuse; each counted per identity and per client address. */
export type RateLimits = {
  windowSeconds: number;
  /** 401 answers per client address: token guessing and replay of stolen, expired tokens. */
  authFailuresPerIp: number;
  /** 404 answers per identity and per address: guessing complaint and referral ids. */
  notFoundPerIdentity: number;
  notFoundPerIp: number;
  /** Complaints registered per identity and per address. */
  intakePerIdentity: number;
  intakePerIp: number;
  /**
   * Requests per fixed minute per institution, all its staff and integrations together, unless the
   * operator set the tenant's own `limits.requestsPerMinute`. Counted in the tenant's table, so every
   * instance shares it (unlike the others, counted per process); the only one applied in AWS.
   */
  tenantRequestsPerMinute: number;
};

/** High enough that a busy desk or an integration never meets them; low enough to stop a script. */
export const DEFAULT_RATE_LIMITS: RateLimits = {
  windowSeconds: 60,
  authFailuresPerIp: 60,
  notFoundPerIdentity: 120,
  notFoundPerIp: 300,
  intakePerIdentity: 300,
  intakePerIp: 600,
  // A third of the /v1 route's API Gateway rate (150 req/s): one tenant cannot take the whole route.
  tenantRequestsPerMinute: 3000,
};

const NAMES = Object.keys(DEFAULT_RATE_LIMITS) as (keyof RateLimits)[];

/**
 * `REDRESS_RATE_LIMITS`: `on` (the defaults), `off` (benchmarks, load tests), or some limits
 * changed, e.g. `authFailuresPerIp=10,windowSeconds=30`.
 */
export const RateLimitsSchema = z
  .string()
  .default('on')
  .transform((v, ctx): RateLimits | 'off' => {
    if (v === 'off') return 'off';
    if (v === 'on' || v === '') return DEFAULT_RATE_LIMITS;
    const limits = { ...DEFAULT_RATE_LIMITS };
    for (const part of v.split(',')) {
      const [name, value] = part.split('=').map((s) => s.trim());
      const n = Number(value);
      if (!NAMES.includes(name as keyof RateLimits) || !Number.isInteger(n) || n < 1) {
        ctx.addIssue({
          code: 'custom',
          message: `REDRESS_RATE_LIMITS: "${part}" is not <name>=<positive integer> with a name of ${NAMES.join(', ')} (or use on / off)`,
        });
        return z.NEVER;
      }
      limits[name as keyof RateLimits] = n;
    }
    return limits;
  });
