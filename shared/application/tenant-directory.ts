import { DomainError, forbidden } from '../domain/errors';
import type { Tenant } from '../domain/tenant/tenant-schema';
import type { TenantsRepo } from '../store/tenants-repo';

/**
 * Tenant look-ups on every request, cached for a few seconds: a suspension reaches every other
 * process within `ttlMs` and this process at once (suspend() evicts).
 */
export class TenantDirectory {
  private readonly cache = new Map<string, { tenant: Tenant | undefined; until: number }>();

  constructor(
    private readonly repo: TenantsRepo,
    private readonly ttlMs = 2000,
    private readonly now: () => number = Date.now,
  ) {}

  async find(id: string): Promise<Tenant | undefined> {
    const hit = this.cache.get(id);
    if (hit && hit.until > this.now()) return hit.tenant;
    const tenant = await this.repo.get(id);
    this.cache.set(id, { tenant, until: this.now() + this.ttlMs });
    return tenant;
  }

  /** Another institution a request names (a partner, a transfer's receiver): only an active one counts. */
  async findActive(id: string): Promise<Tenant | undefined> {
    const tenant = await this.find(id);
    return tenant?.status === 'active' ? tenant : undefined;
  }

  /** The caller's own tenant, which must exist and be active. */
  async active(id: string | undefined): Promise<Tenant> {
    if (!id) throw forbidden('tenant_required', 'this route is for tenant staff; the token names no tenant');
    const tenant = await this.find(id);
    if (!tenant) throw forbidden('unknown_tenant', 'the token names a tenant that does not exist');
    if (tenant.status === 'suspended') throw forbidden('tenant_suspended', 'this institution is suspended');
    if (tenant.status !== 'active')
      throw new DomainError('conflict', 'tenant_provisioning', 'this institution is still being set up');
    return tenant;
  }

  evict(id: string): void {
    this.cache.delete(id);
  }
}
