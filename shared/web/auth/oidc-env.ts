import { z } from 'zod';
import { ISSUER_GRANTS } from '../../auth/roles';
import { IssuerUrlSchema, type OidcClientSettings, RolesClaimSchema } from '../../domain/tenant/sign-in-config';

/**
 * The variables of the pages' OpenID sign-in, as both runtimes' environment schemas declare them.
 * Apart from the sign-in itself, so that every function's environment schema loads no web code.
 */
export const OidcEnvShape = {
  /**
   * Where people reach the console and the portal (e.g. https://redress.example.com): the redirect
   * URIs registered at each IdP start with it. Unset: each request's own origin.
   */
  REDRESS_PUBLIC_URL: z.url().optional(),
  /** The regulator's IdP for the portal: its issuer, and the portal's application (client) there. */
  REDRESS_REGULATOR_OIDC_ISSUER: IssuerUrlSchema.optional(),
  REDRESS_REGULATOR_OIDC_CLIENT_ID: z.string().min(1).optional(),
  REDRESS_REGULATOR_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** The ID token claim with the user's roles (`roles` by default); it must hold `regulator`. */
  REDRESS_REGULATOR_OIDC_ROLES_CLAIM: RolesClaimSchema.default('roles'),
};

export type OidcSettings = { publicUrl?: string | undefined; regulator?: OidcClientSettings };

type OidcEnv = z.infer<z.ZodObject<typeof OidcEnvShape>>;

/** The regulator's IdP: all three variables or none (a half-configured one is refused at start-up). */
export function oidcSettingsFromEnv(e: OidcEnv): OidcSettings {
  const { REDRESS_REGULATOR_OIDC_ISSUER: issuer, REDRESS_REGULATOR_OIDC_CLIENT_ID: clientId } = e;
  const clientSecret = e.REDRESS_REGULATOR_OIDC_CLIENT_SECRET;
  const set = [issuer, clientId, clientSecret].filter((v) => v !== undefined).length;
  if (set !== 0 && set !== 3)
    throw new Error(
      'set all of REDRESS_REGULATOR_OIDC_ISSUER, REDRESS_REGULATOR_OIDC_CLIENT_ID, REDRESS_REGULATOR_OIDC_CLIENT_SECRET or none of them',
    );
  return {
    publicUrl: e.REDRESS_PUBLIC_URL,
    ...(issuer &&
      clientId &&
      clientSecret && {
        regulator: {
          issuer,
          clientId,
          clientSecret,
          rolesClaim: e.REDRESS_REGULATOR_OIDC_ROLES_CLAIM,
          allowedGrants: ISSUER_GRANTS.regulator,
        },
      }),
  };
}
