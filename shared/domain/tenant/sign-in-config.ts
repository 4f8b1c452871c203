import { z } from 'zod';
import { ISSUER_GRANTS } from '../../auth/roles';

/** 127.0.0.0/8, ::1 and localhost: the only hosts an identity provider may be reached on over plain HTTP. */
export const isLoopbackUrl = (u: URL) =>
  u.hostname === 'localhost' || u.hostname.startsWith('127.') || u.hostname === '[::1]';

/**
 * An OpenID provider's issuer identifier: HTTPS (its tokens and the client secret travel there), or
 * plain HTTP on this machine for development and tests; no query or fragment (OpenID Discovery).
 */
export const IssuerUrlSchema = z
  .string()
  .max(500)
  .refine((s) => {
    try {
      const u = new URL(s);
      const secure = u.protocol === 'https:' || (u.protocol === 'http:' && isLoopbackUrl(u));
      return secure && u.search === '' && u.hash === '' && u.username === '' && u.password === '';
    } catch {
      return false;
    }
  }, 'must be an https:// URL without query or fragment (http:// only on localhost)');

/**
 * The ID token claim that carries the user's roles: a top-level name (`roles`, `groups`, or a
 * namespaced `https://example.com/roles`), or a dotted path into nested claims (`realm_access.roles`).
 */
export const RolesClaimSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9_.:/-]+$/, 'letters, digits and _ . : / - only');

export const IdpGrantSchema = z.enum(ISSUER_GRANTS.idp);

/** What the operator sends: the institution's own IdP and its application (client) there. */
export const SignInConfigInputSchema = z.strictObject({
  issuer: IssuerUrlSchema,
  clientId: z
    .string()
    .min(1)
    .max(255)
    .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces'),
  /** Omitted: the secret already stored stays. Never answered back. */
  clientSecret: z
    .string()
    .min(1)
    .max(1000)
    .regex(/^[\x20-\x7e]+$/, 'printable ASCII')
    .optional(),
  /** `roles` when omitted. */
  rolesClaim: RolesClaimSchema.optional(),
  /** The grants this institution's IdP may give here; the rest of its roles claim is ignored. Default: every staff grant. */
  allowedGrants: z.array(IdpGrantSchema).min(1).optional(),
});
export type SignInConfigInput = z.infer<typeof SignInConfigInputSchema>;

/** As kept in the control plane: the secret encrypted with the tenant's own data key. */
export const StoredSignInConfigSchema = z.object({
  issuer: z.string(),
  clientId: z.string(),
  clientSecretEnc: z.string(),
  rolesClaim: z.string(),
  allowedGrants: z.array(IdpGrantSchema),
  updatedAt: z.string(),
});
export type StoredSignInConfig = z.infer<typeof StoredSignInConfigSchema>;

/** What the operator reads back: everything but the secret, of which only its presence is told. */
export const SignInConfigViewSchema = StoredSignInConfigSchema.omit({ clientSecretEnc: true }).extend({
  clientSecretSet: z.boolean(),
});
export type SignInConfigView = z.infer<typeof SignInConfigViewSchema>;

/** What a sign-in needs from one identity provider: the secret in clear, in memory only. */
export type OidcClientSettings = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  rolesClaim: string;
  allowedGrants: readonly string[];
};
