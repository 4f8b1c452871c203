import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it, vi } from 'vitest';
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

describe('verified tokens are remembered briefly', () => {
  it('checks a signature once, yet refuses the token once it expires or the minute is up', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k', alg: 'ES256' };
    let now = Date.parse('2026-12-03T10:00:00Z');
    const token = await new SignJWT({ roles: ['handler'] })
      .setProtectedHeader({ alg: 'ES256', kid: 'k' })
      .setIssuer('https://idp.example/')
      .setAudience('redress')
      .setSubject('u1')
      .setIssuedAt(now / 1000)
      .setExpirationTime(now / 1000 + 300)
      .sign(privateKey);
    // jose checks every signature with Web Crypto's verify: counting its calls counts the checks.
    const checks = vi.spyOn(crypto.subtle, 'verify');
    const verify = createTokenVerifier(
      [{ issuer: 'https://idp.example/', audience: 'redress', jwks: { keys: [jwk] } }],
      {
        now: () => now,
      },
    );
    const first = await verify(token);
    expect(checks).toHaveBeenCalledTimes(1);
    first.roles.push('regulator');
    now += 30_000;
    await expect(verify(token)).resolves.toMatchObject({ sub: 'u1', roles: ['handler'] });
    expect(checks).toHaveBeenCalledTimes(1);
    now += 40_000; // past the minute: verified again
    await expect(verify(token)).resolves.toMatchObject({ sub: 'u1' });
    expect(checks).toHaveBeenCalledTimes(2);
    now += 300_000; // past exp and the clock tolerance
    await expect(verify(token)).rejects.toMatchObject({ kind: 'unauthorized' });
    checks.mockRestore();
  });
});
