/**
 * bench/intake — complaint intake throughput against the local platform, and the same writes issued
 * straight to DynamoDB Local as the ceiling. `npm run bench:intake` (≈2.5 min on 2 cores).
 *
 * Layout: the platform (DynamoDB Local JVM + Redress server) runs in a forked child process
 * (server.ts); this process is the load generator — autocannon for the API runs, a closed loop of
 * `concurrency` SDK callers for the raw runs. Per concurrency level the order is
 * raw → API → raw, and the ceiling is the mean of the two raw runs that bracket the API run (the JVM
 * warms and the table grows during the whole benchmark; bracketing cancels both to first order).
 *
 * Options: --duration=<s> per measured run (15), --warmup=<s> (4), --concurrency=16,64,
 * --no-profile (skip the two extra "raw full call sequence" runs), --out=<dir> (bench/intake/results).
 */
import { type ChildProcess, fork, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ComplaintsRepo } from '../../shared/store/complaints-repo';
import { createDocumentClient, localClientConfig } from '../../shared/store/dynamo-client';
import { PoliciesRepo } from '../../shared/store/policies-repo';
import { controlPlaneTable } from '../../shared/store/table-names';
import { TenantsRepo } from '../../shared/store/tenants-repo';
import { UnitsRepo } from '../../shared/store/units-repo';
import { intakeBody } from '../../test/support/fixtures';
import { type RawDeps, rawRun, type Template } from './raw';
import { javaCpuReader, type RunSummary, round } from './stats';

// ---- options -------------------------------------------------------------------------------------
const args = new Map(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string | undefined]));
const DURATION_S = Number(args.get('duration') ?? 15);
const WARMUP_S = Number(args.get('warmup') ?? 8);
const CONCURRENCY = (args.get('concurrency') ?? '16,64').split(',').map(Number);
const PROFILE = !args.has('no-profile');
const HERE = dirname(fileURLToPath(import.meta.url));
const OUT_DIR = args.get('out') ?? join(HERE, 'results');
const TARGET_RATIO = 0.75;
const STORAGE = args.get('storage') === 'memory' ? 'memory' : 'disk';

// ---- autocannon (CommonJS, no bundled types) ------------------------------------------------------
type AcRequest = { method?: string; path?: string; headers?: Record<string, string>; body?: string };
type AcResult = {
  latency: { p50: number; p99: number; mean: number };
  requests: { average: number };
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
  statusCodeStats: Record<string, { count: number }>;
};
type AcOptions = {
  url: string;
  connections: number;
  duration: number;
  pipelining?: number;
  timeout?: number;
  headers?: Record<string, string>;
  requests: {
    method: string;
    path: string;
    setupRequest?: (req: AcRequest) => AcRequest;
    onResponse?: (status: number, body: string) => void;
  }[];
};
const autocannon = createRequire(import.meta.url)('autocannon') as (o: AcOptions) => Promise<AcResult>;

// ---- the platform child ---------------------------------------------------------------------------
type Ready = {
  ready: true;
  url: string;
  dynamoEndpoint: string;
  tablePrefix: string;
  dynamoStorage: string;
  token: string;
};
type CallStats = Record<string, { count: number; totalMs: number }>;

function startPlatform(): Promise<{ child: ChildProcess; ready: Ready; ask: <T>(op: string) => Promise<T> }> {
  const prof = args.get('cpu-prof');
  const child = fork(join(HERE, 'server.ts'), [], {
    execArgv: ['--import', 'tsx', ...(prof ? ['--cpu-prof', `--cpu-prof-dir=${prof}`] : [])],
    env: { ...process.env, BENCH_DYNAMODB_STORAGE: STORAGE },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let next = 0;
  const waiting = new Map<number, (v: unknown) => void>();
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`platform process exited (${code}) before it was ready`)));
    child.on('message', (m: { id?: number; ready?: boolean }) => {
      if (m.ready) {
        resolve({
          child,
          ready: m as Ready,
          ask: <T>(op: string) =>
            new Promise<T>((res) => {
              const id = ++next;
              waiting.set(id, res as (v: unknown) => void);
              child.send({ id, op });
            }),
        });
      } else if (m.id !== undefined) {
        waiting.get(m.id)?.(m);
        waiting.delete(m.id);
      }
    });
  });
}

