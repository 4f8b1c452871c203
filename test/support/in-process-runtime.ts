// First: it extends zod, and zod 4 gives `.openapi` only to schemas created after that (routes use it at load).
import '@hono/zod-openapi';
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { inject } from 'vitest';
import { loadCursorKey } from '../../infra/local/adapters/cursor-key';
import { ensureTable } from '../../infra/local/adapters/ensure-table';
import { loadConfig } from '../../infra/local/config';
import { type DevIssuer, loadDevIssuer } from '../../infra/local/http/dev-issuer';
import { type LocalPlatform, platformFromConfig } from '../../infra/local/platform';
import { localApp } from '../../infra/local/start';
import { seedDemoTenants } from '../../infra/local/tools/seed';
import { LocalWebhooks } from '../../infra/local/webhooks/webhook-runtime';
import { resumeOpenLifecycles } from '../../infra/local/workflow/resume';
import type { AppEnv } from '../../shared/http/env';
import { requestLogFields } from '../../shared/http/request-log-fields';
import { jsonLogger, silentLogger } from '../../shared/ports/logger';
import { createLocalStoreClient, localClientConfig } from '../../shared/store/dynamo-client';
import { migrateOutdatedTenantTables } from '../../shared/store/table-migration';
import { controlPlaneTable } from '../../shared/store/table-names';
import { controlPlaneTableDefinition } from '../../shared/store/table-schemas';
import { jsonCall } from './json-call';
import type { RunningServer } from './local-server';

/**
 * What @hono/node-server hands the app for a request from this machine: the local guards and the
 * throttles read the TCP peer from it, so an in-process request is a loopback client's request.
 */
const LOOPBACK_PEER = { incoming: { socket: { remoteAddress: '127.0.0.1', remotePort: 0, remoteFamily: 'IPv4' } } };

let counter = 0;
const STORE_TIMEOUT_MS = 30_000;

export type InProcessRuntime = Pick<RunningServer, 'dataDir' | 'output' | 'token' | 'call'> & {
  app: OpenAPIHono<AppEnv>;
  platform: LocalPlatform;
  issuer: DevIssuer;
  seeded: string[];
  /** With `listen`: the same app served on PORT (0: any free one) of HOST, for clients that need a URL. */
  url: string;
  stop: () => Promise<void>;
};

/**
 * The platform as `npm start` composes it (the same config parsing from the same variables, the
 * seed, the resume, the webhook runtime, the dev issuer, and start.ts's own `localApp` with the
 * /_local routes and the guards), in this process on the suite's DynamoDB Local under a table prefix
 * of its own, called with app.request(). What it leaves out is the process: no data-dir lock, no
 * supervised JVM, no socket unless `listen`, no signals — tests of those keep `startServer`.
 */
export async function startInProcess(
  o: { env?: Record<string, string>; listen?: boolean } = {},
): Promise<InProcessRuntime> {
  const dataDir = mkdtempSync(join(tmpdir(), 'redress-inproc-'));
  const config = loadConfig({
    PORT: '0',
    REDRESS_DATA_DIR: dataDir,
    // As startServer: unthrottled unless a test turns the limits on.
    REDRESS_RATE_LIMITS: 'off',
    REDRESS_TABLE_PREFIX: `ip${process.pid}-${++counter}-${Date.now().toString(36)}-`,
    ...o.env,
  });
  let output = '';
  // start.ts's logger, writing where the test can read it rather than to stdout.
  const logger = config.log === 'silent' ? silentLogger : jsonLogger((l) => (output += `${l}\n`), {}, requestLogFields);
  const dynamoEndpoint = inject('dynamoEndpoint');
  // One DynamoDB Local serves every in-process file at once (a child process had a JVM of its own):
  // on two shared cores a call waited past the product's 5 s and a setup got a 503. Latency is not
  // these tests' subject, so they wait longer, as testPlatform's `requestTimeoutMs` lets store tests.
  const base = localClientConfig(dynamoEndpoint);
  // As npm start: the stream poller hears of every answered write.
  let written: (tables: readonly string[]) => void = () => undefined;
  const db = createLocalStoreClient(
    dynamoEndpoint,
    { requestHandler: { ...(base.requestHandler as object), requestTimeout: STORE_TIMEOUT_MS } },
    (tables) => written(tables),
  );

  const { platform, manual } = platformFromConfig(config, db, logger);
  let engineRunning = true;
  await ensureTable(db, controlPlaneTableDefinition(controlPlaneTable(platform.naming)));
  await migrateOutdatedTenantTables(db, platform.tenants, logger);
  // The control plane is always new here: seeded exactly when npm start seeds an empty data directory.
  const seeded = config.seed ? await seedDemoTenants(platform) : [];
  await resumeOpenLifecycles(platform);
  await platform.engine.settle();
  const webhooks = new LocalWebhooks(platform, { dynamoEndpoint, dataDir: config.dataDir });
  written = (tables) => webhooks.nudge(tables);
  await webhooks.start();
  const issuer = await loadDevIssuer(config.dataDir);
  const cursorKey = await loadCursorKey(config.dataDir, config.cursorKey);
  const app = await localApp(config, {
    platform,
    issuer,
    cursorKey,
    manual,
    webhooks,
    // The suite's DynamoDB Local is not supervised: it is there for the whole run.
    storeAvailable: () => true,
    engineRunning: () => engineRunning,
  });

  const server = o.listen
    ? await new Promise<{ url: string; close: () => Promise<void> }>((resolve) => {
        const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info: AddressInfo) =>
          resolve({
            url: `http://${config.host}:${info.port}`,
            close: () => new Promise<void>((r) => s.close(() => r())),
          }),
        );
      })
    : undefined;

  const call = jsonCall((path, init) =>
    app.request(
      `http://127.0.0.1${path}`,
      { ...init, headers: { host: '127.0.0.1', ...(init.headers as Record<string, string>) } },
      LOOPBACK_PEER,
    ),
  );
  let stopped: Promise<void> | undefined;
  return {
    app,
    platform,
    issuer,
    seeded,
    dataDir,
    get url() {
      if (!server)
        throw new Error('startInProcess({ listen: true }) serves the app on a port; without it there is no URL');
      return server.url;
    },
    output: () => output,
    call,
    token: async (req) => {
      const res = await call('POST', '/_local/tokens', { body: req });
      if (res.status !== 200) throw new Error(`token request failed: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.token as string;
    },
    // start.ts's stops, in its order: the socket, the webhook runtime, the engine, the client.
    stop: () =>
      (stopped ??= (async () => {
        await server?.close();
        await webhooks.stop();
        engineRunning = false;
        platform.engine.stop();
        db.destroy();
      })()),
  };
}
