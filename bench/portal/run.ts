/**
 * Portal latency against the number of complaints: the dashboard, an institution's page (open and
 * overdue lists) and the quarterly CSV, with 10 institutions × 100 complaints and with 10 × 10,000.
 * Goal (issue 11): the larger at most 1.2 × the smaller, because every figure is read from the
 * aggregates kept in the changes' own transactions and every list from an index page, never a Scan.
 *
 *   npx tsx bench/portal/run.ts                      # sizes 100,10000; 40 requests per page and round
 *   npx tsx bench/portal/run.ts --sizes=100,10000 --requests=40 --rounds=2 --storage=memory|disk
 *   npx tsx bench/portal/run.ts --out=bench/portal/results/<date>.md
 *   npx tsx bench/portal/run.ts --stream-index=off   # DynamoDB Local without the launcher's index
 *
 * Seeding, per institution: one complaint through `registerComplaint` (the real intake, its
 * transaction, counters and lifecycle), read back as the template; then N−1 copies of it with their
 * own id, reference, receipt time (July–December 2026), category, channel and state (closed with a
 * decision and feedback, withdrawn, open, open and overdue), written as `toComplaintItem` makes the
 * item (the same index attributes a transaction writes). Their KPI counters are what the app keeps:
 * `historyCounts` of every record (the function `npm run cli -- rebuild-kpis` uses, which the KPI
 * tests check against the counters the transactions wrote) summed per month and written with
 * `replaceKpis`, the rebuild's own store function. Nothing of the product is changed for the bench.
 *
 * Measurement: a real HTTP server on 127.0.0.1 (the app as the local runtime composes it, with the
 * portal), one regulator session cookie, requests one after another (no concurrency), after a warm-up.
 * Rounds alternate small → large so drift of the shared machine shows; DynamoDB calls per request are
 * counted by wrapping the document client's `send`.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import '@hono/zod-openapi';
import { BatchWriteCommand, type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { serve } from '@hono/node-server';
import { ulid } from 'ulid';
import { ensureTable } from '../../infra/local/adapters/ensure-table';
import { type LocalPlatform, localPlatform } from '../../infra/local/platform';
import { startDynamoDbLocal } from '../../infra/local/processes/dynamodb-local';
import { ManualClock } from '../../infra/local/workflow/scheduler';
import { buildWebAssets } from '../../infra/web-assets/build-web-assets';
import { registerComplaint } from '../../shared/application/intake';
import { tenantsWithTables } from '../../shared/application/tenant-list';
import { onboardTenant } from '../../shared/application/tenants';
import { createTokenVerifier } from '../../shared/auth/verifier';
import type { ComplaintRecord } from '../../shared/domain/complaint/complaint-schema';
import { IntakeSchema } from '../../shared/domain/complaint/intake-schema';
import { type HistoryEvent, historyCounts } from '../../shared/domain/kpi/kpi-history';
import { taxonomyFor } from '../../shared/domain/taxonomy';
import type { Tenant } from '../../shared/domain/tenant/tenant-schema';
import { createApp } from '../../shared/http/app';
import { regulatorSurface } from '../../shared/http/surfaces/regulator';
import { silentLogger } from '../../shared/ports/logger';
import { toComplaintItem } from '../../shared/store/complaint-item';
import { createDocumentClient, localClientConfig } from '../../shared/store/dynamo-client';
import { eventHistory, replaceKpis } from '../../shared/store/kpi-rebuild-store';
import { GAUGES_MONTH } from '../../shared/store/stats-repo';
import { controlPlaneTable } from '../../shared/store/table-names';
import { controlPlaneTableDefinition } from '../../shared/store/table-schemas';
import { portalSurface } from '../../shared/web/portal/portal-surface';
import { SessionSealer, sessionKey } from '../../shared/web/session';
import { intakeBody, principal } from '../../test/support/fixtures';

const args = Object.fromEntries(
  process.argv
    .slice(2)
    .map((a) => a.replace(/^--/, '').split('='))
    .map(([k, v]) => [k, v ?? 'true']),
);
const SIZES = String(args.sizes ?? '100,10000')
  .split(',')
  .map(Number);
const TENANTS = Number(args.tenants ?? 10);
const REQUESTS = Number(args.requests ?? 40);
const WARMUP = Number(args.warmup ?? 5);
const ROUNDS = Number(args.rounds ?? 2);
const STORAGE = (args.storage ?? 'memory') as 'memory' | 'disk';
const OUT = args.out as string | undefined;
const NOW = '2026-12-20T02:00:00.000Z';
const PERIOD = '2026Q4';
const DAY = 86_400_000;

const work = mkdtempSync(join(tmpdir(), 'redress-bench-portal-'));
const dynamo = await startDynamoDbLocal({
  dbPath: STORAGE === 'memory' ? 'memory' : join(work, 'dynamodb'),
  // --stream-index=off: DynamoDB Local's stream records as the jar leaves them (to measure the launcher's index).
  streamIndex: args['stream-index'] !== 'off',
});
/** Served pages use the product's client settings; seeding a loaded JVM gets patience instead. */
const db: DynamoDBDocumentClient = createDocumentClient(localClientConfig(dynamo.endpoint));
const seedDb: DynamoDBDocumentClient = createDocumentClient({
  ...localClientConfig(dynamo.endpoint),
  maxAttempts: 5,
  requestHandler: { connectionTimeout: 10_000, requestTimeout: 120_000, throwOnRequestTimeout: true },
});
let calls = 0;
const send = db.send.bind(db);
(db as unknown as { send: typeof send }).send = ((command: unknown, ...rest: unknown[]) => {
  calls++;
  return (send as (...a: unknown[]) => unknown)(command, ...rest);
}) as typeof send;