// ---- the API load --------------------------------------------------------------------------------
let requestSeq = 0;
const baseBody = intakeBody();

/** A distinct complainant per request (phone and ID number), like real traffic spread over people. */
function bodyFor(n: number): string {
  const phone = `139${String(n % 100_000_000).padStart(8, '0')}`;
  const idNumber = `110105${String(19_500_000 + (n % 10_000_000)).padStart(8, '0')}${String(n % 10_000).padStart(4, '0')}`;
  return JSON.stringify({ ...baseBody, complainant: { ...baseBody.complainant, phone, idNumber } });
}

async function apiRun(
  url: string,
  token: string,
  concurrency: number,
  durationS: number,
  onCreated?: (body: string) => void,
): Promise<RunSummary> {
  const runTag = `${Date.now().toString(36)}-c${concurrency}`;
  const res = await autocannon({
    url,
    connections: concurrency,
    duration: durationS,
    pipelining: 1,
    timeout: 10,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    requests: [
      {
        method: 'POST',
        path: '/v1/complaints',
        setupRequest: (req) => {
          const n = ++requestSeq;
          return { ...req, headers: { ...req.headers, 'idempotency-key': `bench-${runTag}-${n}` }, body: bodyFor(n) };
        },
        ...(onCreated && { onResponse: (status: number, body: string) => status === 201 && onCreated(body) }),
      },
    ],
  });
  const errorKinds: Record<string, number> = {};
  for (const [code, { count }] of Object.entries(res.statusCodeStats))
    if (code !== '201') errorKinds[`HTTP ${code}`] = count;
  if (res.errors) errorKinds['socket errors'] = res.errors;
  if (res.timeouts) errorKinds.timeouts = res.timeouts;
  const ok = res.statusCodeStats['201']?.count ?? 0;
  return {
    ok,
    errors: res.non2xx + res.errors + res.timeouts + (res['2xx'] - ok),
    errorKinds,
    durationS: res.duration,
    perSecond: round(ok / res.duration),
    // autocannon's histogram holds whole milliseconds (2xx responses only).
    p50Ms: res.latency.p50,
    p99Ms: res.latency.p99,
    meanMs: round(res.latency.mean, 2),
  };
}

// ---- measurement helpers -------------------------------------------------------------------------
type Cpu = { driverMs: number; serverMs: number; dynamoMs: number };
type Measured = RunSummary & {
  cpu: Cpu;
  dynamoCalls?: CallStats;
  creates?: Record<string, number>;
  serverEventLoopUtilization?: number;
};

async function measure(
  ask: <T>(op: string) => Promise<T>,
  javaCpu: () => number,
  run: () => Promise<RunSummary>,
): Promise<Measured> {
  await ask('reset');
  const d0 = process.cpuUsage();
  const j0 = javaCpu();
  const r = await run();
  // Let the server finish what was in flight when the load stopped, so its counters are complete
  // and the next run starts on an idle server.
  type Stats = {
    calls: CallStats;
    creates: Record<string, number>;
    cpuMs: number;
    inFlight: number;
    eventLoopUtilization: number;
  };
  let server = await ask<Stats>('stats');
  for (let i = 0; i < 100 && server.inFlight > 0; i++) {
    await new Promise((res) => setTimeout(res, 100));
    server = await ask<Stats>('stats');
  }
  const d = process.cpuUsage(d0);
  const isApi = Object.keys(server.calls).length > 0;
  return {
    ...r,
    cpu: {
      driverMs: Math.round((d.user + d.system) / 1000),
      serverMs: Math.round(server.cpuMs),
      dynamoMs: Math.round(javaCpu() - j0),
    },
    ...(isApi && {
      dynamoCalls: server.calls,
      creates: server.creates,
      processed: server.creates.created ?? 0,
      serverEventLoopUtilization: round(server.eventLoopUtilization, 3),
    }),
  };
}

