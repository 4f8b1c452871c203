// First: it extends zod, and zod 4 gives `.openapi` only to schemas created after that (routes use it at load).
import '@hono/zod-openapi';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDevIssuer } from '../../infra/local/http/dev-issuer';
import type { LocalPlatform } from '../../infra/local/platform';
import { createTokenVerifier } from '../../shared/auth/verifier';
import { createApp, type Surface } from '../../shared/http/app';
import { adminSurface } from '../../shared/http/surfaces/admin';
import { tenantSurface } from '../../shared/http/surfaces/tenant';
import { testPlatform } from './test-platform';

/**
 * The real app (authentication with a real ES256 issuer, the role matrix, validation, error shape)
 * on a test platform against DynamoDB Local, called in-process: route tests without a server process.
 */
export async function inProcessApp(o: { platform?: LocalPlatform; surfaces?: Surface[] } = {}) {
  const p = o.platform ?? (await testPlatform());
  const issuer = await loadDevIssuer(mkdtempSync(join(tmpdir(), 'redress-issuer-')));
  const app = createApp({
    platform: p,
    surfaces: o.surfaces ?? [tenantSurface, adminSurface],
    cursorKey: new Uint8Array(randomBytes(32)),
    verify: createTokenVerifier([
      { issuer: issuer.issuer, audience: issuer.audience, jwks: issuer.jwks, algorithms: ['ES256'] },
    ]),
  });
  async function call(
    method: string,
    path: string,
    token?: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    const res = await app.request(path, {
      method,
      headers: {
        ...(token && { Authorization: `Bearer ${token}` }),
        ...(body !== undefined && { 'Content-Type': 'application/json' }),
        ...headers,
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as any };
  }
  return { p, issuer, app, call };
}
