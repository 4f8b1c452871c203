import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JSONWebKeySet, type JWK, SignJWT } from 'jose';
import { z } from 'zod';
import { GrantSchema } from '../../../shared/auth/roles';
import { TenantIdSchema } from '../../../shared/domain/tenant/tenant-schema';
import { readOrCreateJson } from '../adapters/json-file';

export const LOCAL_ISSUER = 'redress-local';
export const LOCAL_AUDIENCE = 'redress-api';

export const TokenRequestSchema = z.strictObject({
  tenantId: TenantIdSchema.optional(),
  roles: z.array(GrantSchema).min(1),
  sub: z.string().min(1).max(200).optional(),
  /** Seconds; an hour by default, a day at most. */
  ttl: z.number().int().min(60).max(86_400).optional(),
});
export type TokenRequest = z.infer<typeof TokenRequestSchema>;

export type DevIssuer = {
  issuer: string;
  audience: string;
  jwks: JSONWebKeySet;
  mint: (req: TokenRequest) => Promise<string>;
};

/**
 * The local runtime's own identity provider: an ES256 key pair kept in the data directory, so
 * tokens minted before a restart stay valid after it.
 */
export async function loadDevIssuer(dataDir: string): Promise<DevIssuer> {
  const stored = await readOrCreateJson<{ privateJwk: JWK; publicJwk: JWK }>(
    join(dataDir, 'issuer', 'es256.json'),
    async () => {
      const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
      const kid = crypto.randomUUID();
      return {
        privateJwk: { ...(await exportJWK(privateKey)), kid, alg: 'ES256' },
        publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' },
      };
    },
  );
  const privateKey = await importJWK(stored.privateJwk, 'ES256');
  return {
    issuer: LOCAL_ISSUER,
    audience: LOCAL_AUDIENCE,
    jwks: { keys: [stored.publicJwk] },
    mint: (req) =>
      new SignJWT({ roles: req.roles, ...(req.tenantId && { tenant_id: req.tenantId }) })
        .setProtectedHeader({ alg: 'ES256', kid: stored.privateJwk.kid! })
        .setIssuer(LOCAL_ISSUER)
        .setAudience(LOCAL_AUDIENCE)
        .setSubject(req.sub ?? `local-${req.roles.join('-')}`)
        .setIssuedAt()
        .setNotBefore('0s')
        .setExpirationTime(`${req.ttl ?? 3600}s`)
        .sign(privateKey),
  };
}
