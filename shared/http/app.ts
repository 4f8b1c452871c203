import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { contextStorage } from 'hono/context-storage';
import type { Platform } from '../application/platform';
import type { TokenVerifier } from '../auth/verifier';
import type { AppEnv } from './env';
import { errorBody } from './error-body';
import { handleError, validationHook } from './error-handling';
import { authenticate } from './middleware/authenticate';
import { requestContext } from './middleware/request-context';
import { actionRoutes } from './routes/action-routes';
import { adminRoutes } from './routes/admin-routes';
import { complaintRoutes } from './routes/complaint-routes';
import { docsRoutes, type DocsAssets } from './routes/docs-routes';
import { policyRoutes } from './routes/policy-routes';
import { referralRoutes } from './routes/referral-routes';
import { regulatorRoutes } from './routes/regulator-routes';
import { taxonomyRoutes } from './routes/taxonomy-routes';
import { unitRoutes } from './routes/unit-routes';

/** Trust boundaries: in AWS each is its own Lambda with its own IAM role; locally all run together. */
export type Surface = 'tenant' | 'admin' | 'regulator';

export type AppOptions = {
  platform: Platform;
  verify: TokenVerifier;
  surfaces?: readonly Surface[];
  docsAssets?: DocsAssets;
  bodyLimitBytes?: number;
  /** Runtime-specific routes mounted before authentication (the local runtime's /_local/*). */
  extend?: (app: OpenAPIHono<AppEnv>) => void;
};

export const DEFAULT_BODY_LIMIT = 256 * 1024;

/** The one Hono app both runtimes serve; only what is passed in differs. */
export function createApp(o: AppOptions): OpenAPIHono<AppEnv> {
  const surfaces = new Set(o.surfaces ?? ['tenant', 'admin', 'regulator']);
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const limit = o.bodyLimitBytes ?? DEFAULT_BODY_LIMIT;

  app.use('*', contextStorage());
  app.use('*', requestContext(o.platform.logger));
  app.use(
    '*',
    bodyLimit({
      maxSize: limit,
      // The unread rest of the body is still on the wire: close, so the client does not reuse the socket.
      onError: (c) => c.json(errorBody('payload_too_large', `request body exceeds ${limit} bytes`), 413, { Connection: 'close' }),
    }),
  );
  app.onError(handleError);
  app.notFound((c) => c.json(errorBody('not_found', `no route ${c.req.method} ${c.req.path}`), 404));

  app.get('/health', (c) => c.json({ status: 'ok' }));
  o.extend?.(app);
  docsRoutes(app, o.docsAssets);

  if (surfaces.has('tenant')) {
    app.use('/v1/*', authenticate(o.verify));
    complaintRoutes(app, o.platform);
    actionRoutes(app, o.platform);
    referralRoutes(app, o.platform);
    unitRoutes(app, o.platform);
    policyRoutes(app, o.platform);
    taxonomyRoutes(app, o.platform);
  }
  if (surfaces.has('regulator')) {
    app.use('/regulator/*', authenticate(o.verify));
    regulatorRoutes(app, o.platform);
  }
  if (surfaces.has('admin')) {
    app.use('/admin/*', authenticate(o.verify));
    adminRoutes(app, o.platform);
  }
  return app;
}
