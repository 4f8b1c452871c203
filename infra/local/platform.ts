import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { httpWebhookSender } from '../../shared/adapters/node/http-webhook-sender';
import { CalendarSource } from '../../shared/application/calendar-source';
import { DEFAULT_MAX_BACKDATE_DAYS, type Platform } from '../../shared/application/platform';
import { TenantDirectory } from '../../shared/application/tenant-directory';
import { TenantSettingsCache } from '../../shared/application/tenant-settings';
import { attemptDelivery } from '../../shared/application/webhook-delivery';
import { handleWorkflowTask } from '../../shared/application/workflow-tasks';
import { FieldCipher } from '../../shared/pii/field-cipher';
import { KeyedHasher } from '../../shared/pii/keyed-hash';
import { type Clock, systemClock } from '../../shared/ports/clock';
import type { Logger } from '../../shared/ports/logger';
import { repositories } from '../../shared/store/repositories';
import { lifecycleDefinition } from '../../shared/workflow/definition';
import { FileKeyProvider } from './adapters/file-key-provider';
import { LocalProvisioner } from './adapters/local-provisioner';
import { LogNotifier } from './adapters/log-notifier';
import type { LocalConfig } from './config';
import { CachedWebhooksRepo } from './webhooks/cached-endpoints';
import { LocalDeliveryQueue } from './webhooks/local-delivery-queue';
import { LocalWorkflowEngine } from './workflow/local-engine';
import { ManualClock, realScheduler, type Scheduler } from './workflow/scheduler';

/**
 * The local runtime's platform. It keeps its DynamoDB client beside the repositories for its own
 * adapters (the stream poller, table creation) and for tests; use cases take `Platform`, which has none.
 */
export type LocalPlatform = Platform & {
  db: DynamoDBDocumentClient;
  engine: LocalWorkflowEngine;
  deliveries: LocalDeliveryQueue;
};

/** The local runtime's adapters behind the application's ports, the workflow engine among them. */
export function localPlatform(o: {
  db: DynamoDBDocumentClient;
  dataDir: string;
  tablePrefix: string;
  clock: Clock;
  scheduler?: Scheduler;
  logger: Logger;
  maxBackdateDays?: number;
}): LocalPlatform {
  const naming = { prefix: o.tablePrefix };
  const keys = new FileKeyProvider(o.dataDir);
  const repos = repositories(o.db, naming);
  const deliveries = new LocalDeliveryQueue(o.scheduler ?? realScheduler, o.clock, o.logger);
  const platform = {
    db: o.db,
    naming,
    ...repos,
    // Same process serves every request and evicts on suspension, so the cache cannot go stale here.
    directory: new TenantDirectory(repos.tenants, 2000),
    settings: new TenantSettingsCache(5000),
    calendars: new CalendarSource(repos.calendarYears),
    // The dispatcher asks for a tenant's endpoints on every batch; this process makes every change to them.
    webhooks: new CachedWebhooksRepo(o.db),
    // Locally an endpoint on this machine or the LAN is the usual development target.
    webhookDelivery: { sender: httpWebhookSender, queue: deliveries, strictDestinations: false },
    deliveries,
    cipher: new FieldCipher(keys),
    hasher: new KeyedHasher(keys),
    clock: o.clock,
    provisioner: new LocalProvisioner(o.db, repos.tenants),
    notifier: new LogNotifier(o.logger),
    logger: o.logger,
    randomBytes: (n: number) => new Uint8Array(randomBytes(n)),
    maxBackdateDays: o.maxBackdateDays ?? DEFAULT_MAX_BACKDATE_DAYS,
  } as Omit<LocalPlatform, 'workflow' | 'engine'> as LocalPlatform;
  deliveries.bind(({ tenant, ref, known }) => attemptDelivery(platform, tenant, ref, known));
  // The engine calls the task handlers with the platform, and the platform completes tasks through the engine.
  const engine = new LocalWorkflowEngine(
    lifecycleDefinition(),
    (task) => handleWorkflowTask(platform, task),
    o.scheduler ?? realScheduler,
    () => o.clock.now().getTime(),
    o.logger,
  );
  platform.workflow = engine;
  platform.engine = engine;
  return platform;
}

/**
 * The platform as the local runtime's configuration asks for it: the manual clock (kept in the data
 * directory) when `REDRESS_CLOCK=manual`, the system clock otherwise. `npm start`, the offline
 * commands and the in-process test runtime all compose it here.
 */
export function platformFromConfig(
  config: Pick<LocalConfig, 'clock' | 'dataDir' | 'tablePrefix' | 'maxBackdateDays'>,
  db: DynamoDBDocumentClient,
  logger: Logger,
): { platform: LocalPlatform; manual: ManualClock | undefined } {
  const manual = config.clock === 'manual' ? new ManualClock(join(config.dataDir, 'clock.json')) : undefined;
  const platform = localPlatform({
    db,
    dataDir: config.dataDir,
    tablePrefix: config.tablePrefix,
    clock: manual ?? systemClock,
    scheduler: manual ?? realScheduler,
    logger,
    maxBackdateDays: config.maxBackdateDays,
  });
  return { platform, manual };
}
