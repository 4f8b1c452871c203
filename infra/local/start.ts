import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type ServerType, serve } from '@hono/node-server';
import { NON_REGULATOR_GRANTS } from '../../shared/auth/roles';
import { createTokenVerifier, type TrustedIssuer } from '../../shared/auth/verifier';
import { createApp } from '../../shared/http/app';
import { requestLogFields } from '../../shared/http/request-log-fields';
import type { DocsAssets } from '../../shared/http/routes/docs-routes';
import { adminSurface } from '../../shared/http/surfaces/admin';
import { regulatorSurface } from '../../shared/http/surfaces/regulator';
import { tenantSurface } from '../../shared/http/surfaces/tenant';
import { systemClock } from '../../shared/ports/clock';
import { jsonLogger, type Logger, silentLogger } from '../../shared/ports/logger';
import { createDocumentClient, localClientConfig } from '../../shared/store/dynamo-client';
import { controlPlaneTable } from '../../shared/store/table-names';
import { controlPlaneTableDefinition } from '../../shared/store/table-schemas';
import type { LocalConfig } from './config';
import { lockDataDir } from './data-dir-lock';
import { type DevIssuer, loadDevIssuer } from './dev-issuer';
import { startDynamoDbLocal } from './dynamodb-local';
import { ensureTable } from './ensure-table';
import { localRoutes } from './local-routes';
import { type LocalPlatform, localPlatform } from './platform';
import { seedDemoTenants } from './seed';
import { LocalWebhooks, settleAll } from './webhooks/webhook-runtime';
import { resumeOpenLifecycles } from './workflow/resume';
import { ManualClock, realScheduler } from './workflow/scheduler';

export type LocalPlatformHandle = {
  url: string;
  port: number;
  dynamoEndpoint: string;
  issuer: DevIssuer;
  seeded: string[];
  resumed: number;
  platform: LocalPlatform;
  stop: () => Promise<void>;
};

/** Swagger UI's files from the swagger-ui-dist package, read once. */
function swaggerAssets(): DocsAssets {
  const dir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  const cache = new Map<string, Promise<string>>();
  return (name) => {
    if (!cache.has(name)) cache.set(name, readFile(join(dir, name), 'utf8'));
    return cache.get(name)!;
  };
}

/**
 * The local composition root: DynamoDB Local, the control-plane table, the dev issuer, the demo
 * tenants on an empty data directory, and the whole Hono app on one port.
 */
export async function startLocalPlatform(
  config: LocalConfig,
  logger: Logger = config.log === 'silent'
    ? silentLogger
    : jsonLogger((l) => process.stdout.write(`${l}\n`), {}, requestLogFields),
): Promise<LocalPlatformHandle> {
  const unlock = await lockDataDir(config.dataDir);
  const stops: (() => Promise<void>)[] = [unlock];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch(() => undefined);
  };
  try {
    const dynamo = await startDynamoDbLocal({
      dbPath: config.dynamoStorage === 'memory' ? 'memory' : join(config.dataDir, 'dynamodb'),
      ...(config.dynamoPort !== undefined && { port: config.dynamoPort }),
      onExit: (code) => logger.info('dynamodb local exited', { code }),
    });
    stops.push(dynamo.stop);
    const db = createDocumentClient(localClientConfig(dynamo.endpoint));
    stops.push(async () => db.destroy());

    const manual = config.clock === 'manual' ? new ManualClock(join(config.dataDir, 'clock.json')) : undefined;
    const platform = localPlatform({
      db,
      dataDir: config.dataDir,
      tablePrefix: config.tablePrefix,
      clock: manual ?? systemClock,
      scheduler: manual ?? realScheduler,
      logger,
    });
    stops.push(async () => platform.engine.stop());
    const fresh = await ensureTable(db, controlPlaneTableDefinition(controlPlaneTable(platform.naming)));
    const seedMarker = join(config.dataDir, 'seed-pending');
    if (fresh && config.seed) await writeFile(seedMarker, '');
    const seeded = existsSync(seedMarker) ? await seedDemoTenants(platform) : [];
    await rm(seedMarker, { force: true });

    const resumeStarted = performance.now();
    const resumed = await resumeOpenLifecycles(platform);
    await platform.engine.settle();
    if (resumed > 0)
      logger.info('lifecycles resumed', { count: resumed, durationMs: Math.round(performance.now() - resumeStarted) });

    const webhooks = new LocalWebhooks(platform, { dynamoEndpoint: dynamo.endpoint, dataDir: config.dataDir });
    stops.push(() => webhooks.stop());
    const resumedDeliveries = await webhooks.start();
    if (resumedDeliveries > 0) logger.info('webhook deliveries resumed', { count: resumedDeliveries });

    const issuer = await loadDevIssuer(config.dataDir);
    const trusted: TrustedIssuer[] = [
      { issuer: issuer.issuer, audience: issuer.audience, jwks: issuer.jwks, algorithms: ['ES256'] },
    ];
    if (config.idp)
      trusted.push({
        issuer: config.idp.issuer,
        audience: config.idp.audience,
        jwks: new URL(config.idp.jwksUrl),
        allowedGrants: NON_REGULATOR_GRANTS,
      });
    const app = createApp({
      platform,
      surfaces: [tenantSurface, adminSurface, regulatorSurface],
      verify: createTokenVerifier(trusted),
      docsAssets: swaggerAssets(),
      extend: localRoutes(issuer, {
        manual,
        settle: () => settleAll(platform, webhooks),
        now: () => platform.clock.now(),
      }),
    });

    const server = await new Promise<ServerType>((resolve, reject) => {
      const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
      s.once('error', (e: NodeJS.ErrnoException) =>
        reject(
          e.code === 'EADDRINUSE'
            ? new Error(
                `port ${config.port} on ${config.host} is in use; set PORT to another port (or 0 for any free one)`,
              )
            : e,
        ),
      );
    });
    stops.push(() => new Promise<void>((r) => server.close(() => r())));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    return {
      url: `http://${config.host}:${port}`,
      port,
      dynamoEndpoint: dynamo.endpoint,
      issuer,
      seeded,
      resumed,
      platform,
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}
