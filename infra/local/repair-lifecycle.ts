import { join } from 'node:path';
import { type Repair, repairLifecycles } from '../../shared/application/lifecycle-repair';
import { systemClock } from '../../shared/ports/clock';
import { silentLogger } from '../../shared/ports/logger';
import { createDocumentClient, localClientConfig } from '../../shared/store/dynamo-client';
import type { LocalConfig } from './config';
import { lockDataDir } from './data-dir-lock';
import { startDynamoDbLocal } from './dynamodb-local';
import { localPlatform } from './platform';
import { ManualClock, realScheduler } from './workflow/scheduler';

/**
 * `npm run cli -- repair-lifecycle`: with the platform stopped (the data-directory lock says so),
 * opens its DynamoDB Local data and moves broken lifecycles back to the step their record is at.
 * The next start resumes every open lifecycle at its stored step, so they re-enter there.
 */
export async function repairOffline(config: LocalConfig, tenantId: string, complaintId?: string): Promise<Repair[]> {
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
    const tenant = await p.directory.find(tenantId).catch((e: Error) => {
      throw new Error(e.name === 'ResourceNotFoundException' ? `no platform data in ${config.dataDir}` : e.message);
    });
    if (!tenant) throw new Error(`no institution ${tenantId}`);
    return await repairLifecycles(p, tenant, complaintId ? { complaintId } : {});
  } finally {
    db.destroy();
    await dynamo.stop();
    await unlock();
  }
}
