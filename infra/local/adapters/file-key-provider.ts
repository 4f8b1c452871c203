import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { TenantIdSchema } from '../../../shared/domain/tenant/tenant-schema';
import type { KeyProvider, TenantKeys } from '../../../shared/pii/key-provider';
import { readOrCreateJson } from './json-file';

/** Per-tenant keys as files in the data directory (0600), made on first use and cached. */
export class FileKeyProvider implements KeyProvider {
  private readonly cache = new Map<string, Promise<TenantKeys>>();

  constructor(private readonly dataDir: string) {}

  keysFor(tenantId: string): Promise<TenantKeys> {
    let keys = this.cache.get(tenantId);
    if (!keys) {
      keys = this.load(TenantIdSchema.parse(tenantId));
      keys.catch(() => this.cache.delete(tenantId));
      this.cache.set(tenantId, keys);
    }
    return keys;
  }

  private async load(tenantId: string): Promise<TenantKeys> {
    const stored = await readOrCreateJson(join(this.dataDir, 'keys', `${tenantId}.json`), () => ({
      dataKeyId: `${tenantId}-1`,
      dataKey: randomBytes(32).toString('base64'),
      indexKey: randomBytes(32).toString('base64'),
    }));
    return {
      dataKeyId: stored.dataKeyId,
      dataKey: new Uint8Array(Buffer.from(stored.dataKey, 'base64')),
      indexKey: new Uint8Array(Buffer.from(stored.indexKey, 'base64')),
    };
  }
}
