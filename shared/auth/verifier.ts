import {
  createLocalJWKSet,
  createRemoteJWKSet,
  decodeJwt,
  errors,
  type JSONWebKeySet,
  type JWTPayload,
  type JWTVerifyGetKey,
  jwtVerify,
} from 'jose';
import type { z } from 'zod';
import { DomainError, forbidden } from '../domain/errors';
import { type Principal, TokenClaimsSchema } from './principal';

/** Asymmetric algorithms only: a shared-secret token could be minted by anyone who can verify one. */
export const ALLOWED_ALGORITHMS = ['ES256', 'RS256', 'PS256', 'EdDSA'];

export type TrustedIssuer = {
  issuer: string;
  audience: string;
  /** A JWKS URL (external IdP) or the key set itself (the local issuer, verified in-process). */
  jwks: URL | JSONWebKeySet;
  algorithms?: string[];
  /** Grants this issuer may give; a token claiming any other is refused (the regulator's IdP grants `regulator` only). */
  allowedGrants?: readonly string[];
};

export type TokenVerifier = (token: string) => Promise<Principal>;

const unauthorized = (message: string) => new DomainError('unauthorized', 'unauthorized', message);

/**
 * Verifies signature, issuer, audience, exp/nbf and algorithm against each trusted issuer. One
 * provider may appear more than once with different audiences (the institutions' and the operator's
 * applications in one directory); the token's audience picks the entry, and so its grants.
 */
export function createTokenVerifier(issuers: readonly TrustedIssuer[]): TokenVerifier {
  const entries = issuers.map((cfg) => ({
    cfg,
    keys: cfg.jwks instanceof URL ? createRemoteJWKSet(cfg.jwks) : createLocalJWKSet(cfg.jwks),
  }));

  return async (token) => {
    const trusted = pickIssuer(entries, token);
    if (!trusted) throw unauthorized('token issuer is not trusted');
    let claims: z.infer<typeof TokenClaimsSchema>;
    try {
      const { payload } = await jwtVerify(token, trusted.keys, {
        issuer: trusted.cfg.issuer,
        audience: trusted.cfg.audience,
        algorithms: trusted.cfg.algorithms ?? ALLOWED_ALGORITHMS,
        // jose checks exp only when present: a token without one would never expire.
        requiredClaims: ['exp', 'sub'],
        clockTolerance: 30,
      });
      const parsed = TokenClaimsSchema.safeParse(payload);
      if (!parsed.success) throw unauthorized('token lacks sub or roles');
      claims = parsed.data;
    } catch (e) {
      if (e instanceof DomainError) throw e;
      if (e instanceof errors.JWTExpired) throw unauthorized('token expired');
      if (e instanceof errors.JOSEError) throw unauthorized(`token rejected (${e.code})`);
      throw e;
    }
    // A genuine token that claims more than its issuer may give: the caller is known, the grant is not
    // theirs to have. Refused as a whole, so a mixed token gets none of its roles either.
    const allowed = trusted.cfg.allowedGrants;
    const foreign = allowed ? claims.roles.filter((r) => !allowed.includes(r)) : [];
    if (foreign.length > 0)
      throw forbidden('grant_not_allowed', `this token's issuer may not grant ${foreign.join(', ')}`);
    return {
      sub: claims.sub,
      roles: claims.roles,
      issuer: trusted.cfg.issuer,
      ...(claims.tenant_id !== undefined && { tenantId: claims.tenant_id }),
    };
  };
}

type Entry = { cfg: TrustedIssuer; keys: JWTVerifyGetKey };

/** Picks the issuer's keys; the claims are trusted only after jwtVerify checks them against those keys. */
function pickIssuer(entries: readonly Entry[], token: string): Entry | undefined {
  let claims: JWTPayload;
  try {
    claims = decodeJwt(token);
  } catch {
    return undefined;
  }
  const same = entries.filter((e) => e.cfg.issuer === claims.iss);
  if (same.length <= 1) return same[0];
  const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  return same.find((e) => aud.includes(e.cfg.audience)) ?? same[0];
}
