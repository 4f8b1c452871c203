import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../env';
import { errorBody } from '../error-body';
import { STORE_RETRY_AFTER_S } from '../error-handling';

/** What readiness depends on, each true when it works right now (e.g. `{ store, engine }`). */
export type Readiness = () => Promise<Record<string, boolean>> | Record<string, boolean>;

/**
 * `/health` is liveness: the process serves HTTP. `/health/ready` is readiness: everything a request
 * needs answers now; 503 with the failing checks otherwise, so a load balancer stops sending traffic.
 */
export function healthRoutes(app: OpenAPIHono<AppEnv>, readiness: Readiness = () => ({})) {
  app.get('/health', (c) => c.json({ status: 'ok' }));
  app.get('/health/ready', async (c) => {
    const checks = await readiness();
    const failing = Object.keys(checks).filter((k) => !checks[k]);
    if (failing.length === 0) return c.json({ status: 'ready', checks });
    return c.json(errorBody('not_ready', `not ready: ${failing.join(', ')} unavailable`, { checks }), 503, {
      'Retry-After': String(STORE_RETRY_AFTER_S),
    });
  });
}
