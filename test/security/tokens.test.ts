/**
 * The token verifier through the app's edge as `npm start` composes it. Tokens that fail on claims
 * (expired, audience, nbf, roles) are signed with the local issuer's REAL private key, read from the
 * data directory, so they fail on the claim under test and not merely on the signature.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  base64url,
  type CryptoKey,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
  SignJWT,
  UnsecuredJWT,
} from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type InProcessRuntime, startInProcess } from '../support/in-process-runtime';
import { expectErrorShape } from './helpers';

const ISSUER = 'redress-local';
const AUDIENCE = 'redress-api';
/** Any protected route will do; this one is cheap and allowed for every tenant role. */
const PROBE = '/v1/taxonomy';

let server: InProcessRuntime;
let realKey: CryptoKey;
let kid: string;

beforeAll(async () => {
  server = await startInProcess();
  const stored = JSON.parse(readFileSync(join(server.dataDir, 'issuer', 'es256.json'), 'utf8')) as { privateJwk: JWK };
  kid = stored.privateJwk.kid!;
  realKey = (await importJWK(stored.privateJwk, 'ES256')) as CryptoKey;
});
afterAll(async () => {
  await server?.stop();
});

type Claims = Record<string, unknown>;
const GOOD_CLAIMS: Claims = { roles: ['intake'], tenant_id: 'demo-bank' };

/** A token as the local issuer would write it, with each part overridable. */
async function sign(
  o: {
    claims?: Claims;
    iss?: string;
    aud?: string;
    sub?: string | null;
    exp?: number;
    nbf?: number;
    key?: CryptoKey | Uint8Array;
    alg?: string;
    header?: Record<string, unknown>;
  } = {},
) {
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT(o.claims ?? GOOD_CLAIMS)
    .setProtectedHeader({ alg: o.alg ?? 'ES256', kid, ...o.header })
    .setIssuer(o.iss ?? ISSUER)
    .setAudience(o.aud ?? AUDIENCE)
    .setIssuedAt(now)
    .setNotBefore(o.nbf ?? now)
    .setExpirationTime(o.exp ?? now + 3600);
  if (o.sub !== null) jwt.setSubject(o.sub ?? 'token-test');
  return jwt.sign(o.key ?? realKey);
}

async function expectUnauthorized(token: string) {
  const res = await server.call('GET', PROBE, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status, JSON.stringify(res.body)).toBe(401);
  expectErrorShape(res.body, 'unauthorized');
  return res;
}

describe('control', () => {
  it('a well-formed token signed with the real key is accepted (so the refusals below are about the flaw)', async () => {
    const res = await server.call('GET', PROBE, { token: await sign() });
    expect(res.status).toBe(200);
  });

  it('a token from the local token endpoint is accepted', async () => {
    const res = await server.call('GET', PROBE, {
      token: await server.token({ tenantId: 'demo-bank', roles: ['intake'] }),
    });
    expect(res.status).toBe(200);
  });
});

