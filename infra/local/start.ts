import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type ServerType, serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { externalTrustedIssuers } from '../../shared/auth/trusted-issuers';
import { createTokenVerifier, type TrustedIssuer } from '../../shared/auth/verifier';
import { createApp } from '../../shared/http/app';
import { requestLogFields } from '../../shared/http/request-log-fields';
import type { DocsAssets } from '../../shared/http/routes/docs-routes';
import { adminSurface } from '../../shared/http/surfaces/admin';
import { regulatorSurface } from '../../shared/http/surfaces/regulator';
import { tenantSurface } from '../../shared/http/surfaces/tenant';
import { jsonLogger, type Logger, silentLogger } from '../../shared/ports/logger';
import { createLocalStoreClient } from '../../shared/store/dynamo-client';
import { migrateOutdatedTenantTables } from '../../shared/store/table-migration';
import { controlPlaneTable } from '../../shared/store/table-names';
import { controlPlaneTableDefinition } from '../../shared/store/table-schemas';
import { oidcSignInMethods } from '../../shared/web/auth/oidc-methods';
import { loadCursorKey } from './adapters/cursor-key';
import { ensureTable } from './adapters/ensure-table';
import type { LocalConfig } from './config';
import { type DevIssuer, loadDevIssuer } from './http/dev-issuer';
import { hostAllowList, isLoopbackHost, localRoutesGuard, storeAvailability } from './http/local-guards';
import { localRoutes } from './http/local-routes';
import { localWeb } from './http/local-web';
import { type LocalPlatform, platformFromConfig } from './platform';
import { lockDataDir } from './processes/data-dir-lock';
import { superviseDynamoDbLocal } from './processes/dynamodb-supervisor';
import { seedDemoTenants } from './tools/seed';
import { LocalWebhooks, settleAll } from './webhooks/webhook-runtime';
import { resumeOpenLifecycles } from './workflow/resume';
import type { ManualClock } from './workflow/scheduler';

export type LocalPlatformHandle = {
  url: string;
  port: number;
  dynamoEndpoint: string;
  /** Why DynamoDB Local is reachable from other hosts; undefined when it listens on 127.0.0.1 only. */
  dynamoExposed: string | undefined;
  issuer: DevIssuer;
  seeded: string[];
  /** The open lifecycles resumed, once every one is parked (the API serves before). */
  resumed: Promise<number>;
  platform: LocalPlatform;
  stop: () => Promise<void>;
  /** Resolves, with the reason, if the platform can no longer serve (DynamoDB Local did not come back). */
  fatal: Promise<string>;
};

/**
 * Anyone who reaches a non-loopback HOST could mint any token, platform-admin included: refused
 * unless development identities are off and the platform trusts only the external IdP.
 */
function assertSafeExposure(config: LocalConfig) {
  if (isLoopbackHost(config.host) || !config.devIdentities) return;
  throw new Error(
    `HOST=${config.host} would let anyone who can reach this machine mint tokens of any role with the development issuer.\n` +
      'Keep HOST=127.0.0.1 (the default), or set REDRESS_DEV_IDENTITIES=0 to run with an external IdP only (REDRESS_IDP_ISSUER, REDRESS_IDP_AUDIENCE, REDRESS_IDP_JWKS_URL).',
  );
}

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
 * The whole Hono app of the local runtime from the parts startLocalPlatform made: every surface and
 * the pages, the dev issuer beside the external ones, the throttles, the /_local routes and the
 * local guards. Exported so in-process tests serve exactly this app without a process of their own.
 */
