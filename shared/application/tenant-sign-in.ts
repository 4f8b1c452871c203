import { ISSUER_GRANTS } from '../auth/roles';
import { notFound, ruleViolation } from '../domain/errors';
import type {
  OidcClientSettings,
  SignInConfigInput,
  SignInConfigView,
  StoredSignInConfig,
} from '../domain/tenant/sign-in-config';
import type { Platform } from './platform';
import { provisionedTenant } from './tenants';

/** The secret's field name in its JWE header: a ciphertext of another field cannot stand in for it. */
const SECRET_FIELD = 'oidcClientSecret';

const view = (s: StoredSignInConfig): SignInConfigView => ({
  issuer: s.issuer,
  clientId: s.clientId,
  clientSecretSet: true,
  rolesClaim: s.rolesClaim,
  allowedGrants: s.allowedGrants,
  updatedAt: s.updatedAt,
});

/**
 * Sets the institution's own IdP. The client secret is encrypted with the tenant's data key (its
 * KMS key in AWS), bound to the tenant and the field; a change without a secret keeps the stored one.
 */
export async function setTenantSignIn(
  p: Platform,
  tenantId: string,
  input: SignInConfigInput,
): Promise<SignInConfigView> {
  await provisionedTenant(p, tenantId);
  const before = input.clientSecret === undefined ? await p.signInConfigs.get(tenantId) : undefined;
  if (input.clientSecret === undefined && !before)
    throw ruleViolation('client_secret_required', 'the first sign-in configuration of a tenant needs its clientSecret');
  const clientSecretEnc =
    input.clientSecret === undefined
      ? before!.clientSecretEnc
      : (await p.cipher.encryptFields(tenantId, { [SECRET_FIELD]: input.clientSecret }))[SECRET_FIELD]!;
  const stored: StoredSignInConfig = {
    issuer: input.issuer,
    clientId: input.clientId,
    clientSecretEnc,
    rolesClaim: input.rolesClaim ?? 'roles',
    allowedGrants: input.allowedGrants ?? [...ISSUER_GRANTS.idp],
    updatedAt: p.clock.now().toISOString(),
  };
  await p.signInConfigs.put(tenantId, stored);
  p.logger.info('tenant sign-in set', {
    tenantId,
    issuer: stored.issuer,
    secretChanged: input.clientSecret !== undefined,
  });
  return view(stored);
}

export async function tenantSignIn(p: Platform, tenantId: string): Promise<SignInConfigView> {
  await provisionedTenant(p, tenantId);
  const stored = await p.signInConfigs.get(tenantId);
  if (!stored) throw notFound('sign-in configuration');
  return view(stored);
}

/** The IdP a console sign-in of this tenant goes to, secret decrypted; undefined when none is set. */
export async function tenantOidcClient(p: Platform, tenantId: string): Promise<OidcClientSettings | undefined> {
  const stored = await p.signInConfigs.get(tenantId);
  if (!stored) return undefined;
  const { [SECRET_FIELD]: clientSecret } = await p.cipher.decryptFields(tenantId, {
    [SECRET_FIELD]: stored.clientSecretEnc,
  });
  return {
    issuer: stored.issuer,
    clientId: stored.clientId,
    clientSecret: clientSecret!,
    rolesClaim: stored.rolesClaim,
    allowedGrants: stored.allowedGrants,
  };
}
