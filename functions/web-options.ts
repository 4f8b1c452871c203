import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppOptions } from '../shared/http/app';
import type { AppEnv } from '../shared/http/env';
import type { Logger } from '../shared/ports/logger';
import { SessionSealer, sessionKey } from '../shared/web/session';
import type { WebSurface } from '../shared/web/web-surface';
import type { AwsEnv } from './aws-env';
import { loadWebAssets, WEB_ASSETS_FILE } from './web-assets';
import { awsSignInMethods } from './web-sign-in';

const UNAVAILABLE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>暂不可用 / Unavailable</title></head><body><h1>页面暂不可用</h1><p>请稍后再试或联系平台运维。</p><h1 lang="en">Pages unavailable</h1><p lang="en">Please try again later or contact the platform operator.</p></body></html>`;

/** Every path of the surface answers 503 with a plain page: nothing of it is mounted. */
function unavailable(surface: WebSurface) {
  return (app: OpenAPIHono<AppEnv>) => {
    const refuse = (c: Context) => c.html(UNAVAILABLE, 503);
    app.all(surface.prefix, refuse);
    app.all(`${surface.prefix}/*`, refuse);
  };
}

/**
 * One surface's pages as a Lambda serves them: HTTPS-only cookies, the OpenID Connect sign-in only
 * (no development sign-in exists here), sessions sealed with a key derived from the platform
 * secret, and the assets the bundle carries.
 *
 * Without the secret every instance would seal sessions (and the sign-in flow's state) with a key of
 * its own: a user signed in on one instance is sent back to sign in whenever a request lands on
 * another, and an identity provider's redirect back fails at random. Without the assets the pages
 * have no stylesheet or script. Either is a broken deployment: the pages refuse with 503 (and say so
 * in the log at cold start) rather than half work; the JSON API is unaffected.
 */
export function lambdaWeb(
  env: AwsEnv,
  logger: Logger,
  surface: WebSurface,
  assets = loadWebAssets(),
): Pick<AppOptions, 'web' | 'extend'> {
  const key = env.REDRESS_CURSOR_KEY;
  if (!key || !assets) {
    const missing = [!key && 'REDRESS_CURSOR_KEY', !assets && WEB_ASSETS_FILE].filter(Boolean).join(',');
    logger.error('pages refused: the deployment lacks what sessions or assets need', {
      surface: surface.prefix,
      missing,
    });
    return { extend: unavailable(surface) };
  }
  return {
    web: {
      options: {
        sessions: new SessionSealer(sessionKey(key)),
        assets,
        secureCookies: true,
        signIn: awsSignInMethods(env),
      },
      surfaces: [surface],
    },
  };
}
