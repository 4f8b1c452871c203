import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../../ports/logger';
import type { AppEnv } from '../env';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** A request id on every response and log line; one access log line per request, with ids only. */
export function requestContext(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
    c.set('requestId', requestId);
    c.set('logger', logger.child({ requestId }));
    const started = performance.now();
    await next();
    c.header('x-request-id', requestId);
    c.var.logger.info('request', {
      method: c.req.method,
      route: c.req.routePath,
      status: c.res.status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      tenantId: c.get('tenant')?.id ?? c.get('principal')?.tenantId ?? null,
    });
  };
}
