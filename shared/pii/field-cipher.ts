import { CompactEncrypt, compactDecrypt, decodeProtectedHeader } from 'jose';
import type { KeyProvider } from './key-provider';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Encrypts and decrypts personal-data fields one by one (JWE compact, dir + A256GCM). */
export class FieldCipher {
  constructor(private readonly keys: KeyProvider) {}

  async encryptFields(tenantId: string, fields: Record<string, string | undefined>): Promise<Record<string, string>> {
    const { dataKey, dataKeyId } = await this.keys.keysFor(tenantId);
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(fields)) {
      if (value === undefined) continue;
      // The field name is bound as the JWE's additional data via the header, so a ciphertext moved
      // from `phone` to `name` fails to decrypt as a name.
      out[name] = await new CompactEncrypt(encoder.encode(value))
        .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', kid: dataKeyId, fld: name, tnt: tenantId })
        .encrypt(dataKey);
    }
    return out;
  }

  async decryptFields(tenantId: string, fields: Record<string, string>): Promise<Record<string, string>> {
    const { dataKey } = await this.keys.keysFor(tenantId);
    const out: Record<string, string> = {};
    for (const [name, jwe] of Object.entries(fields)) {
      const header = decodeProtectedHeader(jwe);
      if (header.fld !== name || header.tnt !== tenantId) throw new Error(`ciphertext for field ${name} is bound elsewhere`);
      const { plaintext } = await compactDecrypt(jwe, dataKey, { keyManagementAlgorithms: ['dir'], contentEncryptionAlgorithms: ['A256GCM'] });
      out[name] = decoder.decode(plaintext);
    }
    return out;
  }
}
