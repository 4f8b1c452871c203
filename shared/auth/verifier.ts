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

/** jose's allowance for clocks that disagree, in seconds. */
const CLOCK_TOLERANCE_S = 30;
/**
 * A token verified once is taken as verified for at most this long (and never past its exp): an
 * intake system or a console sends one token with many requests, and the signature check (ES256 or
 * RS256) is most of what authentication costs. A key withdrawn from an issuer's JWKS stops its
 * tokens within this time.
 */
const VERIFIED_FOR_MS = 60_000;
const VERIFIED_KEPT = 1000;

/**
 * Verifies signature, issuer, audience, exp/nbf and algorithm against each trusted issuer. One
 * provider may appear more than once with different audiences (the institutions' and the operator's
 * applications in one directory); the token's audience picks the entry, and so its grants.
 */
export function createTokenVerifier(issuers: readonly TrustedIssuer[], o: { now?: () => number } = {}): TokenVerifier {
  const now = o.now ?? Date.now;
  const entries = issuers.map((cfg) => ({
    cfg,
    keys: cfg.jwks instanceof URL ? createRemoteJWKSet(cfg.jwks) : createLocalJWKSet(cfg.jwks),
  }));
  const verified = new Map<string, { principal: Principal; until: number }>();

  return async (token) => {
    const hit = verified.get(token);
    if (hit && now() < hit.until) return { ...hit.principal, roles: [...hit.principal.roles] };
    verified.delete(token);
    const { principal, exp } = await verify(token);
    if (verified.size >= VERIFIED_KEPT) verified.delete(verified.keys().next().value!);
    verified.set(token, {
      principal: { ...principal, roles: [...principal.roles] },
      until: Math.min(now() + VERIFIED_FOR_MS, (exp + CLOCK_TOLERANCE_S) * 1000),
    });
    return principal;
  };

  async function verify(token: string): Promise<{ principal: Principal; exp: number }> {
    const trusted = pickIssuer(entries, token);
    if (!trusted) throw unauthorized('token issuer is not trusted');
    let claims: z.infer<typeof TokenClaimsSchema>;
    let exp: number;
    try {
      const { payload } = await jwtVerify(token, trusted.keys, {
        issuer: trusted.cfg.issuer,
        audience: trusted.cfg.audience,
        algorithms: trusted.cfg.algorithms ?? ALLOWED_ALGORITHMS,
        // jose checks exp only when present: a token without one would never expire.
        requiredClaims: ['exp', 'sub'],
        clockTolerance: CLOCK_TOLERANCE_S,
        currentDate: new Date(now()),
      });
      const parsed = TokenClaimsSchema.safeParse(payload);
      if (!parsed.success) throw unauthorized('token lacks sub or roles');
      claims = parsed.data;
      exp = payload.exp!;
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
      principal: {
        sub: claims.sub,
        roles: claims.roles,
        issuer: trusted.cfg.issuer,
        ...(claims.tenant_id !== undefined && { tenantId: claims.tenant_id }),
      },
      exp,
    };
  }
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
