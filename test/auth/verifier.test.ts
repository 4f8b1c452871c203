import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { createTokenVerifier } from '../../shared/auth/verifier';

async function issuer(name: string) {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), kid: name, alg: 'ES256' };
  const sign = (roles: string[]) =>
    new SignJWT({ roles })
      .setProtectedHeader({ alg: 'ES256', kid: name })
      .setIssuer(name)
      .setAudience('redress')
      .setSubject('u1')
      .setExpirationTime('5m')
      .sign(privateKey);
  return { jwks: { keys: [jwk] }, sign };
}

describe('token verification with more than one trusted issuer', () => {
  it('accepts from each issuer only the grants it may give', async () => {
    const bankIdp = await issuer('https://idp.bank.example/');
    const regulatorIdp = await issuer('https://sso.regulator.example/');
    const verify = createTokenVerifier([
      {
        issuer: 'https://idp.bank.example/',
        audience: 'redress',
        jwks: bankIdp.jwks,
        allowedGrants: ['intake', 'handler', 'pii:read'],
      },
      {
        issuer: 'https://sso.regulator.example/',
        audience: 'redress',
        jwks: regulatorIdp.jwks,
        allowedGrants: ['regulator'],
      },
    ]);
    await expect(verify(await bankIdp.sign(['handler', 'pii:read']))).resolves.toMatchObject({
      roles: ['handler', 'pii:read'],
    });
    await expect(verify(await regulatorIdp.sign(['regulator']))).resolves.toMatchObject({ roles: ['regulator'] });
    // A bank's IdP cannot make someone the regulator, nor the regulator's IdP a bank's handler.
    await expect(verify(await bankIdp.sign(['regulator']))).rejects.toMatchObject({
      kind: 'forbidden',
      code: 'grant_not_allowed',
    });
    await expect(verify(await regulatorIdp.sign(['regulator', 'handler']))).rejects.toMatchObject({
      kind: 'forbidden',
      code: 'grant_not_allowed',
    });
  });
});
