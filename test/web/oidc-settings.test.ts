/**
 * The OpenID sign-in's pure parts: reading roles out of claims as directories write them, and the
 * runtimes' configuration of the regulator's IdP and the public URL.
 */
import { describe, expect, it } from 'vitest';
import { AwsEnvSchema } from '../../functions/aws-env';
import { awsSignInMethods } from '../../functions/web-sign-in';
import { loadConfig } from '../../infra/local/config';
import { ISSUER_GRANTS } from '../../shared/auth/roles';
import { claimAt, grantsFrom, namesIn } from '../../shared/web/auth/oidc-claims';

describe('roles out of claims', () => {
  it('finds a claim by its name first, then by a dotted path', () => {
    const claims = { roles: ['a'], 'https://bank.example/roles': ['b'], realm_access: { roles: ['c'] } };
    expect(claimAt(claims, 'roles')).toEqual(['a']);
    expect(claimAt(claims, 'https://bank.example/roles')).toEqual(['b']);
    expect(claimAt(claims, 'realm_access.roles')).toEqual(['c']);
    expect(claimAt(claims, 'realm_access.roles.x')).toBeUndefined();
    expect(claimAt(claims, 'nowhere.roles')).toBeUndefined();
    expect(claimAt({ a: ['x'] }, 'a.0')).toBeUndefined();
  });

  it('reads an array of names, or one string of names, and nothing else', () => {
    expect(namesIn(['handler', 'handler', 7, null, ' admin '])).toEqual(['handler', 'admin']);
    expect(namesIn('handler supervisor,pii:read')).toEqual(['handler', 'supervisor', 'pii:read']);
    expect(namesIn({ handler: true })).toEqual([]);
    expect(namesIn(undefined)).toEqual([]);
  });

  it('keeps only the grants the IdP may give, and tells what it dropped', () => {
    const claims = { groups: ['staff', 'platform-admin', 'handler', 'regulator', 'pii:read'] };
    expect(grantsFrom(claims, 'groups', ISSUER_GRANTS.idp)).toEqual({
      grants: ['handler', 'pii:read'],
      dropped: ['staff', 'platform-admin', 'regulator'],
    });
    expect(grantsFrom(claims, 'groups', ISSUER_GRANTS.regulator).grants).toEqual(['regulator']);
    expect(grantsFrom(claims, 'roles', ISSUER_GRANTS.idp)).toEqual({ grants: [], dropped: [] });
  });
});

const REGULATOR = {
  REDRESS_REGULATOR_OIDC_ISSUER: 'https://login.regulator.example',
  REDRESS_REGULATOR_OIDC_CLIENT_ID: 'redress-portal',
  REDRESS_REGULATOR_OIDC_CLIENT_SECRET: 'portal-secret',
};
const AWS = { AWS_REGION: 'cn-north-1', REDRESS_TABLE_PREFIX: 'redress-' };

describe('the runtimes’ OpenID configuration', () => {
  it('takes the regulator’s IdP whole, granting regulator only, with the public URL', () => {
    const config = loadConfig({ ...REGULATOR, REDRESS_PUBLIC_URL: 'https://redress.example' });
    expect(config.oidc).toEqual({
      publicUrl: 'https://redress.example',
      regulator: {
        issuer: 'https://login.regulator.example',
        clientId: 'redress-portal',
        clientSecret: 'portal-secret',
        rolesClaim: 'roles',
        allowedGrants: ['regulator'],
      },
    });
    expect(loadConfig({}).oidc).toEqual({ publicUrl: undefined });
  });

  it('refuses half a regulator IdP, or one reached over plain HTTP off this machine', () => {
    expect(() => loadConfig({ REDRESS_REGULATOR_OIDC_ISSUER: REGULATOR.REDRESS_REGULATOR_OIDC_ISSUER })).toThrow(
      /all of REDRESS_REGULATOR_OIDC_ISSUER/,
    );
    expect(() =>
      loadConfig({ ...REGULATOR, REDRESS_REGULATOR_OIDC_ISSUER: 'http://login.regulator.example' }),
    ).toThrow();
    expect(() => loadConfig({ REDRESS_PUBLIC_URL: 'not a url' })).toThrow();
  });

  it('gives AWS the institutions’ sign-in always, and the regulator’s when it is configured', () => {
    expect(awsSignInMethods(AwsEnvSchema.parse(AWS))).toHaveLength(1);
    expect(awsSignInMethods(AwsEnvSchema.parse({ ...AWS, ...REGULATOR }))).toHaveLength(2);
    expect(() => AwsEnvSchema.parse({ ...AWS, REDRESS_REGULATOR_OIDC_ROLES_CLAIM: 'roles[0]' })).toThrow();
  });
});
