import { rebuildKpis } from '../../../shared/application/kpi-rebuild';
import { supervisedTenants } from '../../../shared/application/regulator-kpis';
import type { LocalConfig } from '../config';
import { noPlatformData, withOfflinePlatform } from '../offline-platform';

export type RebuildReport = { tenantId: string; complaints: number; months: string[] };

/**
 * `npm run cli -- rebuild-kpis [--tenant X]`: with the platform stopped (the data-directory lock
 * says so), rebuilds the regulator's KPI aggregates of one institution, or of all, from their
 * complaints and events, each read once.
 */
export function rebuildKpisOffline(config: LocalConfig, tenantId?: string): Promise<RebuildReport[]> {
  return withOfflinePlatform(config, async (p) => {
    const all = await supervisedTenants(p).catch(noPlatformData(config));
    const tenants = tenantId ? all.filter((t) => t.id === tenantId) : all;
    if (tenantId && tenants.length === 0) throw new Error(`no institution ${tenantId}`);
    const out: RebuildReport[] = [];
    for (const t of tenants) out.push({ tenantId: t.id, ...(await rebuildKpis(p, t)) });
    return out;
  });
}
