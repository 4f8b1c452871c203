import { join } from 'node:path';
import { rebuildKpis } from '../../shared/application/kpi-rebuild';
import { supervisedTenants } from '../../shared/application/regulator-kpis';
import { systemClock } from '../../shared/ports/clock';
import { silentLogger } from '../../shared/ports/logger';
import { createDocumentClient, localClientConfig } from '../../shared/store/dynamo-client';
import type { LocalConfig } from './config';
import { lockDataDir } from './data-dir-lock';
import { startDynamoDbLocal } from './dynamodb-local';
import { localPlatform } from './platform';
import { ManualClock, realScheduler } from './workflow/scheduler';

export type RebuildReport = { tenantId: string; complaints: number; months: string[] };

/**
 * `npm run cli -- rebuild-kpis [--tenant X]`: with the platform stopped (the data-directory lock
 * says so), rebuilds the regulator's KPI aggregates of one institution, or of all, from their
 * complaints and events, each read once.
 */
export async function rebuildKpisOffline(config: LocalConfig, tenantId?: string): Promise<RebuildReport[]> {
  const unlock = await lockDataDir(config.dataDir);
  const dynamo = await startDynamoDbLocal({ dbPath: join(config.dataDir, 'dynamodb') });
  const db = createDocumentClient(localClientConfig(dynamo.endpoint));
  try {
    const manual = config.clock === 'manual' ? new ManualClock(join(config.dataDir, 'clock.json')) : undefined;
    const p = localPlatform({
      db,
      dataDir: config.dataDir,
      tablePrefix: config.tablePrefix,
      clock: manual ?? systemClock,
      scheduler: manual ?? realScheduler,
      logger: silentLogger,
    });
    const all = await supervisedTenants(p).catch((e: Error) => {
      throw new Error(e.name === 'ResourceNotFoundException' ? `no platform data in ${config.dataDir}` : e.message);
    });
    const tenants = tenantId ? all.filter((t) => t.id === tenantId) : all;
    if (tenantId && tenants.length === 0) throw new Error(`no institution ${tenantId}`);
    const out: RebuildReport[] = [];
    for (const t of tenants) out.push({ tenantId: t.id, ...(await rebuildKpis(p, t)) });
    return out;
  } finally {
    db.destroy();
    await dynamo.stop();
    await unlock();
  }
}
