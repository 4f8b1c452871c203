import { sumCounters } from '../domain/kpi/kpi-report';
import type { Tenant } from '../domain/tenant/tenant-schema';
import { StatsRepo } from '../store/stats-repo';
import type { Platform } from './platform';

/**
 * Platform-wide counters month by month (the dashboard's trends): one Query per institution and
 * month of the same aggregates the KPIs read, added up across institutions.
 */
export async function monthlyTotals(
  p: Platform,
  tenants: readonly Tenant[],
  months: readonly string[],
): Promise<Map<string, Record<string, number>>> {
  const stats = new StatsRepo(p.db);
  const perTenant = await Promise.all(tenants.map((t) => Promise.all(months.map((m) => stats.month(t.tableName, m)))));
  return new Map(months.map((m, i) => [m, sumCounters(perTenant.map((rows) => rows[i] ?? {}))]));
}
