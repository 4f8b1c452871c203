import type { KeyProvider } from './key-provider';

/**
 * HMAC-SHA256 with the tenant's index key: equal inputs give equal outputs inside one tenant (repeat
 * detection, idempotency fingerprints), while nobody without the key can test a guessed ID number.
 */
export class KeyedHasher {
  private readonly cache = new Map<string, ReturnType<typeof crypto.subtle.importKey>>();

  constructor(private readonly keys: KeyProvider) {}

  async hash(tenantId: string, value: string): Promise<string> {
    const key = await this.keyFor(tenantId);
    const mac = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(value));
    return Buffer.from(mac).toString('base64url');
  }

  private keyFor(tenantId: string): ReturnType<typeof crypto.subtle.importKey> {
    let key = this.cache.get(tenantId);
    if (!key) {
      key = this.keys
        .keysFor(tenantId)
        .then(({ indexKey }) =>
          crypto.subtle.importKey('raw', indexKey, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']),
        );
      key.catch(() => this.cache.delete(tenantId));
      this.cache.set(tenantId, key);
    }
    return key;
  }
}
