import type { SignInMethod } from '../web-surface';
import type { OidcSettings } from './oidc-env';
import { institutionSignIn, regulatorSignIn } from './oidc-sign-in';

/**
 * The OpenID sign-in of both runtimes: the institutions' IdPs on the console (configured per tenant
 * in the control plane, so always offered), the regulator's on the portal when it is configured.
 */
export function oidcSignInMethods(s: OidcSettings): SignInMethod[] {
  const o = { publicUrl: s.publicUrl };
  return [institutionSignIn(o), ...(s.regulator ? [regulatorSignIn(s.regulator, o)] : [])];
}
