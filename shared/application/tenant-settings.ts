import type { Tenant } from '../domain/tenant/tenant-schema';
import type { UnitTree } from '../domain/tenant/units';
import type { Platform } from './platform';

type Entry<T> = { value: Promise<T>; until: number };

/**
 * Per-tenant settings read on every intake and every workflow tick (units, policy override), cached
 * for a few seconds. A change applies at once in the process that made it (it evicts) and within
 * `ttlMs` in every other one.
 */
export class TenantSettingsCache {
  private readonly entries = new Map<string, Entry<unknown>>();

  constructor(
    private readonly ttlMs = 5000,
    private readonly now: () => number = Date.now,
  ) {}

  get<T>(tenant: Tenant, kind: 'units' | 'policy', load: () => Promise<T>): Promise<T> {
    const key = `${tenant.id}|${kind}`;
    const hit = this.entries.get(key) as Entry<T> | undefined;
    if (hit && hit.until > this.now()) return hit.value;
    const value = load();
    this.entries.set(key, { value, until: this.now() + this.ttlMs });
    value.catch(() => this.entries.delete(key));
    return value;
  }

  evict(tenantId: string): void {
    this.entries.delete(`${tenantId}|units`);
    this.entries.delete(`${tenantId}|policy`);
  }
}

/** The tenant's unit hierarchy as intake and escalation read it (cached; GET /v1/units reads fresh). */
export const tenantUnits = (p: Platform, tenant: Tenant): Promise<UnitTree | undefined> =>
  p.settings.get(tenant, 'units', () => p.units.get(tenant.tableName));
