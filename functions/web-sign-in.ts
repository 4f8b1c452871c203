import type { SignInMethod } from '../shared/web/web-surface';
import type { AwsEnv } from './aws-env';

/** Placeholder: the OpenID Connect sign-in of the AWS runtime (each institution's IdP, the regulator's). */
export function awsSignInMethods(_env: AwsEnv): SignInMethod[] {
  return [];
}