const f1 = (n: number) => n.toFixed(1);
const log = (s: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${s}\n`);

// ------------------------------------------------------------------------------------------ seeding
/** The template's copy number `i`: its own identity, receipt time, category, channel and state. */
function copyOf(t: ComplaintRecord, tenant: Tenant, i: number): ComplaintRecord {
  const tax = taxonomyFor(tenant.kind);
  const received = Date.parse('2026-07-01T01:00:00Z') + ((i * 7919) % (170 * 24)) * 3_600_000;
  const iso = (ms: number) => new Date(ms).toISOString();
  const decisionDue = received + 15 * DAY;
  const id = ulid(received);
  const base: ComplaintRecord = {
    ...t,
    id,
    reference: `${t.reference.slice(0, 12)}${id.slice(-8)}`,
    receivedAt: iso(received),
    createdAt: iso(received),
    updatedAt: iso(received),
    category: tax.categories[i % tax.categories.length]!.code,
    reason: tax.reasons[i % tax.reasons.length]!.code,
    channel: tax.channels[i % tax.channels.length]!.code,
    deadlines: { acknowledgement: iso(received + DAY), decision: iso(decisionDue) },
    consumerKey: `${t.consumerKey}-${i}`,
    repeatOf: null,
  };
  const kind =
    decisionDue > Date.parse(NOW)
      ? 'open'
      : (['closed', 'closed', 'closed', 'withdrawn', 'open', 'late'] as const)[i % 6]!;
  if (kind === 'open') return { ...base, status: 'acknowledged', overdue: decisionDue < Date.parse(NOW) };
  if (kind === 'withdrawn')
    return { ...base, status: 'withdrawn', ended: { kind: 'withdrawn', at: iso(received + 2 * DAY), by: 'staff-1' } };
  const decidedAt = iso(received + (kind === 'late' ? 20 : 5 + (i % 9)) * DAY);
  const onTime = kind !== 'late';
  return {
    ...base,
    status: 'closed',
    decision: {
      outcome: 'upheld',
      summary: '已处理',
      remediesAvailable: ['review'],
      decidedAt,
      decidedBy: 'h',
      onTime,
    },
    feedback: { channel: 'phone', deliveredAt: decidedAt, summary: '已告知', recordedBy: 'h', onTime: true },
    closedAt: iso(Date.parse(decidedAt) + 16 * DAY),
  };
}

/** The events of a copy that the counters depend on: its receipt, and the overdue flag rising at the deadline. */
function eventsOf(r: ComplaintRecord): HistoryEvent[] {
  const late = r.overdue || r.decision?.onTime === false;
  return [
    { type: 'received', at: r.receivedAt, snapshot: { overdue: false } },
    ...(late ? [{ type: 'overdue', at: r.deadlines.decision, snapshot: { overdue: true } }] : []),
  ];
}

/** BatchWriteItem, 25 items a call, a few calls in flight; items DynamoDB left unprocessed are sent again. */
async function batchPut(table: string, items: Record<string, unknown>[]) {
  const chunks = Array.from({ length: Math.ceil(items.length / 25) }, (_, i) => items.slice(i * 25, i * 25 + 25));
  const worker = async () => {
    for (let chunk = chunks.pop(); chunk; chunk = chunks.pop()) {
      let request: Record<string, { PutRequest: { Item: Record<string, unknown> } }[]> = {
        [table]: chunk.map((Item) => ({ PutRequest: { Item } })),
      };
      while (request[table]?.length) {
        const res = await seedDb.send(new BatchWriteCommand({ RequestItems: request }));
        request = (res.UnprocessedItems ?? {}) as typeof request;
      }
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
}

const seeding: string[] = [];
const platformOf = (size: number, client: DynamoDBDocumentClient, dir: string): LocalPlatform => {
  const clock = new ManualClock(join(work, `clock-${dir}.json`), Date.parse(NOW));
  return localPlatform({
    db: client,
    dataDir: join(work, `data-${dir}`),
    tablePrefix: `bench${size}-`,
    clock,
    scheduler: clock,
    logger: silentLogger,
  });
};

async function seed(size: number) {
  const p = platformOf(size, seedDb, `seed-${size}`);
  await ensureTable(seedDb, controlPlaneTableDefinition(controlPlaneTable(p.naming)));
  const started = performance.now();
  for (let n = 0; n < TENANTS; n++) {
    const kind = n < 7 ? 'bank' : 'insurer';
    const tenant = await onboardTenant(p, {
      id: `inst-${String(n).padStart(2, '0')}`,
      name: `${kind === 'bank' ? '银行' : '保险'}${n}`,
      kind,
      policy: 'cn-nfra-2020',
    });
    const body = IntakeSchema.parse(
      kind === 'bank' ? intakeBody() : intakeBody({ category: 'I-CAT-01', reason: 'I-RSN-01', product: '重疾险' }),
    );
    const { complaint: view } = await registerComplaint(
      p,
      tenant,
      principal(tenant.id, ['intake'], 'bench'),
      body,
      ulid(),
    );
    const template = (await p.complaints.get(tenant.tableName, view.id))!;
    const t0 = performance.now();
    const records = Array.from({ length: size - 1 }, (_, i) => copyOf(template, tenant, i));
    const t1 = performance.now();
    await batchPut(tenant.tableName, records.map(toComplaintItem));
    const t2 = performance.now();
    // The counters as the app keeps them: every record's history, the template's with its stored events.
    const months = new Map<string, Record<string, number>>();
    const gauges: Record<string, number> = {};
    const add = (into: Record<string, number>, from: Record<string, number>) => {
      for (const [k, v] of Object.entries(from)) into[k] = (into[k] ?? 0) + v;
    };
    const histories = [
      historyCounts(template, await eventHistory(seedDb, tenant.tableName, template.id), tenant.timezone),
      ...records.map((r) => historyCounts(r, eventsOf(r), tenant.timezone)),
    ];
    for (const h of histories) {
      for (const [m, c] of h.months) add(months.get(m) ?? months.set(m, {}).get(m)!, c);
      add(gauges, h.gauges);
    }
    for (const [m, totals] of months) await replaceKpis(seedDb, tenant.tableName, m, totals);
    await replaceKpis(seedDb, tenant.tableName, GAUGES_MONTH, gauges);
    if (args.verbose)
      log(`${tenant.id}: copies ${f1(t1 - t0)} ms, items ${f1(t2 - t1)} ms, counters ${f1(performance.now() - t2)} ms`);
  }
  seeding.push(`${TENANTS} × ${size}: ${((performance.now() - started) / 1000).toFixed(0)} s`);
  log(`seeded ${seeding.at(-1)}`);
  return platformOf(size, db, `serve-${size}`);
}

// ------------------------------------------------------------------------------------------ serving
const assets = await buildWebAssets();
const sessions = new SessionSealer(sessionKey(new Uint8Array(32).fill(7)));

async function serveOn(p: LocalPlatform) {
  const app = createApp({
    platform: p,
    verify: createTokenVerifier([]),
    surfaces: [regulatorSurface],
    cursorKey: new Uint8Array(32).fill(9),
    web: { options: { sessions, assets, secureCookies: false, signIn: [] }, surfaces: [portalSurface] },
  });
  const { value } = await sessions.seal({ sub: 'bench', roles: ['regulator'], issuer: 'bench' }, 'portal');
  const server = await new Promise<{ url: string; close: () => Promise<void> }>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
      resolve({ url: `http://127.0.0.1:${info.port}`, close: () => new Promise((r) => s.close(() => r())) }),
    );
  });
  return { ...server, cookie: `redress_portal=${value}` };
}

