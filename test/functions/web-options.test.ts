import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { OpenAPIHono } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { type AwsEnv, AwsEnvSchema } from '../../functions/aws-env';
import { loadWebAssets, serializeWebAssets, WEB_ASSETS_FILE } from '../../functions/web-assets';
import { lambdaWeb } from '../../functions/web-options';
import type { AppEnv } from '../../shared/http/env';
import type { LogFields, Logger } from '../../shared/ports/logger';
import { consoleSurface } from '../../shared/web/console/console-surface';
import { portalSurface } from '../../shared/web/portal/portal-surface';
import { SessionSealer, sessionKey } from '../../shared/web/session';
import type { WebAssets } from '../../shared/web/web-assets';

const KEY = 'another-platform-secret-0123456789abcdefghij';
const env = (o: { REDRESS_CURSOR_KEY?: string } = {}): AwsEnv =>
  AwsEnvSchema.parse({ AWS_REGION: 'ap-east-1', REDRESS_TABLE_PREFIX: 'p-', ...o });
const assets: WebAssets = {
  version: 'abc123def456',
  files: new Map([['app.css', { body: 'body{margin:0}', type: 'text/css; charset=utf-8' }]]),
};

function recordingLogger() {
  const errors: { msg: string; fields?: LogFields }[] = [];
  const logger: Logger = {
    info() {},
    warn() {},
    error: (msg, fields) => errors.push({ msg, ...(fields && { fields }) }),
    child: () => logger,
  };
  return { logger, errors };
}

describe('lambdaWeb: the pages of one surface in Lambda', () => {
  it('with the platform secret and the assets: HTTPS-only cookies, sessions under the key derived from the secret, no development sign-in', async () => {
    const { logger, errors } = recordingLogger();
    const web = lambdaWeb(env({ REDRESS_CURSOR_KEY: KEY }), logger, consoleSurface, assets).web!;
    expect(errors).toEqual([]);
    expect(web.surfaces).toEqual([consoleSurface]);
    expect(web.options.secureCookies).toBe(true);
    expect(web.options.assets).toBe(assets);
    // The development sign-in is not even in these bundles (test/infra/bundles.test.ts reads their inputs).
    const { value } = await new SessionSealer(sessionKey(Buffer.from(KEY))).seal(
      { sub: 'u', tenantId: 't', roles: ['handler'], issuer: 'i' },
      'console',
    );
    expect((await web.options.sessions.open(value, 'console'))?.principal.sub).toBe('u');
    const { value: foreign } = await new SessionSealer(sessionKey(Buffer.from(`${KEY}x`))).seal(
      { sub: 'u', tenantId: 't', roles: ['handler'], issuer: 'i' },
      'console',
    );
    expect(await web.options.sessions.open(foreign, 'console')).toBeUndefined();
  });

  it.each([
    { what: 'the platform secret', o: {}, a: assets, missing: 'REDRESS_CURSOR_KEY' },
    { what: 'the assets', o: { REDRESS_CURSOR_KEY: KEY }, a: undefined, missing: WEB_ASSETS_FILE },
    { what: 'both', o: {}, a: undefined, missing: `REDRESS_CURSOR_KEY,${WEB_ASSETS_FILE}` },
  ])('without $what: every page answers 503, and the cold start logs an error naming what is missing', async (c) => {
    const { logger, errors } = recordingLogger();
    const result = lambdaWeb(env(c.o), logger, portalSurface, c.a);
    expect(result.web).toBeUndefined();
    expect(errors).toEqual([
      { msg: expect.stringContaining('pages refused'), fields: { surface: '/portal', missing: c.missing } },
    ]);
    const app = new OpenAPIHono<AppEnv>();
    result.extend!(app);
    for (const path of ['/portal', '/portal/sign-in', '/portal/assets/app.css']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(503);
      expect(res.headers.get('content-type'), path).toMatch(/^text\/html/);
    }
    expect((await app.request('/regulator/v1/institutions')).status).toBe(404);
  });
});

describe('loadWebAssets', () => {
  it('reads what was written, and nothing where there is no file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'redress-assets-'));
    try {
      const url = pathToFileURL(`${dir}/`);
      expect(loadWebAssets(url)).toBeUndefined();
      writeFileSync(join(dir, WEB_ASSETS_FILE), serializeWebAssets(assets));
      expect(loadWebAssets(url)).toEqual(assets);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
