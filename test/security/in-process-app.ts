// Loaded first: it extends zod with .openapi(), which the route modules' schemas call at import.
import '@hono/zod-openapi';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { loadDevIssuer } from '../../infra/local/http/dev-issuer';
import type { LocalPlatform } from '../../infra/local/platform';
import { type ExternalIssuers, externalTrustedIssuers } from '../../shared/auth/trusted-issuers';
import { createTokenVerifier } from '../../shared/auth/verifier';
import type { Tenant } from '../../shared/domain/tenant/tenant-schema';
import { type AppOptions, createApp } from '../../shared/http/app';
import type { AppEnv } from '../../shared/http/env';
import { adminSurface } from '../../shared/http/surfaces/admin';
import { regulatorSurface } from '../../shared/http/surfaces/regulator';
import { tenantSurface } from '../../shared/http/surfaces/tenant';
import { type JsonCall, jsonCall } from '../support/json-call';
import { type TestClock, testPlatform, testTenant } from '../support/test-platform';

export type InProcessApp = {
  app: OpenAPIHono<AppEnv>;
  platform: LocalPlatform;
  /** `bank-a`, with the head office → branch → sub-branch units. */
  tenant: Tenant;
  token: (roles: string[], o?: { tenantId?: string | null; sub?: string }) => Promise<string>;
  call: JsonCall;
};

/**
 * The whole Hono app as the local runtime composes it (every surface, the dev issuer, optionally
 * external issuers), against a test platform on DynamoDB Local, called in-process with app.request().
 */
export async function inProcessApp(
  o: {
    issuers?: ExternalIssuers;
    options?: Partial<Omit<AppOptions, 'platform' | 'verify'>>;
    clock?: TestClock;
    /** Another instance of the app on the tables of an existing one (its platform and tenant). */
    sharing?: Pick<InProcessApp, 'platform' | 'tenant'>;
  } = {},
): Promise<InProcessApp> {
  const platform = o.sharing?.platform ?? (await testPlatform({ ...(o.clock && { clock: o.clock }) }));
  const tenant = o.sharing?.tenant ?? (await testTenant(platform));
  const dev = await loadDevIssuer(mkdtempSync(join(tmpdir(), 'redress-issuer-')));
  const verify = createTokenVerifier([
    { issuer: dev.issuer, audience: dev.audience, jwks: dev.jwks, algorithms: ['ES256'] },
    ...externalTrustedIssuers(o.issuers ?? {}),
  ]);
  const app = createApp({
    platform,
    verify,
    surfaces: [tenantSurface, adminSurface, regulatorSurface],
    cursorKey: new Uint8Array(randomBytes(32)),
    ...o.options,
  });
  const call = jsonCall((path, init) => app.request(path, init));
  return {
    app,
    platform,
    tenant,
    token: (roles, t = {}) =>
      dev.mint({
        roles: roles as never,
        sub: t.sub ?? 'staff-1',
        ...(t.tenantId !== null && { tenantId: t.tenantId ?? tenant.id }),
      }),
    call,
  };
}
