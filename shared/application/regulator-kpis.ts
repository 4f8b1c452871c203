import { type Ratios, ratiosOf } from '../domain/kpi/customer-base';
import { type Gauges, gaugesFrom, type Kpis, kpisFrom } from '../domain/kpi/kpi-report';
import { monthsOf } from '../domain/kpi/period';
import type { Tenant } from '../domain/tenant/tenant-schema';
import type { StoredCustomerBase } from '../store/customer-base-repo';
import { customerBaseFor } from './customer-base';
import type { Platform } from './platform';
import { listTenants, tenantsWithTables } from './tenant-list';

export type InstitutionKpis = {
  id: string;
  name: string;
  kind: Tenant['kind'];
  status: string;
  policy: string;
  period: string;
  kpis: Kpis;
  gauges: Gauges;
  /** The size the institution stated for the period (null: none), and volume against it. */
  customerBase: { period: string; customers?: number; policies?: number; premiumYuan?: number } | null;
} & Ratios;

/** Every institution the regulator supervises: those with a table, suspended ones included. */
export const supervisedTenants = (p: Platform): Promise<Tenant[]> => tenantsWithTables(p);

/** An institution's summed counters for a period, and its gauges: a few Queries, whatever its volume. */
export async function institutionTotals(p: Platform, tenant: Tenant, period: string) {
  const [totals, gauges] = await Promise.all([
    p.stats.months(tenant.tableName, monthsOf(period)),
    p.stats.gauges(tenant.tableName),
  ]);
  return { totals, gauges };
}

export async function institutionKpis(p: Platform, tenant: Tenant, period: string): Promise<InstitutionKpis> {
  const [{ totals, gauges }, base] = await Promise.all([
    institutionTotals(p, tenant, period),
    customerBaseFor(p, tenant, period),
  ]);
  return institutionKpisFrom(tenant, period, totals, gauges, base);
}

/** An institution as the regulator's list shows it without a period. */
export type InstitutionSummary = Pick<Tenant, 'id' | 'name' | 'kind' | 'status' | 'policy'>;

/**
 * One page of the platform's institutions; with a period, each that has its table carries its
 * figures for it (one that is still provisioning has none to read).
 */
export async function institutionsPage(
  p: Platform,
  o: { limit: number; cursor?: string; period?: string },
): Promise<{ items: (InstitutionKpis | InstitutionSummary)[]; nextCursor: string | null }> {
  const page = await listTenants(p, o.limit, o.cursor);
  const items = await Promise.all(
    page.items.map(async (t) =>
      o.period && t.status !== 'provisioning'
        ? await institutionKpis(p, t, o.period)
        : { id: t.id, name: t.name, kind: t.kind, status: t.status, policy: t.policy },
    ),
  );
  return { items, nextCursor: page.nextCursor };
}

/** An institution's figures from its summed counters, its gauges and the size it stated (if any). */
export function institutionKpisFrom(
  tenant: Tenant,
  period: string,
  totals: Record<string, number>,
  gauges: Record<string, number>,
  base: StoredCustomerBase | undefined,
): InstitutionKpis {
  const kpis = kpisFrom(totals);
  return {
    id: tenant.id,
    name: tenant.name,
    kind: tenant.kind,
    status: tenant.status,
    policy: tenant.policy,
    period,
    kpis,
    gauges: gaugesFrom(gauges),
    customerBase: base
      ? {
          period: base.period,
          ...(base.customers !== undefined && { customers: base.customers }),
          ...(base.policies !== undefined && { policies: base.policies }),
          ...(base.premiumYuan !== undefined && { premiumYuan: base.premiumYuan }),
        }
      : null,
    ...ratiosOf(kpis.received, base),
  };
}
