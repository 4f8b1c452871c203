import { randomBytes } from 'node:crypto';
import { handle } from 'hono/aws-lambda';
import { createApp, type Surface } from '../shared/http/app';
import type { WebSurface } from '../shared/web/web-surface';
import { AwsEnvSchema } from './aws-env';
import { awsPlatform, verifierFor } from './aws-platform';
import { lambdaWeb } from './web-options';

/**
 * One trust boundary's router of the one Hono app, behind API Gateway's HTTP API; with `pages`, also
 * that audience's server-rendered pages (their routes sit outside the JWT authorizer: the app
 * checks the session cookie itself).
 */
export function httpHandler(service: string, surface: Surface, pages?: WebSurface) {
  const env = AwsEnvSchema.parse(process.env);
  const platform = awsPlatform(env, service);
  // Without the shared secret each instance seals with a key of its own: a cursor then works only on
  // the instance that made it (400 elsewhere), never on another query.
  if (!env.REDRESS_CURSOR_KEY) platform.logger.warn('REDRESS_CURSOR_KEY is not set; cursors are per instance');
  const cursorKey = env.REDRESS_CURSOR_KEY ?? new Uint8Array(randomBytes(32));
  // The per-address and per-identity throttles count in process memory, meaningless across Lambda
  // instances (API Gateway's stage and route throttles stand in); the tenant budget is shared.
  const limits = env.REDRESS_RATE_LIMITS;
  const app = createApp({
    platform,
    verify: verifierFor(env),
    surfaces: [surface],
    cursorKey,
    ...(limits !== 'off' && { tenantLimit: { defaultRequestsPerMinute: limits.tenantRequestsPerMinute } }),
    ...(pages && lambdaWeb(env, platform.logger, pages)),
  });
  return handle(app);
}
