import type { Context, MiddlewareHandler } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
import type { Platform } from '../../application/platform';
import type { Tenant } from '../../domain/tenant/tenant-schema';
import type { AppEnv } from '../env';
import { secondsUntil, tooManyRequests } from './rate-limit';
import { TENANT_WINDOW_MS, TenantWindowStore } from './tenant-window-store';

const PROPERTY = 'rateLimit:tenant';

/**
 * Each institution's request budget per minute: its own `limits.requestsPerMinute`, else the platform
 * default. Counted after authentication, on the verified token's tenant (a client cannot spend
 * another's budget), in that tenant's table: one UpdateItem per request, shared by every instance.
 * The tenant record comes from the directory's cache, which the route's own check reads anyway.
 */
export function tenantRateLimit(p: Platform, defaultRequestsPerMinute: number): MiddlewareHandler<AppEnv> {
  const store = new TenantWindowStore(p.requestWindows, p.clock, p.logger);
  // Only an active tenant's requests are counted (its table exists); the route refuses the others.
  const tenantOf = async (c: Context<AppEnv>): Promise<Tenant | undefined> => {
    const id = c.var.principal?.tenantId;
    const tenant = id ? await p.directory.find(id).catch(() => undefined) : undefined;
    return tenant?.status === 'active' ? tenant : undefined;
  };
  return rateLimiter<AppEnv>({
    windowMs: TENANT_WINDOW_MS,
    standardHeaders: false,
    requestPropertyName: PROPERTY,
    store,
    skip: async (c) => !(await tenantOf(c)),
    keyGenerator: (c) => c.var.principal.tenantId ?? '',
    limit: async (c) => (await tenantOf(c))?.limits?.requestsPerMinute ?? defaultRequestsPerMinute,
    handler: (c) => {
      const info = c.get(PROPERTY as never) as { limit: number; resetTime?: Date } | undefined;
      const retryAfter = secondsUntil(info?.resetTime, p.clock.now().getTime());
      c.var.logger.warn('tenant rate limited', {
        tenantId: c.var.principal.tenantId,
        limit: info?.limit,
        retryAfter,
      });
      return tooManyRequests(c, 'tenant_rate_limited', retryAfter);
    },
  }) as MiddlewareHandler<AppEnv>;
}
