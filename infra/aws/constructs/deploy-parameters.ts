import { CfnParameter } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { Concern } from './concern';

/** CDK context keys that override a parameter's default (`-c idpIssuer=…`). */
export const PARAMETER_CONTEXT_KEYS = [
  'idpIssuer',
  'idpAudience',
  'idpJwksUrl',
  'regulatorIssuer',
  'regulatorAudience',
  'regulatorJwksUrl',
  'operatorIssuer',
  'operatorAudience',
  'operatorJwksUrl',
  'alarmEmail',
  'publicUrl',
] as const;
export type ParameterDefaults = Partial<Record<(typeof PARAMETER_CONTEXT_KEYS)[number], string>>;

/** One trusted identity provider as the stack knows it: CloudFormation parameters, resolved at deploy. */
export type IssuerParameters = { issuer: string; audience: string; jwksUrl: string };

const HTTPS_URL = '^https://.+$';

/**
 * The values a deploy may change without a new synth (`--parameters`); the defaults exist so that
 * synth works offline, and come from CDK context when given.
 */
export class DeployParameters extends Concern {
  readonly idp: IssuerParameters;
  readonly regulator: IssuerParameters;
  /** The platform operator's own IdP: the only issuer whose tokens reach `/admin/*`. */
  readonly operator: IssuerParameters;
  readonly alarmEmail: string;
  /** Where browsers open the pages (`https://host`); empty: the API's own execute-api address. */
  readonly publicUrl: string;

  constructor(scope: Construct, id: string, d: ParameterDefaults = {}) {
    super(scope, id);
    const param = (pid: string, description: string, def: string, allowedPattern?: string) =>
      new CfnParameter(this, pid, {
        type: 'String',
        description,
        default: def,
        ...(allowedPattern && { allowedPattern }),
      }).valueAsString;
    this.idp = {
      issuer: param(
        'IdpIssuer',
        'Issuer (iss) of tenant staff tokens',
        d.idpIssuer ?? 'https://idp.example.com/',
        HTTPS_URL,
      ),
      audience: param('IdpAudience', 'Audience (aud) of tenant staff tokens', d.idpAudience ?? 'redress-api'),
      jwksUrl: param(
        'IdpJwksUrl',
        'JWKS URL of the tenant identity provider',
        d.idpJwksUrl ?? 'https://idp.example.com/.well-known/jwks.json',
        HTTPS_URL,
      ),
    };
    this.regulator = {
      issuer: param(
        'RegulatorIssuer',
        'Issuer (iss) of regulator tokens',
        d.regulatorIssuer ?? 'https://regulator-idp.example.com/',
        HTTPS_URL,
      ),
      audience: param(
        'RegulatorAudience',
        'Audience (aud) of regulator tokens',
        d.regulatorAudience ?? 'redress-regulator',
      ),
      jwksUrl: param(
        'RegulatorJwksUrl',
        'JWKS URL of the regulator identity provider',
        d.regulatorJwksUrl ?? 'https://regulator-idp.example.com/.well-known/jwks.json',
        HTTPS_URL,
      ),
    };
    this.operator = {
      issuer: param(
        'OperatorIssuer',
        'Issuer (iss) of platform operator tokens (the only issuer admitted on /admin/*)',
        d.operatorIssuer ?? 'https://operator-idp.example.com/',
        HTTPS_URL,
      ),
      audience: param(
        'OperatorAudience',
        'Audience (aud) of platform operator tokens',
        d.operatorAudience ?? 'redress-operator',
      ),
      jwksUrl: param(
        'OperatorJwksUrl',
        'JWKS URL of the platform operator identity provider',
        d.operatorJwksUrl ?? 'https://operator-idp.example.com/.well-known/jwks.json',
        HTTPS_URL,
      ),
    };
    this.alarmEmail = param(
      'AlarmEmail',
      'E-mail address subscribed to the alarm topic (empty: no subscription)',
      d.alarmEmail ?? '',
      '^$|^[^@\\s]+@[^@\\s]+$',
    );
    this.publicUrl = param(
      'PublicUrl',
      'Address browsers open the console and portal at (https://host, no path; e.g. a custom domain mapped to this API). The sign-in redirect URIs registered at the identity providers start with it. Empty: the API endpoint',
      d.publicUrl ?? '',
      '^$|^https://[^/\\s]+$',
    );
  }
}
