import { type Repair, repairLifecycle, repairLifecyclePage } from './lifecycle-repair';
import type { Platform } from './platform';
import { provisionedTenant } from './tenants';

/**
 * The operator's lifecycle repair of one institution on a running platform (in AWS the only way to
 * run it): one complaint, or one page of its open complaints, so a large institution is repaired in
 * requests that each end well inside the API's time limit; `nextCursor` continues.
 */
export async function repairTenantLifecycles(
  p: Platform,
  tenantId: string,
  o: { complaintId?: string; cursor?: string },
): Promise<{ repairs: Repair[]; nextCursor: string | null }> {
  const tenant = await provisionedTenant(p, tenantId);
  if (!o.complaintId) return repairLifecyclePage(p, tenant, o.cursor ? { cursor: o.cursor } : {});
  const repair = await repairLifecycle(p, tenant, o.complaintId);
  return { repairs: repair ? [repair] : [], nextCursor: null };
}
