import { type Repair, repairLifecycles } from '../../../shared/application/lifecycle-repair';
import type { LocalConfig } from '../config';
import { noPlatformData, withOfflinePlatform } from '../offline-platform';

/**
 * `npm run cli -- repair-lifecycle`: with the platform stopped (the data-directory lock says so),
 * opens its DynamoDB Local data and moves broken lifecycles back to the step their record is at.
 * The next start resumes every open lifecycle at its stored step, so they re-enter there.
 */
export function repairOffline(config: LocalConfig, tenantId: string, complaintId?: string): Promise<Repair[]> {
  return withOfflinePlatform(config, async (p) => {
    const tenant = await p.directory.find(tenantId).catch(noPlatformData(config));
    if (!tenant) throw new Error(`no institution ${tenantId}`);
    // Nothing runs the lifecycles here: only their positions move.
    return await repairLifecycles(p, tenant, { offline: true, ...(complaintId && { complaintId }) });
  });
}
