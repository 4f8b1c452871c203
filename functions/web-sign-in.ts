import { oidcSettingsFromEnv } from '../shared/web/auth/oidc-env';
import { oidcSignInMethods } from '../shared/web/auth/oidc-methods';
import type { SignInMethod } from '../shared/web/web-surface';
import type { AwsEnv } from './aws-env';

/**
 * The AWS runtime's sign-in to the pages: OpenID Connect only (no development identities), each
 * institution's IdP from the control plane, the regulator's from REDRESS_REGULATOR_OIDC_*, redirect
 * URIs under REDRESS_PUBLIC_URL.
 */
export function awsSignInMethods(env: AwsEnv): SignInMethod[] {
  return oidcSignInMethods(oidcSettingsFromEnv(env));
}
