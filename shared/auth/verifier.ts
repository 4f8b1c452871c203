import {
  createLocalJWKSet,
  createRemoteJWKSet,
  decodeJwt,
  errors,
  type JSONWebKeySet,
  type JWTVerifyGetKey,
  jwtVerify,
} from 'jose';
import { DomainError } from '../domain/errors';
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

/** Verifies signature, issuer, audience, exp/nbf and algorithm against each trusted issuer. */
export function createTokenVerifier(issuers: readonly TrustedIssuer[]): TokenVerifier {
  const byIssuer = new Map<string, { cfg: TrustedIssuer; keys: JWTVerifyGetKey }>(
    issuers.map((cfg) => [
      cfg.issuer,
      { cfg, keys: cfg.jwks instanceof URL ? createRemoteJWKSet(cfg.jwks) : createLocalJWKSet(cfg.jwks) },
    ]),
  );

  return async (token) => {
    const iss = unverifiedIssuer(token);
    const trusted = iss !== undefined ? byIssuer.get(iss) : undefined;
    if (!trusted) throw unauthorized('token issuer is not trusted');
    try {
      const { payload } = await jwtVerify(token, trusted.keys, {
        issuer: trusted.cfg.issuer,
        audience: trusted.cfg.audience,
        algorithms: trusted.cfg.algorithms ?? ALLOWED_ALGORITHMS,
        // jose checks exp only when present: a token without one would never expire.
        requiredClaims: ['exp', 'sub'],
        clockTolerance: 30,
      });
      const claims = TokenClaimsSchema.safeParse(payload);
      if (!claims.success) throw unauthorized('token lacks sub or roles');
      const allowed = trusted.cfg.allowedGrants;
      if (allowed && !claims.data.roles.every((r) => allowed.includes(r)))
        throw unauthorized('token grants roles its issuer may not grant');
      return {
        sub: claims.data.sub,
        roles: claims.data.roles,
        issuer: trusted.cfg.issuer,
        ...(claims.data.tenant_id !== undefined && { tenantId: claims.data.tenant_id }),
      };
    } catch (e) {
      if (e instanceof DomainError) throw e;
      if (e instanceof errors.JWTExpired) throw unauthorized('token expired');
      if (e instanceof errors.JOSEError) throw unauthorized(`token rejected (${e.code})`);
      throw e;
    }
  };
}

/** Picks the issuer's keys; the claim is trusted only after jwtVerify checks it against those keys. */
function unverifiedIssuer(token: string): string | undefined {
  try {
    return decodeJwt(token).iss;
  } catch {
    return undefined;
  }
}
