import { createCipheriv, randomBytes } from 'node:crypto';
import { compactDecrypt, decodeProtectedHeader } from 'jose';
import type { KeyProvider } from './key-provider';

const decoder = new TextDecoder();

type AesKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;
type TenantKey = { key: AesKey; raw: Uint8Array; kid: string };

const b64u = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64url');

/**
 * JWE compact serialization, dir + A256GCM (RFC 7516 §7.1, RFC 7518 §5.3): the protected header, an
 * empty key, a 96-bit IV, the ciphertext and the tag, with the encoded header as additional data.
 * This is what jose's CompactEncrypt writes; jose's compactDecrypt reads it back. It is done with
 * node:crypto because jose goes through Web Crypto, whose every call is a job on the thread pool:
 * six of them per intake cost more CPU than the rest of the encryption together.
 */
function compactEncrypt(raw: Uint8Array, header: Record<string, string>, plaintext: string): string {
  const protectedHeader = b64u(JSON.stringify(header));
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', raw, iv);
  cipher.setAAD(Buffer.from(protectedHeader, 'ascii'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return `${protectedHeader}..${b64u(iv)}.${b64u(ciphertext)}.${b64u(cipher.getAuthTag())}`;
}

/** Encrypts and decrypts personal-data fields one by one (JWE compact, dir + A256GCM). */
export class FieldCipher {
  /** Imported once per tenant: handing jose raw bytes would import the key again for every field. */
  private readonly imported = new Map<string, Promise<TenantKey>>();

  constructor(private readonly keys: KeyProvider) {}

  private keyFor(tenantId: string): Promise<TenantKey> {
    let entry = this.imported.get(tenantId);
    if (!entry) {
      entry = this.keys.keysFor(tenantId).then(async ({ dataKey, dataKeyId }) => ({
        key: await crypto.subtle.importKey('raw', dataKey, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']),
        raw: dataKey,
        kid: dataKeyId,
      }));
      entry.catch(() => this.imported.delete(tenantId));
      this.imported.set(tenantId, entry);
    }
    return entry;
  }

  async encryptFields(tenantId: string, fields: Record<string, string | undefined>): Promise<Record<string, string>> {
    const { raw, kid } = await this.keyFor(tenantId);
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(fields)) {
      if (value === undefined) continue;
      // The field name is bound as the JWE's additional data via the header, so a ciphertext moved
      // from `phone` to `name` fails to decrypt as a name.
      out[name] = compactEncrypt(raw, { alg: 'dir', enc: 'A256GCM', kid, fld: name, tnt: tenantId }, value);
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
