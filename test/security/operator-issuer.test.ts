/**
 * Who may be operator (issue 8): each external issuer grants only its own roles. A genuine token
 * (real signature, keys served on loopback) that claims more gets 403 grant_not_allowed, whether the
 * foreign role stands alone or among roles the issuer may give.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type CryptoKey, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IssuerKind } from '../../shared/auth/roles';
import { expectErrorShape } from './helpers';
import { type InProcessApp, inProcessApp } from './in-process-app';

const KINDS = ['idp', 'regulator', 'operator'] as const satisfies readonly IssuerKind[];
const ISSUER = (k: IssuerKind) => `https://${k}.example/`;
const AUDIENCE = (k: IssuerKind) => `redress-${k}`;

let jwks: Server;
let env: InProcessApp;
const keys = {} as Record<IssuerKind, CryptoKey>;

beforeAll(async () => {
  const published: Record<string, unknown> = {};
  for (const k of KINDS) {
    const pair = await generateKeyPair('ES256');
    keys[k] = pair.privateKey;
    published[`/${k}/jwks.json`] = { keys: [{ ...(await exportJWK(pair.publicKey)), kid: k, alg: 'ES256' }] };
  }
  jwks = createServer((req, res) => {
    const body = published[req.url ?? ''];
    res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' }).end(JSON.stringify(body ?? {}));
  });
  await new Promise<void>((r) => jwks.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}`;
  env = await inProcessApp({
    issuers: Object.fromEntries(
      KINDS.map((k) => [k, { issuer: ISSUER(k), audience: AUDIENCE(k), jwksUrl: `${base}/${k}/jwks.json` }]),
    ),
  });
});
afterAll(async () => {
  await new Promise((r) => jwks?.close(r));
});

const sign = (kind: IssuerKind, roles: string[]) =>
  new SignJWT({ roles, ...(roles.some((r) => STAFF.includes(r)) && { tenant_id: env.tenant.id }) })
    .setProtectedHeader({ alg: 'ES256', kid: kind })
    .setIssuer(ISSUER(kind))
    .setAudience(AUDIENCE(kind))
    .setSubject(`${kind}-user`)
    .setIssuedAt()
    .setExpirationTime('10m')
    .sign(keys[kind]);

const STAFF = ['intake', 'handler', 'supervisor', 'admin'];
/** Each role alone, the operator's and the regulator's mixed with staff roles, and pii:read on top. */
const ROLE_SETS: string[][] = [
  ...STAFF.map((r) => [r]),
  ['handler', 'pii:read'],
  ['regulator'],
  ['platform-admin'],
  ['platform-admin', 'admin'],
  ['platform-admin', 'handler', 'pii:read'],
  ['regulator', 'supervisor'],
  ['regulator', 'platform-admin'],
];
const MAY_GRANT: Record<IssuerKind, string[]> = {
  idp: [...STAFF, 'pii:read'],
  regulator: ['regulator'],
  operator: ['platform-admin'],
};

/** A route each role set's strongest role may use: allowed tokens get 200 there. */
const probeFor = (roles: string[]) =>
  roles.includes('platform-admin')
    ? '/admin/v1/tenants'
    : roles.includes('regulator')
      ? '/regulator/v1/institutions'
      : '/v1/complaints?limit=1';

const CASES = KINDS.flatMap((kind) =>
  ROLE_SETS.map((roles) => ({
    kind,
    roles,
    label: roles.join('+'),
    allowed: roles.every((r) => MAY_GRANT[kind].includes(r)),
  })),
);

describe('each issuer × role set', () => {
  it.each(CASES)('$kind token with $label → allowed: $allowed', async ({ kind, roles, allowed }) => {
    const token = await sign(kind, roles);
    const res = await env.call('GET', probeFor(roles), { token });
    if (allowed) {
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    } else {
      expect(res.status, JSON.stringify(res.body)).toBe(403);
      expectErrorShape(res.body, 'grant_not_allowed');
      // Refused on every surface, not only where the foreign role would act.
      for (const path of ['/v1/taxonomy', '/admin/v1/tenants', '/regulator/v1/institutions']) {
        const other = await env.call('GET', path, { token });
        expect(other.status, path).toBe(403);
        expectErrorShape(other.body, 'grant_not_allowed');
      }
    }
  });
});

describe('the tenant IdP cannot act as the operator', () => {
  it.each([['platform-admin'], ['platform-admin', 'admin', 'pii:read']])(
    'a tenant IdP token with %s cannot suspend an institution, and the institution stays active',
    async (...roles) => {
      const token = await sign('idp', roles);
      const res = await env.call('POST', `/admin/v1/tenants/${env.tenant.id}/suspend`, { token });
      expect(res.status).toBe(403);
      expectErrorShape(res.body, 'grant_not_allowed');
      expect((await env.platform.tenants.get(env.tenant.id))?.status).toBe('active');
    },
  );

  it("the operator's own issuer may list institutions", async () => {
    const res = await env.call('GET', '/admin/v1/tenants', { token: await sign('operator', ['platform-admin']) });
    expect(res.status).toBe(200);
    expect(res.body.items.map((t: { id: string }) => t.id)).toContain(env.tenant.id);
  });

  it('locally the dev issuer still mints the operator role', async () => {
    const res = await env.call('GET', '/admin/v1/tenants', {
      token: await env.token(['platform-admin'], { tenantId: null }),
    });
    expect(res.status).toBe(200);
  });
});
