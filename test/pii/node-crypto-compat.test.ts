import { randomBytes } from 'node:crypto';
import { CompactEncrypt, compactDecrypt } from 'jose';
import { describe, expect, it } from 'vitest';
import { FieldCipher } from '../../shared/pii/field-cipher';
import type { KeyProvider } from '../../shared/pii/key-provider';
import { KeyedHasher } from '../../shared/pii/keyed-hash';

const keys = { dataKey: new Uint8Array(randomBytes(32)), dataKeyId: 'k1', indexKey: new Uint8Array(randomBytes(32)) };
const provider: KeyProvider = { keysFor: async () => keys };

describe('personal data crypto on node:crypto, in the formats stored before', () => {
  it('writes JWE that jose decrypts, and reads what jose wrote (records stored before the change)', async () => {
    const cipher = new FieldCipher(provider);
    const { phone } = await cipher.encryptFields('bank', { phone: '13912345678' });
    const aes = await crypto.subtle.importKey('raw', keys.dataKey, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
    const { plaintext, protectedHeader } = await compactDecrypt(phone!, aes);
    expect(new TextDecoder().decode(plaintext)).toBe('13912345678');
    expect(protectedHeader).toEqual({ alg: 'dir', enc: 'A256GCM', kid: 'k1', fld: 'phone', tnt: 'bank' });

    const older = await new CompactEncrypt(new TextEncoder().encode('王小明'))
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', kid: 'k1', fld: 'name', tnt: 'bank' })
      .encrypt(aes);
    expect(await cipher.decryptFields('bank', { name: older })).toEqual({ name: '王小明' });
    // Two encryptions of one value differ (a fresh IV each).
    expect((await cipher.encryptFields('bank', { phone: '13912345678' })).phone).not.toBe(phone);
  });

  it('binds the header: a changed header or a field moved elsewhere does not decrypt', async () => {
    const cipher = new FieldCipher(provider);
    const { phone } = await cipher.encryptFields('bank', { phone: '13912345678' });
    await expect(cipher.decryptFields('bank', { name: phone! })).rejects.toThrow();
    await expect(cipher.decryptFields('other', { phone: phone! })).rejects.toThrow();
    const [, ...rest] = phone!.split('.');
    const forged = Buffer.from(
      JSON.stringify({ alg: 'dir', enc: 'A256GCM', kid: 'k1', fld: 'phone', tnt: 'bank', x: 1 }),
    );
    await expect(
      cipher.decryptFields('bank', { phone: [forged.toString('base64url'), ...rest].join('.') }),
    ).rejects.toThrow();
  });

  it('gives the blind index Web Crypto gave, so stored keys and fingerprints still match', async () => {
    const hmac = await crypto.subtle.importKey('raw', keys.indexKey, { name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
    ]);
    const value = 'consumer:11010519491231002X|13912345678';
    const expected = Buffer.from(await crypto.subtle.sign('HMAC', hmac, new TextEncoder().encode(value))).toString(
      'base64url',
    );
    expect(await new KeyedHasher(provider).hash('bank', value)).toBe(expected);
  });
});
