import { createHash } from 'node:crypto';
import * as oidc from 'openid-client';
import { z } from 'zod';
import type { OidcClientSettings } from '../../domain/tenant/sign-in-config';
import { claimAt } from './oidc-claims';

/**
 * What the browser carries from the start of a sign-in to the callback, sealed in the flow cookie:
 * the checks that bind the IdP's answer to this browser and this request (state), the ID token to
 * it (nonce) and the code to its redeemer (PKCE), and whose sign-in it is.
 */
export const FlowSchema = z.object({
  state: z.string().min(32),
  nonce: z.string().min(32),
  verifier: z.string().min(43),
  redirectUri: z.string(),
  /** The tenant whose configuration started the flow: the session's tenant, whatever the IdP says. */
  tenantId: z.string().optional(),
  returnTo: z.string().max(2000).optional(),
});
export type Flow = z.infer<typeof FlowSchema>;

/** Why a callback could not become a session. */
export type OidcRefusal = {
  kind: 'denied' | 'unverified' | 'unreachable';
  /** openid-client's error code, or the IdP's OAuth error: for the log, never for the page. */
  code: string;
};

export class OidcFailure extends Error {
  constructor(readonly refusal: OidcRefusal) {
    super(`OpenID sign-in failed: ${refusal.kind} (${refusal.code})`);
  }
}

/** How long a discovered provider's metadata is used before it is fetched again. */
const DISCOVERY_MS = 3600_000;

/**
 * Each provider's discovered configuration, per issuer, client and secret: a sign-in costs no
 * discovery request, a changed configuration is discovered afresh, a failed discovery is not kept.
 */
export class OidcProviders {
  private readonly cache = new Map<string, { until: number; config: Promise<oidc.Configuration> }>();

  constructor(private readonly now: () => number = () => Date.now()) {}

  configuration(s: OidcClientSettings): Promise<oidc.Configuration> {
    const key = [s.issuer, s.clientId, createHash('sha256').update(s.clientSecret).digest('base64url')].join('\n');
    const hit = this.cache.get(key);
    if (hit && hit.until > this.now()) return hit.config;
    const issuer = new URL(s.issuer);
    const config = oidc
      .discovery(issuer, s.clientId, undefined, oidc.ClientSecretBasic(s.clientSecret), {
        // Plain HTTP only where the issuer schema allows it: on this machine (development, tests).
        ...(issuer.protocol === 'http:' && { execute: [oidc.allowInsecureRequests] }),
        timeout: 10,
      })
      .catch((e: unknown) => {
        this.cache.delete(key);
        throw new OidcFailure({ kind: 'unreachable', code: errorCode(e) });
      });
    this.cache.set(key, { until: this.now() + DISCOVERY_MS, config });
    return config;
  }
}

/** The authorization request (code flow, PKCE S256, state, nonce) and the checks to keep for its answer. */
export async function authorizationRequest(
  config: oidc.Configuration,
  redirectUri: string,
): Promise<{ url: URL; checks: Pick<Flow, 'state' | 'nonce' | 'verifier' | 'redirectUri'> }> {
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: 'openid',
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { url, checks: { state, nonce, verifier, redirectUri } };
}

/**
 * The IdP's answer at the callback, redeemed and verified: state, the code with its PKCE verifier,
 * the ID token's signature, issuer, audience (this client only), expiry and nonce. The roles claim
 * is read from the ID token, or from userinfo where the IdP keeps it there.
 */
export async function verifiedIdentity(
  config: oidc.Configuration,
  callbackUrl: URL,
  flow: Flow,
  rolesClaim: string,
): Promise<{ claims: Record<string, unknown>; sub: string; issuer: string }> {
  try {
    const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: flow.verifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    const idToken = tokens.claims();
    if (!idToken) throw new OidcFailure({ kind: 'unverified', code: 'no_id_token' });
    let claims: Record<string, unknown> = idToken;
    if (claimAt(claims, rolesClaim) === undefined && config.serverMetadata().userinfo_endpoint)
      claims = { ...(await oidc.fetchUserInfo(config, tokens.access_token, idToken.sub)), ...idToken };
    return { claims, sub: idToken.sub, issuer: idToken.iss };
  } catch (e) {
    if (e instanceof OidcFailure) throw e;
    if (e instanceof oidc.AuthorizationResponseError) throw new OidcFailure({ kind: 'denied', code: e.error });
    if (e instanceof oidc.ResponseBodyError) throw new OidcFailure({ kind: 'unverified', code: e.error });
    if (e instanceof oidc.ClientError) throw new OidcFailure({ kind: 'unverified', code: errorCode(e) });
    throw new OidcFailure({ kind: 'unreachable', code: errorCode(e) });
  }
}

/**
 * The library's code, with the name of the claim it compared where it says so
 * (`OAUTH_JWT_CLAIM_COMPARISON_FAILED:aud`); never the claims themselves, which its error also holds.
 */
function errorCode(e: unknown): string {
  type Err = { code?: unknown; name?: unknown; claim?: unknown; cause?: Err };
  const err = e as Err | undefined;
  const code = err?.code ?? err?.cause?.code ?? err?.name;
  const claim = err?.cause?.claim ?? err?.cause?.cause?.claim;
  return `${typeof code === 'string' ? code : 'unknown'}${typeof claim === 'string' ? `:${claim}` : ''}`;
}
