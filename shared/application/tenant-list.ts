import type { Tenant } from '../domain/tenant/tenant-schema';
import type { Platform } from './platform';

/** Every institution that has its table (active or suspended), page by page of the control plane. */
export async function tenantsWithTables(p: Pick<Platform, 'tenants'>): Promise<Tenant[]> {
  const out: Tenant[] = [];
  let cursor: string | undefined;
  do {
    const page = await p.tenants.list(100, cursor);
    out.push(...page.items.filter((t) => t.status !== 'provisioning'));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

/** One page of every institution on the platform, whatever its status (the operator's list). */
export function listTenants(
  p: Pick<Platform, 'tenants'>,
  limit: number,
  cursor: string | undefined,
): Promise<{ items: Tenant[]; nextCursor: string | null }> {
  return p.tenants.list(limit, cursor);
}