const PAGES = {
  dashboard: `/portal?period=${PERIOD}`,
  'institution (open)': `/portal/institutions/inst-00?period=${PERIOD}`,
  'institution (overdue)': `/portal/institutions/inst-00?period=${PERIOD}&view=overdue`,
  // At 100 complaints the institution has about 15 overdue, fewer than the default page of 25 that
  // the larger one fills: the same list with a page both sizes fill compares like with like.
  'institution (overdue, 10 rows)': `/portal/institutions/inst-00?period=${PERIOD}&view=overdue&limit=10`,
  'CSV return': `/portal/returns/${PERIOD}.csv`,
} as const;
type PageName = keyof typeof PAGES;

const pct = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.ceil(q * xs.length) - 1]!;

async function measure(server: Awaited<ReturnType<typeof serveOn>>, path: string) {
  const once = async () => {
    const before = calls;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const res = await fetch(`${server.url}${path}`, { headers: { Cookie: server.cookie } });
    const body = await res.text();
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${body.slice(0, 200)}`);
    return { ms, calls: calls - before, bytes: body.length, cpuMs: (cpu.user + cpu.system) / 1000 };
  };
  for (let i = 0; i < WARMUP; i++) await once();
  const runs = [];
  for (let i = 0; i < REQUESTS; i++) runs.push(await once());
  const ms = runs.map((r) => r.ms);
  return {
    p50: pct(ms, 0.5),
    p90: pct(ms, 0.9),
    mean: ms.reduce((s, x) => s + x, 0) / ms.length,
    calls: runs[0]!.calls,
    /** Node's own CPU (the app, the SDK's marshalling, the client's fetch) per request: p50. */
    cpuMs: pct(
      runs.map((r) => r.cpuMs),
      0.5,
    ),
    bytes: runs[0]!.bytes,
    /** The machine is shared: other processes' load shows here (2 cores: 2.0 is full). */
    load: loadavg()[0]!,
  };
}

/**
 * The store alone: one counters Query (a month of the period) per institution's table, one after
 * another with nothing else running, p50 over the tables. What DynamoDB Local itself takes per
 * call, apart from the app.
 */
async function storeProbe(p: LocalPlatform): Promise<number> {
  const ms: number[] = [];
  for (const t of await tenantsWithTables(p))
    for (let i = 0; i < 10; i++) {
      const t0 = performance.now();
      await seedDb.send(
        new QueryCommand({
          TableName: t.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': 'STATS#2026-11' },
          ConsistentRead: true,
        }),
      );
      ms.push(performance.now() - t0);
    }
  return pct(ms, 0.5);
}

// ------------------------------------------------------------------------------------------ run
const platforms = new Map<number, LocalPlatform>();
for (const size of SIZES) platforms.set(size, await seed(size));
const storeMs = new Map<number, number>();
for (const [size, p] of platforms) storeMs.set(size, await storeProbe(p));
const servers = new Map<number, Awaited<ReturnType<typeof serveOn>>>();
for (const [size, p] of platforms) servers.set(size, await serveOn(p));

type Row = { round: number; size: number; page: PageName } & Awaited<ReturnType<typeof measure>>;
const rows: Row[] = [];
for (let round = 1; round <= ROUNDS; round++)
  for (const size of SIZES)
    for (const page of Object.keys(PAGES) as PageName[]) {
      const r = await measure(servers.get(size)!, PAGES[page]);
      rows.push({ round, size, page, ...r });
      log(`round ${round} ${size} ${page}: p50 ${r.p50.toFixed(1)} ms, ${r.calls} DynamoDB calls`);
    }
for (const s of servers.values()) await s.close();
await dynamo.stop();

// ------------------------------------------------------------------------------------------ report
const [small, large] = [SIZES[0]!, SIZES.at(-1)!];
const median = (xs: number[]) => pct(xs, 0.5);
const summary = (Object.keys(PAGES) as PageName[]).map((page) => {
  const of = (size: number) => rows.filter((r) => r.page === page && r.size === size);
  const p50 = (size: number) => median(of(size).map((r) => r.p50));
  const ratio = p50(large) / p50(small);
  return { page, small: p50(small), large: p50(large), ratio, calls: [of(small)[0]!.calls, of(large)[0]!.calls] };
});
const lines = [
  `# Portal latency, ${new Date().toISOString().slice(0, 10)}`,
  '',
  `${TENANTS} institutions × ${small} and × ${large} complaints (received July–December 2026), period ${PERIOD}.`,
  `${REQUESTS} sequential requests per page and round after ${WARMUP} warm-up, ${ROUNDS} rounds alternating sizes;`,
  `${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, DynamoDB Local (${STORAGE}; stream records ${dynamo.streamRecordsIndexed() ? 'indexed' : 'not indexed'}). Seeding took ${seeding.join(', ')}.`,
  '',
  `| page | p50 ms × ${small} | p50 ms × ${large} | ratio (goal ≤ 1.2) | DynamoDB calls per request (${small} / ${large}) |`,
  '| --- | ---: | ---: | ---: | --- |',
  ...summary.map(
    (s) =>
      `| ${s.page} | ${f1(s.small)} | ${f1(s.large)} | **${s.ratio.toFixed(2)}** ${s.ratio <= 1.2 ? '✅' : '❌'} | ${s.calls[0]} / ${s.calls[1]} |`,
  ),
  '',
  `The store alone, one counters Query per institution's table with nothing else running (p50): ${SIZES.map((s) => `× ${s}: ${f1(storeMs.get(s)!)} ms`).join(', ')}.`,
  '',
  'Every run (p50 is the median of the round’s runs; the summary takes the median of the rounds):',
  '',
  '| round | complaints per institution | page | p50 ms | p90 ms | mean ms | Node CPU ms (p50) | DynamoDB calls | response bytes | load (1 min) |',
  '| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map(
    (r) =>
      `| ${r.round} | ${r.size} | ${r.page} | ${f1(r.p50)} | ${f1(r.p90)} | ${f1(r.mean)} | ${f1(r.cpuMs)} | ${r.calls} | ${r.bytes} | ${r.load.toFixed(1)} |`,
  ),
  '',
];
process.stdout.write(lines.join('\n'));
if (OUT) {
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, lines.join('\n'));
}
