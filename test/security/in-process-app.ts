// Loaded first: it extends zod with .openapi(), which the route modules' schemas call at import.
import '@hono/zod-openapi';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { loadDevIssuer } from '../../infra/local/dev-issuer';
import type { LocalPlatform } from '../../infra/local/platform';
import { type ExternalIssuers, externalTrustedIssuers } from '../../shared/auth/trusted-issuers';
import { createTokenVerifier } from '../../shared/auth/verifier';
import type { Tenant } from '../../shared/domain/tenant/tenant-schema';
import { type AppOptions, createApp } from '../../shared/http/app';
import type { AppEnv } from '../../shared/http/env';
import { adminSurface } from '../../shared/http/surfaces/admin';
import { regulatorSurface } from '../../shared/http/surfaces/regulator';
import { tenantSurface } from '../../shared/http/surfaces/tenant';
import { testPlatform, testTenant } from '../support/test-platform';

export type Call = (
  method: string,
  path: string,
  o?: { token?: string; body?: unknown; headers?: Record<string, string> },
) => Promise<{ status: number; body: any; headers: Headers; text: string }>;

export type InProcessApp = {
  app: OpenAPIHono<AppEnv>;
  platform: LocalPlatform;
  /** `bank-a`, with the head office → branch → sub-branch units. */
  tenant: Tenant;
  token: (roles: string[], o?: { tenantId?: string | null; sub?: string }) => Promise<string>;
  call: Call;
};

/**
 * The whole Hono app as the local runtime composes it (every surface, the dev issuer, optionally
 * external issuers), against a test platform on DynamoDB Local, called in-process with app.request().
 */
export async function inProcessApp(
  o: { issuers?: ExternalIssuers; options?: Partial<Omit<AppOptions, 'platform' | 'verify'>> } = {},
): Promise<InProcessApp> {
  const platform = await testPlatform();
  const tenant = await testTenant(platform);
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
  const call: Call = async (method, path, c = {}) => {
    const res = await app.request(path, {
      method,
      headers: {
        ...(c.body !== undefined && { 'content-type': 'application/json' }),
        ...(c.token && { authorization: `Bearer ${c.token}` }),
        ...c.headers,
      },
      ...(c.body !== undefined && { body: typeof c.body === 'string' ? c.body : JSON.stringify(c.body) }),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body, headers: res.headers, text };
  };
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
