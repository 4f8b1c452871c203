/**
 * The system under test, in its own process (so the load generator never shares its event loop):
 * DynamoDB Local + the Redress server exactly as `npm start` composes them (infra/local/start.ts),
 * on a throw-away data directory. Started by run.ts with child_process.fork; talks over IPC.
 *
 * Instrumentation (benchmark-only, no product code touched): every DynamoDBDocumentClient#send in
 * this process is counted and timed per command, so run.ts can report DynamoDB calls per intake and
 * the time an intake spends waiting on them.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { loadConfig } from '../../infra/local/config';
import { startLocalPlatform } from '../../infra/local/start';
import { ComplaintsRepo } from '../../shared/store/complaints-repo';

type CallStats = Record<string, { count: number; totalMs: number }>;
let calls: CallStats = {};
let inFlight = 0;

// eslint-disable-next-line @typescript-eslint/unbound-method
const originalSend = DynamoDBDocumentClient.prototype.send;
DynamoDBDocumentClient.prototype.send = function instrumentedSend(
  this: DynamoDBDocumentClient,
  command: { constructor: { name: string } },
  ...rest: unknown[]
) {
  const name = command.constructor.name.replace(/Command$/, '');
  const started = performance.now();
  inFlight++;
  const done = () => {
    inFlight--;
    calls[name] ??= { count: 0, totalMs: 0 };
    const s = calls[name];
    s.count++;
    s.totalMs += performance.now() - started;
  };
  const result = (originalSend as (...a: unknown[]) => Promise<unknown>).call(this, command, ...rest);
  return result.finally(done);
} as typeof originalSend;

// Intakes as the store saw them: one create() per attempt, its outcome counted (contended = retried).
let creates: Record<string, number> = {};
const originalCreate = ComplaintsRepo.prototype.create;
ComplaintsRepo.prototype.create = async function instrumentedCreate(
  this: ComplaintsRepo,
  ...a: Parameters<typeof originalCreate>
) {
  const outcome = await originalCreate.apply(this, a);
  creates[outcome.kind] = (creates[outcome.kind] ?? 0) + 1;
  return outcome;
};

type Request = { id: number; op: 'stats' | 'reset' | 'stop' };

async function main() {
  const dataDir = await mkdtemp(join(tmpdir(), 'redress-bench-'));
  const config = loadConfig({
    ...process.env,
    REDRESS_DATA_DIR: dataDir,
    PORT: '0',
    REDRESS_LOG: 'silent',
    // The load comes from one address and one identity: throttling would be all it measured.
    REDRESS_RATE_LIMITS: 'off',
    REDRESS_SEED: '1',
    REDRESS_DYNAMODB_STORAGE: process.env.BENCH_DYNAMODB_STORAGE ?? 'disk',
  });
  const platform = await startLocalPlatform(config);
  const token = await platform.issuer.mint({ tenantId: 'demo-bank', roles: ['intake'], ttl: 86_400 });
  let cpuMark = process.cpuUsage();
  let eluMark = performance.eventLoopUtilization();

  const stop = async () => {
    await platform.stop();
    await rm(dataDir, { recursive: true, force: true });
  };

  process.on('message', async (m: Request) => {
    if (m.op === 'reset') {
      calls = {};
      creates = {};
      cpuMark = process.cpuUsage();
      eluMark = performance.eventLoopUtilization();
      process.send!({ id: m.id });
    } else if (m.op === 'stats') {
      const cpu = process.cpuUsage(cpuMark);
      process.send!({
        id: m.id,
        calls,
        creates,
        inFlight,
        cpuMs: (cpu.user + cpu.system) / 1000,
        eventLoopUtilization: performance.eventLoopUtilization(eluMark).utilization,
      });
    } else if (m.op === 'stop') {
      await stop();
      process.send!({ id: m.id });
      process.disconnect();
    }
  });
  process.on('disconnect', () => void stop().finally(() => process.exit(0)));

  process.send!({
    ready: true,
    url: platform.url,
    dynamoEndpoint: platform.dynamoEndpoint,
    tablePrefix: config.tablePrefix,
    dynamoStorage: config.dynamoStorage,
    token,
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
