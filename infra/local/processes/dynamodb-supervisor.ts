import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import type { Logger } from '../../../shared/ports/logger';
import { createDocumentClient, localClientConfig } from '../../../shared/store/dynamo-client';
import { type DynamoDbJit, type DynamoDbLocal, startDynamoDbLocal } from './dynamodb-local';
import { portIsFree } from './free-port';

/** Waits before each restart attempt: about 8 s in all before the platform gives up. */
const BACKOFF_MS = [200, 500, 1000, 2000, 4000];
const PROBE_EVERY_MS = 1000;
/**
 * Probes in a row (each given 3 s) that must fail before a running but silent (frozen) database
 * counts as down: about 10 s, so a JVM merely starved of CPU is not taken for a frozen one.
 */
const PROBES_TO_DOWN = 3;

export type SupervisedDynamoDb = {
  endpoint: string;
  port: number;
  javaPid: () => number;
  exposed: string | undefined;
  /** True while DynamoDB Local runs and answers its probe. */
  available: () => boolean;
  stop: () => Promise<void>;
};

/**
 * DynamoDB Local under supervision. A JVM that dies is restarted on the same data directory and
 * port (the data on disk survives it) with backoff; when it cannot come back, `onGiveUp` is told
 * why (in memory, nothing can come back). A JVM that stops answering (frozen, swapping) is marked
 * unavailable until its probe answers again; `onRecovered` runs whenever it is available again.
 */
export async function superviseDynamoDbLocal(o: {
  dbPath: string | 'memory';
  port?: number;
  jit?: DynamoDbJit;
  logger: Logger;
  onRecovered: () => void;
  onGiveUp: (reason: string) => void;
}): Promise<SupervisedDynamoDb> {
  let stopping = false;
  let running = true;
  let silentProbes = 0;
  const start = async (port?: number) => {
    let self: DynamoDbLocal | undefined;
    self = await startDynamoDbLocal({
      dbPath: o.dbPath,
      ...(port !== undefined && { port }),
      ...(o.jit && { jit: o.jit }),
      onExit: (code, signal) => {
        if (stopping) return void o.logger.info('dynamodb local exited', { code });
        // A JVM that failed while starting is the restart loop's business, not a new death.
        if (self === undefined || self !== current) return;
        running = false;
        o.logger.error('dynamodb local died', { code, signal });
        void restart(`exited with ${signal ?? `code ${code}`}`);
      },
    });
    return self;
  };
  let current: DynamoDbLocal = await start(o.port);
  o.logger.info('dynamodb local started', { port: current.port, javaPid: current.javaPid });

  const restart = async (why: string) => {
    if (o.dbPath === 'memory') return o.onGiveUp(`DynamoDB Local (in memory) ${why}; its data is gone`);
    let last = '';
    for (const [attempt, wait] of BACKOFF_MS.entries()) {
      await new Promise((r) => setTimeout(r, wait));
      if (stopping) return;
      try {
        if (!(await portIsFree(current.port))) throw new Error(`port ${current.port} is taken by another process`);
        current = await start(current.port);
        running = true;
        silentProbes = 0;
        o.logger.info('dynamodb local restarted', { attempt: attempt + 1, javaPid: current.javaPid });
        o.onRecovered();
        return;
      } catch (e) {
        last = (e as Error).message.split('\n')[0] ?? '';
        o.logger.warn('dynamodb local restart failed', { attempt: attempt + 1 });
      }
    }
    o.onGiveUp(`DynamoDB Local ${why} and did not come back after ${BACKOFF_MS.length} restarts: ${last}`);
  };

  const probeClient = createDocumentClient({
    ...localClientConfig(current.endpoint),
    maxAttempts: 1,
    requestHandler: { connectionTimeout: 1000, requestTimeout: 3000, throwOnRequestTimeout: true },
  });
  let probing = false;
  const probe = setInterval(async () => {
    if (!running || probing) return;
    probing = true;
    try {
      await probeClient.send(new ListTablesCommand({ Limit: 1 }));
      if (silentProbes >= PROBES_TO_DOWN) {
        o.logger.info('dynamodb local answers again');
        o.onRecovered();
      }
      silentProbes = 0;
    } catch {
      if (++silentProbes === PROBES_TO_DOWN) o.logger.error('dynamodb local does not answer');
    } finally {
      probing = false;
    }
  }, PROBE_EVERY_MS);
  probe.unref();

  return {
    endpoint: current.endpoint,
    port: current.port,
    javaPid: () => current.javaPid,
    exposed: current.exposed,
    available: () => running && silentProbes < PROBES_TO_DOWN,
    stop: async () => {
      stopping = true;
      clearInterval(probe);
      probeClient.destroy();
      await current.stop();
    },
  };
}
