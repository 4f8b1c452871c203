import { ComplaintStatusSchema } from '../domain/complaint/status';
import { historyCounts } from '../domain/kpi/kpi-history';
import type { Tenant } from '../domain/tenant/tenant-schema';
import { GAUGES_MONTH } from '../store/stats-repo';
import type { Platform } from './platform';

const add = (into: Record<string, number>, from: Record<string, number>) => {
  for (const [k, v] of Object.entries(from)) into[k] = (into[k] ?? 0) + v;
};

/**
 * Rebuilds one institution's KPI aggregates from its complaints and their events, each read once
 * (by the status index, never a Scan), and replaces the stored ones month by month. For complaints
 * received before the aggregates were kept; run it with the platform stopped, since a change
 * committed meanwhile would be counted, or not, depending on when it fell.
 */
export async function rebuildKpis(p: Platform, tenant: Tenant): Promise<{ complaints: number; months: string[] }> {
  const months = new Map<string, Record<string, number>>();
  const gauges: Record<string, number> = {};
  let complaints = 0;
  for (const status of ComplaintStatusSchema.options) {
    let cursor: string | undefined;
    do {
      const page = await p.complaints.list(tenant.tableName, { status, limit: 100, ...(cursor && { cursor }) });
      for (const r of page.items) {
        const h = historyCounts(r, await p.kpiRebuild.eventHistory(tenant.tableName, r.id), tenant.timezone);
        for (const [month, counts] of h.months) add(months.get(month) ?? months.set(month, {}).get(month)!, counts);
        add(gauges, h.gauges);
        complaints++;
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  for (const [month, totals] of months) await p.kpiRebuild.replaceKpis(tenant.tableName, month, totals);
  await p.kpiRebuild.replaceKpis(tenant.tableName, GAUGES_MONTH, gauges);
  return { complaints, months: [...months.keys()].sort() };
}
