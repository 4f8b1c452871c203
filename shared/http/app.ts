import { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { contextStorage } from 'hono/context-storage';
import type { Platform } from '../application/platform';
import type { TokenVerifier } from '../auth/verifier';
import { CursorSealer } from '../store/cursor';
import { mountWeb } from '../web/mount-web';
import type { WebOptions, WebSurface } from '../web/web-surface';
import type { AppEnv } from './env';
import { errorBody } from './error-body';
import { handleError, validationHook } from './error-handling';
import { authenticate } from './middleware/authenticate';
import { type ClientAddress, rateLimits } from './middleware/rate-limit';
import { requestContext } from './middleware/request-context';
import { securityHeaders } from './middleware/security-headers';
import { tenantRateLimit } from './middleware/tenant-rate-limit';
import type { RateLimits } from './rate-limits';
import { type DocsAssets, docsRoutes } from './routes/docs-routes';
import { healthRoutes, type Readiness } from './routes/health-routes';

/**
 * A trust boundary's routes behind one path prefix. In AWS each is its own Lambda with its own IAM
 * role and bundles only its own surface; locally all of them run in one app.
 */
export type Surface = {
  prefix: string;
  register: (app: OpenAPIHono<AppEnv>, p: Platform) => void;
  /** Its callers are one institution's staff: their requests count against its budget. */
  tenantScoped?: boolean;
};

export type AppOptions = {
  platform: Platform;
  verify: TokenVerifier;
  surfaces: readonly Surface[];
  docsAssets?: DocsAssets;
  bodyLimitBytes?: number;
  /** The platform's key for pagination cursors (32 bytes or more); the same on every instance. */
  cursorKey: Uint8Array;
  /** Per-identity and per-address throttles; without them, none (API Gateway throttles in AWS). */
  throttle?: { limits: RateLimits; address: ClientAddress };
  /** Per-tenant request budgets, counted in the tenants' tables (both runtimes); without it, none. */
  tenantLimit?: { defaultRequestsPerMinute: number };
  /** Runtime-specific routes mounted before authentication (the local runtime's /_local/*). */
  extend?: (app: OpenAPIHono<AppEnv>) => void;
  /** Runtime-specific middleware in front of every route, /health included (the local Host allow-list). */
  guards?: MiddlewareHandler<AppEnv>[];
  readiness?: Readiness;
  /** Server-rendered pages (console, portal) behind their own session cookies, not bearer tokens. */
  web?: { options: WebOptions; surfaces: readonly WebSurface[] };
};

export const DEFAULT_BODY_LIMIT = 256 * 1024;

/** The one Hono app both runtimes serve; only what is passed in differs. */
export function createApp(o: AppOptions): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const limit = o.bodyLimitBytes ?? DEFAULT_BODY_LIMIT;

  const cursors = new CursorSealer(o.cursorKey);
  app.use('*', contextStorage());
  app.use('*', requestContext(o.platform.logger));
  app.use('*', securityHeaders());
  for (const guard of o.guards ?? []) app.use('*', guard);
  app.use(
    '*',
    bodyLimit({
      maxSize: limit,
      // The unread rest of the body is still on the wire: close, so the client does not reuse the socket.
      onError: (c) =>
        c.json(errorBody('payload_too_large', `request body exceeds ${limit} bytes`), 413, { Connection: 'close' }),
    }),
  );
  app.use('*', async (c, next) => {
    c.set('cursors', cursors);
    await next();
  });
  app.onError(handleError);
  app.notFound((c) => c.json(errorBody('not_found', `no route ${c.req.method} ${c.req.path}`), 404));

  healthRoutes(app, o.readiness);
  o.extend?.(app);
  docsRoutes(app, o.docsAssets);

  for (const surface of o.web?.surfaces ?? []) mountWeb(app, surface, o.platform, o.web!.options);

  // One set for every surface, so an address's failures count together wherever they happen.
  const throttles = o.throttle ? rateLimits(o.throttle.limits, o.throttle.address) : { beforeAuth: [], afterAuth: [] };
  const perTenant = o.tenantLimit ? [tenantRateLimit(o.platform, o.tenantLimit.defaultRequestsPerMinute)] : [];
  for (const surface of o.surfaces) {
    const budget = surface.tenantScoped ? perTenant : [];
    app.use(surface.prefix, ...throttles.beforeAuth, authenticate(o.verify), ...throttles.afterAuth, ...budget);
    surface.register(app, o.platform);
  }
  return app;
}
