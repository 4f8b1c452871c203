import { sumCounters } from '../domain/kpi/kpi-report';
import { monthsOf } from '../domain/kpi/period';
import { monthsEndingWith } from '../domain/kpi/period-window';
import type { Tenant } from '../domain/tenant/tenant-schema';
import { customerBaseFor } from './customer-base';
import type { Platform } from './platform';
import { type InstitutionKpis, institutionKpisFrom, supervisedTenants } from './regulator-kpis';

export type SupervisionDashboard = {
  /** Every institution's figures for the period, as GET /regulator/v1/institutions gives them. */
  league: InstitutionKpis[];
  /** The trend window's months, oldest first, each with the platform-wide counters of that month. */
  months: { month: string; totals: Record<string, number> }[];
};

/**
 * Institutions read a few at a time: each is a dozen small Queries, and a burst of a hundred at once
 * makes DynamoDB Local refuse connections (the local store's 1 s connection timeout) for no gain.
 */
const IN_FLIGHT = 3;

async function eachLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/**
 * The dashboard's figures: per institution, one Query per month of the trend window (the period's
 * months among them), its gauges and its stated size, whatever the number of its complaints.
 */
export async function supervisionDashboard(
  p: Platform,
  period: string,
  trendMonths: number,
): Promise<SupervisionDashboard> {
  const window = monthsEndingWith(period, Math.max(trendMonths, monthsOf(period).length));
  const inPeriod = new Set(monthsOf(period));
  const tenants = await supervisedTenants(p);
  const per = await eachLimited(tenants, IN_FLIGHT, async (tenant: Tenant) => {
    const [months, gauges, base] = await Promise.all([
      Promise.all(window.map((m) => p.stats.month(tenant.tableName, m))),
      p.stats.gauges(tenant.tableName),
      customerBaseFor(p, tenant, period),
    ]);
    const totals = sumCounters(months.filter((_, i) => inPeriod.has(window[i]!)));
    return { months, row: institutionKpisFrom(tenant, period, totals, gauges, base) };
  });
  return {
    league: per.map((x) => x.row),
    months: window.map((month, i) => ({ month, totals: sumCounters(per.map((x) => x.months[i] ?? {})) })),
  };
}