export async function localApp(
  config: LocalConfig,
  parts: {
    platform: LocalPlatform;
    issuer: DevIssuer;
    cursorKey: Uint8Array;
    manual: ManualClock | undefined;
    webhooks: LocalWebhooks;
    storeAvailable: () => boolean;
    engineRunning: () => boolean;
  },
) {
  const { platform, issuer, cursorKey, manual, webhooks } = parts;
  const trusted: TrustedIssuer[] = config.devIdentities
    ? [{ issuer: issuer.issuer, audience: issuer.audience, jwks: issuer.jwks, algorithms: ['ES256'] }]
    : [];
  trusted.push(...externalTrustedIssuers(config.issuers));
  return createApp({
    platform,
    surfaces: [tenantSurface, adminSurface, regulatorSurface],
    web: await localWeb({
      cursorKey,
      devIssuer: config.devIdentities ? issuer.issuer : undefined,
      signIn: oidcSignInMethods(config.oidc),
    }),
    verify: createTokenVerifier(trusted),
    docsAssets: swaggerAssets(),
    cursorKey,
    ...(config.rateLimits !== 'off' && {
      throttle: { limits: config.rateLimits, address: (c) => getConnInfo(c).remote.address },
      tenantLimit: { defaultRequestsPerMinute: config.rateLimits.tenantRequestsPerMinute },
    }),
    extend: localRoutes(config.devIdentities ? issuer : undefined, {
      manual,
      settle: () => settleAll(platform, webhooks),
      now: () => platform.clock.now(),
    }),
    guards: [
      hostAllowList(config.host, config.allowedHosts),
      localRoutesGuard,
      storeAvailability(parts.storeAvailable),
    ],
    readiness: () => ({ store: parts.storeAvailable(), engine: parts.engineRunning() }),
  });
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
  assertSafeExposure(config);
  const unlock = await lockDataDir(config.dataDir);
  const stops: (() => Promise<void>)[] = [unlock];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch(() => undefined);
  };
  try {
    let giveUp: (reason: string) => void = () => undefined;
    const fatal = new Promise<string>((r) => (giveUp = r));
    let recovered: () => void = () => undefined;
    const dynamo = await superviseDynamoDbLocal({
      dbPath: config.dynamoStorage === 'memory' ? 'memory' : join(config.dataDir, 'dynamodb'),
      ...(config.dynamoPort !== undefined && { port: config.dynamoPort }),
      jit: config.dynamoJit,
      logger,
      onRecovered: () => recovered(),
      onGiveUp: (reason) => giveUp(reason),
    });
    stops.push(dynamo.stop);
    // The stream poller reads a table as soon as a write to it is answered (it exists a little later).
    let written: (tables: readonly string[]) => void = () => undefined;
    const db = createLocalStoreClient(dynamo.endpoint, {}, (tables) => written(tables));
    stops.push(async () => db.destroy());

    const { platform, manual } = platformFromConfig(config, db, logger);
    let engineRunning = true;
    stops.push(async () => {
      engineRunning = false;
      platform.engine.stop();
    });
    // Executions whose task met the outage failed: each open complaint gets its lifecycle back
    // (executions still running are left alone; a start is idempotent by name).
    recovered = () =>
      void resumeOpenLifecycles(platform).then(
        (count) => logger.info('lifecycles resumed after the database came back', { count }),
        (e: Error) => logger.error('lifecycles not resumed', { errorName: e.name }),
      );
    const fresh = await ensureTable(db, controlPlaneTableDefinition(controlPlaneTable(platform.naming)));
    await migrateOutdatedTenantTables(db, platform.tenants, logger);
    const seedMarker = join(config.dataDir, 'seed-pending');
    if (fresh && config.seed) await writeFile(seedMarker, '');
    const seeded = existsSync(seedMarker) ? await seedDemoTenants(platform) : [];
    await rm(seedMarker, { force: true });

    const webhooks = new LocalWebhooks(platform, { dynamoEndpoint: dynamo.endpoint, dataDir: config.dataDir });
    stops.push(() => webhooks.stop());
    written = (tables) => webhooks.nudge(tables);
    const resumedDeliveries = await webhooks.start();
    if (resumedDeliveries > 0) logger.info('webhook deliveries resumed', { count: resumedDeliveries });

    const issuer = await loadDevIssuer(config.dataDir);
    const cursorKey = await loadCursorKey(config.dataDir, config.cursorKey);
    const app = await localApp(config, {
      platform,
      issuer,
      cursorKey,
      manual,
      webhooks,
      storeAvailable: dynamo.available,
      engineRunning: () => engineRunning,
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
    // Served while the engine resumes: an action on a complaint not parked yet is decided by its
    // record, and the resume then parks it where the record says (or delivers the signal it missed).
    const resumeStarted = performance.now();
    const stopResume = new AbortController();
    stops.push(async () => stopResume.abort());
    const resumed = resumeOpenLifecycles(platform, stopResume.signal)
      .then(async (count) => {
        await platform.engine.settle();
        if (count > 0)
          logger.info('lifecycles resumed', { count, durationMs: Math.round(performance.now() - resumeStarted) });
        return count;
      })
      .catch((e: Error) => {
        if (!stopResume.signal.aborted) logger.error('lifecycles not resumed', { errorName: e.name });
        return 0;
      });
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    return {
      url: `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`,
      port,
      dynamoEndpoint: dynamo.endpoint,
      dynamoExposed: dynamo.exposed,
      issuer,
      seeded,
      resumed,
      platform,
      stop,
      fatal,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}
