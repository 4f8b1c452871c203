import { join } from 'node:path';
import { silentLogger } from '../../shared/ports/logger';
import { createLocalStoreClient } from '../../shared/store/dynamo-client';
import type { LocalConfig } from './config';
import { type LocalPlatform, platformFromConfig } from './platform';
import { lockDataDir } from './processes/data-dir-lock';
import { startDynamoDbLocal } from './processes/dynamodb-local';

/**
 * Runs a maintenance command on the local platform's data with the platform stopped (the
 * data-directory lock says so): its DynamoDB Local, a platform over it, and everything closed after.
 */
export async function withOfflinePlatform<T>(config: LocalConfig, run: (p: LocalPlatform) => Promise<T>): Promise<T> {
  const unlock = await lockDataDir(config.dataDir);
  // One command and done: C2 would compile for a load that never comes.
  const dynamo = await startDynamoDbLocal({ dbPath: join(config.dataDir, 'dynamodb'), jit: 'quick' });
  const db = createLocalStoreClient(dynamo.endpoint);
  try {
    return await run(platformFromConfig(config, db, silentLogger).platform);
  } finally {
    db.destroy();
    await dynamo.stop();
    await unlock();
  }
}

/** A store call on data that was never started reports that, not DynamoDB's own words. */
export const noPlatformData = (config: LocalConfig) => (e: Error) => {
  throw new Error(e.name === 'ResourceNotFoundException' ? `no platform data in ${config.dataDir}` : e.message);
};
