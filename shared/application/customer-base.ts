import type { Principal } from '../auth/principal';
import { type CustomerBase, customerBasePeriods } from '../domain/kpi/customer-base';
import type { Tenant } from '../domain/tenant/tenant-schema';
import type { StoredCustomerBase } from '../store/customer-base-repo';
import type { Platform } from './platform';

/** The institution states its size for a period (replacing what it stated before for it). */
export async function stateCustomerBase(
  p: Platform,
  tenant: Tenant,
  principal: Principal,
  period: string,
  base: CustomerBase,
): Promise<StoredCustomerBase> {
  const stored: StoredCustomerBase = {
    period,
    ...base,
    updatedAt: p.clock.now().toISOString(),
    updatedBy: principal.sub,
  };
  await p.customerBase.put(tenant.tableName, stored);
  return stored;
}

/** What the institution stated for exactly this period. */
export async function statedCustomerBase(p: Platform, tenant: Tenant, period: string) {
  return (await p.customerBase.get(tenant.tableName, [period]))[0];
}

/** The figures that stand for the period (itself, else its quarter or the quarter's last month stated). */
export async function customerBaseFor(p: Platform, tenant: Tenant, period: string) {
  return (await p.customerBase.get(tenant.tableName, customerBasePeriods(period)))[0];
}
