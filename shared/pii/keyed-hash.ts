import { createHmac } from 'node:crypto';
import type { KeyProvider } from './key-provider';

/**
 * HMAC-SHA256 with the tenant's index key: equal inputs give equal outputs inside one tenant (repeat
 * detection, idempotency fingerprints), while nobody without the key can test a guessed ID number.
 * node:crypto rather than Web Crypto: the same MAC, computed on the spot instead of as a job on the
 * thread pool and back through the event loop (two per intake).
 */
export class KeyedHasher {
  private readonly cache = new Map<string, Promise<Uint8Array>>();

  constructor(private readonly keys: KeyProvider) {}

  async hash(tenantId: string, value: string): Promise<string> {
    const key = await this.keyFor(tenantId);
    return createHmac('sha256', key).update(value, 'utf8').digest('base64url');
  }

  private keyFor(tenantId: string): Promise<Uint8Array> {
    let key = this.cache.get(tenantId);
    if (!key) {
      key = this.keys.keysFor(tenantId).then(({ indexKey }) => indexKey);
      key.catch(() => this.cache.delete(tenantId));
      this.cache.set(tenantId, key);
    }
    return key;
  }
}