const log = (s: string) => process.stderr.write(`${s}\n`);
const brief = (label: string, r: Measured) =>
  log(
    `  ${label.padEnd(22)} ${String(r.perSecond).padStart(7)}/s  p50 ${String(r.p50Ms).padStart(6)} ms  p99 ${String(r.p99Ms).padStart(6)} ms  ok ${r.ok}  errors ${r.errors}` +
      `  cpu(s) driver ${(r.cpu.driverMs / 1000).toFixed(1)} server ${(r.cpu.serverMs / 1000).toFixed(1)} dynamodb ${(r.cpu.dynamoMs / 1000).toFixed(1)}`,
  );

/** The commit and whether the working tree had uncommitted changes (it is shared with other work in progress). */
function codeVersion(): string {
  const git = (...a: string[]) => spawnSync('git', a, { encoding: 'utf8' }).stdout.trim();
  const changed = git('status', '--porcelain', '--untracked-files=no', '--', 'shared', 'infra')
    .split('\n')
    .filter(Boolean).length;
  return `${git('rev-parse', '--short', 'HEAD') || 'unknown'}${changed ? ` + ${changed} uncommitted changed files under shared/ and infra/` : ''}`;
}

function machine() {
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
  return {
    nproc: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: round(os.totalmem() / 2 ** 30, 1),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    java: String(java.stderr || java.stdout || 'unknown')
      .split('\n')[0]!
      .trim(),
  };
}

