import { CompactEncrypt, compactDecrypt, decodeProtectedHeader } from 'jose';
import type { KeyProvider } from './key-provider';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

type AesKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;

/** Encrypts and decrypts personal-data fields one by one (JWE compact, dir + A256GCM). */
export class FieldCipher {
  /** Imported once per tenant: handing jose raw bytes would import the key again for every field. */
  private readonly imported = new Map<string, Promise<{ key: AesKey; kid: string }>>();

  constructor(private readonly keys: KeyProvider) {}

  private keyFor(tenantId: string): Promise<{ key: AesKey; kid: string }> {
    let entry = this.imported.get(tenantId);
    if (!entry) {
      entry = this.keys.keysFor(tenantId).then(async ({ dataKey, dataKeyId }) => ({
        key: await crypto.subtle.importKey('raw', dataKey, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']),
        kid: dataKeyId,
      }));
      entry.catch(() => this.imported.delete(tenantId));
      this.imported.set(tenantId, entry);
    }
    return entry;
  }

  async encryptFields(tenantId: string, fields: Record<string, string | undefined>): Promise<Record<string, string>> {
    const { key, kid } = await this.keyFor(tenantId);
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(fields)) {
      if (value === undefined) continue;
      // The field name is bound as the JWE's additional data via the header, so a ciphertext moved
      // from `phone` to `name` fails to decrypt as a name.
      out[name] = await new CompactEncrypt(encoder.encode(value))
        .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', kid, fld: name, tnt: tenantId })
        .encrypt(key);
    }
    return out;
  }

  async decryptFields(tenantId: string, fields: Record<string, string>): Promise<Record<string, string>> {
    const { key } = await this.keyFor(tenantId);
    const out: Record<string, string> = {};
    for (const [name, jwe] of Object.entries(fields)) {
      const header = decodeProtectedHeader(jwe);
      if (header.fld !== name || header.tnt !== tenantId)
        throw new Error(`ciphertext for field ${name} is bound elsewhere`);
      const { plaintext } = await compactDecrypt(jwe, key, {
        keyManagementAlgorithms: ['dir'],
        contentEncryptionAlgorithms: ['A256GCM'],
      });
      out[name] = decoder.decode(plaintext);
    }
    return out;
  }
}