describe('refused with 401 unauthorized', () => {
  const now = () => Math.floor(Date.now() / 1000);

  it('an expired token (well beyond the clock tolerance)', async () => {
    const res = await expectUnauthorized(await sign({ exp: now() - 3600, nbf: now() - 7200 }));
    // No reason to hide this one: a client needs to know to refresh.
    expect(res.body.error.message).toMatch(/expired/i);
  });

  it('a token for another audience', async () => {
    await expectUnauthorized(await sign({ aud: 'some-other-api' }));
  });

  it('a token from another issuer, even signed with the trusted key', async () => {
    await expectUnauthorized(await sign({ iss: 'https://evil.example' }));
  });

  it('alg: none', async () => {
    const token = new UnsecuredJWT(GOOD_CLAIMS)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setSubject('x')
      .setIssuedAt()
      .setExpirationTime('1h')
      .encode();
    await expectUnauthorized(token);
    // Also with "none" spelled differently and a dangling signature.
    const [, payload] = token.split('.');
    const header = base64url.encode(JSON.stringify({ alg: 'None', typ: 'JWT', kid }));
    await expectUnauthorized(`${header}.${payload}.`);
    await expectUnauthorized(`${header}.${payload}.AAAA`);
  });

  it.each(['secret', 'redress', 'redress-local', 'changeme'])(
    'HS256 signed with a guessed secret (%j)',
    async (secret) => {
      await expectUnauthorized(await sign({ alg: 'HS256', key: new TextEncoder().encode(secret) }));
    },
  );

  it('HS256 keyed with the issuer public key (algorithm confusion)', async () => {
    const jwks = await server.call('GET', '/.well-known/jwks.json');
    const publicJwkBytes = new TextEncoder().encode(JSON.stringify(jwks.body.keys[0]));
    await expectUnauthorized(await sign({ alg: 'HS256', key: publicJwkBytes }));
  });

  it("ES256 signed by another key pair claiming iss redress-local and the real key's kid", async () => {
    const { privateKey } = await generateKeyPair('ES256');
    await expectUnauthorized(await sign({ key: privateKey }));
  });

  it('ES256 signed by another key pair that ships its own public key in the header (embedded jwk)', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    const jwk = await exportJWK(publicKey);
    await expectUnauthorized(await sign({ key: privateKey, header: { jwk, kid: undefined } }));
  });

  it('a tampered payload (roles raised, signature kept)', async () => {
    const token = await server.token({ tenantId: 'demo-bank', roles: ['intake'] });
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(new TextDecoder().decode(base64url.decode(payload!)));
    claims.roles = ['admin', 'pii:read'];
    const forged = `${header}.${base64url.encode(JSON.stringify(claims))}.${signature}`;
    await expectUnauthorized(forged);
    // Switching tenants by the same trick fails the same way.
    claims.roles = ['intake'];
    claims.tenant_id = 'demo-insurer';
    await expectUnauthorized(`${header}.${base64url.encode(JSON.stringify(claims))}.${signature}`);
  });

  it('nbf in the future (beyond the clock tolerance)', async () => {
    await expectUnauthorized(await sign({ nbf: now() + 3600 }));
  });

  it('a token without roles', async () => {
    await expectUnauthorized(await sign({ claims: { tenant_id: 'demo-bank' } }));
  });

  it('a token with an empty roles list', async () => {
    await expectUnauthorized(await sign({ claims: { roles: [], tenant_id: 'demo-bank' } }));
  });

  it('a token with a role the platform does not know', async () => {
    await expectUnauthorized(await sign({ claims: { roles: ['root'], tenant_id: 'demo-bank' } }));
  });

  it('a token without sub', async () => {
    await expectUnauthorized(await sign({ sub: null }));
  });

  it('a token without exp', async () => {
    const token = await new SignJWT(GOOD_CLAIMS)
      .setProtectedHeader({ alg: 'ES256', kid })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setSubject('no-exp')
      .setIssuedAt()
      .sign(realKey);
    // A token that never expires cannot be revoked by waiting; the local issuer always sets exp.
    await expectUnauthorized(token);
  });

  it.each([
    ['no scheme', (t: string) => t],
    ['Basic scheme', (t: string) => `Basic ${t}`],
    ['Bearer without a token', () => 'Bearer'],
    ['Bearer with only spaces', () => 'Bearer    '],
    ['two tokens', (t: string) => `Bearer ${t} ${t}`],
    ['not a JWT', () => 'Bearer not-a-jwt'],
    ['two segments', (t: string) => `Bearer ${t.split('.').slice(0, 2).join('.')}`],
    ['garbage base64', () => 'Bearer a.b.c'],
    ['a comma-joined second header', (t: string) => `Bearer ${t}, Bearer ${t}`],
  ])('a malformed Authorization header: %s', async (_label, build) => {
    const good = await sign();
    const res = await server.call('GET', PROBE, { headers: { authorization: build(good) } });
    expect(res.status, JSON.stringify(res.body)).toBe(401);
    expectErrorShape(res.body, 'unauthorized');
  });

  it('the admin surface applies the same verifier', async () => {
    const res = await server.call('GET', '/admin/v1/tenants', {
      token: await sign({ claims: { roles: ['platform-admin'] }, aud: 'some-other-api' }),
    });
    expect(res.status).toBe(401);
    expectErrorShape(res.body, 'unauthorized');
  });
});

describe('GET /.well-known/jwks.json', () => {
  it('publishes public key material only', async () => {
    const res = await server.call('GET', '/.well-known/jwks.json');
    expect(res.status).toBe(200);
    const keys = res.body.keys as JWK[];
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      // d is the EC/RSA/OKP private part; p, q, dp, dq, qi are RSA private parts; k is a symmetric key.
      for (const secret of ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k']) expect(key).not.toHaveProperty(secret);
      expect(key.kty).not.toBe('oct');
    }
    expect(keys.map((k) => k.kid)).toContain(kid);
  });
});