// ---- main ----------------------------------------------------------------------------------------
async function main() {
  const startedAt = new Date();
  log(
    `bench:intake — ${DURATION_S}s per run, concurrency ${CONCURRENCY.join(', ')}, warm-up ${WARMUP_S}s${PROFILE ? ', with profile runs' : ''}`,
  );
  const { child, ready, ask } = await startPlatform();
  const javaCpu = javaCpuReader(Number(new URL(ready.dynamoEndpoint).port));
  const db: DynamoDBDocumentClient = createDocumentClient(localClientConfig(ready.dynamoEndpoint));
  try {
    const tenant = await new TenantsRepo(db, controlPlaneTable({ prefix: ready.tablePrefix })).get('demo-bank');
    if (!tenant) throw new Error('demo-bank was not seeded');
    const complaints = new ComplaintsRepo(db);

    // Warm-up: the API first (its first 201 gives the template of what an intake stores), then raw.
    log('warm-up');
    let sampleId: string | undefined;
    const warmApi = await apiRun(
      ready.url,
      ready.token,
      CONCURRENCY[0]!,
      WARMUP_S,
      (body) => (sampleId ??= (JSON.parse(body) as { id: string }).id),
    );
    if (!sampleId || warmApi.errors > 0)
      throw new Error(`warm-up intake failed: ${JSON.stringify(warmApi.errorKinds)}`);
    const record = await complaints.get(tenant.tableName, sampleId);
    const [event] = (await complaints.events(tenant.tableName, sampleId, 1)).items;
    if (!record || !event) throw new Error('could not read back the warm-up complaint');
    const template: Template = {
      record,
      event,
      fingerprint: 'x'.repeat(43), // an HMAC-SHA256 in base64url is 43 characters
      referencePrefix: tenant.referencePrefix,
      repeatWindowDays: tenant.repeatWindowDays,
    };
    const raw: RawDeps = {
      complaints,
      units: new UnitsRepo(db),
      policies: new PoliciesRepo(db),
      table: tenant.tableName,
      template,
    };
    await rawRun(raw, { concurrency: CONCURRENCY[0]!, durationS: WARMUP_S, mode: 'transact' });

    const levels = [];
    for (const c of CONCURRENCY) {
      log(`concurrency ${c}`);
      const rawBefore = await measure(ask, javaCpu, () =>
        rawRun(raw, { concurrency: c, durationS: DURATION_S, mode: 'transact' }),
      );
      brief('raw (before)', rawBefore);
      const api = await measure(ask, javaCpu, () => apiRun(ready.url, ready.token, c, DURATION_S));
      brief('API', api);
      const rawAfter = await measure(ask, javaCpu, () =>
        rawRun(raw, { concurrency: c, durationS: DURATION_S, mode: 'transact' }),
      );
      brief('raw (after)', rawAfter);
      const rawPerSecond = round((rawBefore.perSecond + rawAfter.perSecond) / 2);
      const ratio = round(api.perSecond / rawPerSecond, 3);
      log(`  ratio API / raw = ${api.perSecond} / ${rawPerSecond} = ${ratio}`);
      let sequence: Measured | undefined;
      if (PROFILE) {
        sequence = await measure(ask, javaCpu, () =>
          rawRun(raw, { concurrency: c, durationS: Math.min(DURATION_S, 10), mode: 'sequence' }),
        );
        brief('raw full sequence', sequence);
      }
      levels.push({
        concurrency: c,
        rawBefore,
        api,
        rawAfter,
        rawPerSecond,
        ratio,
        ...(sequence && { rawFullSequence: sequence }),
      });
    }

    const anyErrors = levels.some((l) => l.api.errors + l.rawBefore.errors + l.rawAfter.errors > 0);
    const result = {
      benchmark: 'intake',
      startedAt: startedAt.toISOString(),
      code: codeVersion(),
      command: `npm run bench:intake${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
      machine: machine(),
      setup: {
        durationS: DURATION_S,
        warmupS: WARMUP_S,
        order: 'per concurrency: raw → API → raw; ceiling = mean of the two raw runs',
        dynamodbLocal: `${STORAGE} storage, -sharedDb, one JVM started by infra/local/start.ts`,
        tenant: tenant.id,
        body: 'test/support/fixtures.ts intakeBody(), phone and idNumber varied per request',
      },
      targetRatio: TARGET_RATIO,
      valid: !anyErrors,
      levels,
    };

    mkdirSync(OUT_DIR, { recursive: true });
    const stamp = startedAt.toISOString().slice(0, 10);
    const jsonPath = join(OUT_DIR, `${stamp}.json`);
    const mdPath = join(OUT_DIR, `${stamp}.md`);
    writeFileSync(jsonPath, `${JSON.stringify(result, null, 2)}\n`);
    writeFileSync(mdPath, markdown(result));
    process.stdout.write(markdown(result));
    log(`\nwrote ${relative(process.cwd(), jsonPath)} and ${relative(process.cwd(), mdPath)}`);
    if (anyErrors) process.exitCode = 2;
  } finally {
    db.destroy();
    await ask('stop').catch(() => undefined);
    child.disconnect?.();
  }
}

type Result = {
  startedAt: string;
  code: string;
  command: string;
  machine: ReturnType<typeof machine>;
  setup: Record<string, unknown>;
  valid: boolean;
  levels: {
    concurrency: number;
    rawBefore: Measured;
    api: Measured;
    rawAfter: Measured;
    rawPerSecond: number;
    ratio: number;
    rawFullSequence?: Measured;
  }[];
};

function markdown(r: Result): string {
  const m = r.machine;
  const lines = [
    `# bench:intake — ${r.startedAt}`,
    '',
    `\`${r.command}\` — ${m.nproc} CPUs (${m.cpuModel}), ${m.memoryGiB} GiB, ${m.os}, Node ${m.node}, ${m.java}.`,
    `Code: ${r.code}.`,
    `${r.setup.durationS} s per run after a ${r.setup.warmupS} s warm-up; ${r.setup.order}; DynamoDB Local: ${r.setup.dynamodbLocal}.`,
    '',
    `| concurrency | run | ops/s | p50 ms | p99 ms | ok | errors |`,
    `|---:|---|---:|---:|---:|---:|---:|`,
  ];
  for (const l of r.levels) {
    const row = (name: string, x: Measured) =>
      `| ${l.concurrency} | ${name} | ${x.perSecond} | ${x.p50Ms} | ${x.p99Ms} | ${x.ok} | ${x.errors} |`;
    lines.push(
      row('raw TransactWriteItems (before)', l.rawBefore),
      row('**API POST /v1/complaints**', l.api),
      row('raw TransactWriteItems (after)', l.rawAfter),
    );
  }
  lines.push(
    '',
    '| concurrency | API req/s | raw ceiling ops/s (mean) | **ratio** | target |',
    '|---:|---:|---:|---:|---:|',
  );
  for (const l of r.levels)
    lines.push(
      `| ${l.concurrency} | ${l.api.perSecond} | ${l.rawPerSecond} | **${l.ratio}** | ${l.concurrency === 16 ? `≥ ${TARGET_RATIO} ${l.ratio >= TARGET_RATIO ? '✅' : '❌'}` : '—'} |`,
    );
  lines.push(
    '',
    r.valid
      ? 'Every API response was 201 and every raw transaction committed: the run is valid.'
      : '**INVALID: some requests failed** — see `errors` above and `errorKinds` in the JSON.',
  );

  lines.push(
    '',
    '## Where the time goes',
    '',
    '| concurrency | run | CPU ms / op: load generator | server (Node) | DynamoDB Local (JVM) | DynamoDB calls / op |',
    '|---:|---|---:|---:|---:|---|',
  );
  for (const l of r.levels) {
    const runs: [string, Measured | undefined][] = [
      ['raw (before)', l.rawBefore],
      ['API', l.api],
      ['raw (after)', l.rawAfter],
      ['raw full sequence', l.rawFullSequence],
    ];
    for (const [name, x] of runs) {
      if (!x || x.ok === 0) continue;
      const n = x.processed || x.ok;
      const per = (ms: number) => round(ms / n, 2);
      const calls =
        name === 'API' && x.dynamoCalls
          ? Object.entries(x.dynamoCalls)
              .map(([k, v]) => `${k} ${round(v.count / n, 2)} (${round(v.totalMs / v.count, 1)} ms avg)`)
              .join(', ') +
            Object.entries(x.creates ?? {})
              .filter(([k]) => k !== 'created')
              .map(([k, v]) => `; ${v}× ${k}, retried`)
              .join('')
          : x.retries && Object.keys(x.retries).length > 0
            ? `${name === 'raw full sequence' ? 'Get 2, Query 1, TransactWrite 1' : 'TransactWrite 1'}${Object.entries(
                x.retries,
              )
                .map(([k, v]) => `; ${v}× ${k}, retried`)
                .join('')}`
            : name === 'raw full sequence'
              ? 'Get 2, Query 1, TransactWrite 1'
              : 'TransactWrite 1';
      lines.push(
        `| ${l.concurrency} | ${name} | ${per(x.cpu.driverMs)} | ${name === 'API' ? `${per(x.cpu.serverMs)} (event loop ${Math.round((x.serverEventLoopUtilization ?? NaN) * 100)}% busy)` : '—'} | ${per(x.cpu.dynamoMs)} | ${calls} |`,
      );
    }
  }
  lines.push(
    '',
    '"raw full sequence" issues every DynamoDB call one intake makes (units GetItem, policy GetItem, byConsumer Query, TransactWriteItems), directly, at the same concurrency: the API\'s ceiling if the Node.js side cost nothing.',
    '',
  );
  return lines.join('\n');
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
