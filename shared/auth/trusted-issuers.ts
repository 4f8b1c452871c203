import { z } from 'zod';
import { ISSUER_GRANTS, type IssuerKind } from './roles';
import type { TrustedIssuer } from './verifier';

/** An external OpenID provider as configured: who it is, the audience it writes, where its keys are. */
export type IssuerConfig = { issuer: string; audience: string; jwksUrl: string };
export type ExternalIssuers = Partial<Record<IssuerKind, IssuerConfig>>;

/** The environment prefix of each issuer: `<PREFIX>_ISSUER`, `_AUDIENCE`, `_JWKS_URL`. */
export const ISSUER_ENV_PREFIX: Record<IssuerKind, string> = {
  idp: 'REDRESS_IDP',
  regulator: 'REDRESS_REGULATOR',
  operator: 'REDRESS_OPERATOR',
};

/** The variables of the three issuers, as both runtimes' environment schemas declare them. */
export const IssuerEnvShape = {
  REDRESS_IDP_ISSUER: z.string().optional(),
  REDRESS_IDP_AUDIENCE: z.string().optional(),
  REDRESS_IDP_JWKS_URL: z.url().optional(),
  REDRESS_REGULATOR_ISSUER: z.string().optional(),
  REDRESS_REGULATOR_AUDIENCE: z.string().optional(),
  REDRESS_REGULATOR_JWKS_URL: z.url().optional(),
  /** The operator's own issuer: the only external one whose tokens may carry platform-admin. */
  REDRESS_OPERATOR_ISSUER: z.string().optional(),
  REDRESS_OPERATOR_AUDIENCE: z.string().optional(),
  REDRESS_OPERATOR_JWKS_URL: z.url().optional(),
};

/**
 * Each configured issuer, from the environment. All three variables or none: a half-configured
 * issuer is refused at start-up rather than silently ignored.
 */
export function externalIssuersFromEnv(env: Readonly<Record<string, unknown>>): ExternalIssuers {
  const out: ExternalIssuers = {};
  for (const [kind, prefix] of Object.entries(ISSUER_ENV_PREFIX) as [IssuerKind, string][]) {
    const names = [`${prefix}_ISSUER`, `${prefix}_AUDIENCE`, `${prefix}_JWKS_URL`];
    const [issuer, audience, jwksUrl] = names.map((n) => (typeof env[n] === 'string' && env[n]) || undefined);
    if (!issuer && !audience && !jwksUrl) continue;
    if (!issuer || !audience || !jwksUrl)
      throw new Error(`set all of ${names.join(', ')} or none of them (only some are set)`);
    out[kind] = { issuer, audience, jwksUrl };
  }
  return out;
}

/** The external issuers the verifier trusts, each limited to the grants its kind may give. */
export function externalTrustedIssuers(issuers: ExternalIssuers): TrustedIssuer[] {
  return (Object.entries(issuers) as [IssuerKind, IssuerConfig | undefined][]).flatMap(([kind, cfg]) =>
    cfg
      ? [
          {
            issuer: cfg.issuer,
            audience: cfg.audience,
            jwks: new URL(cfg.jwksUrl),
            allowedGrants: ISSUER_GRANTS[kind],
          },
        ]
      : [],
  );
}
