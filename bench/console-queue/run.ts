/**
 * Work-queue page latency with a small and a large number of open complaints in the tenant.
 *
 *   npx tsx bench/console-queue/run.ts                       # 100, 1,000 and 10,000; 300 requests per case
 *   npx tsx bench/console-queue/run.ts --sizes=100,10000 --requests=300 --warmup=40 --storage=memory --out=bench/console-queue/results
 *
 * Everything runs in this process: DynamoDB Local (in memory by default), the local platform on a
 * manual clock, and the app as the local runtime composes the console (createApp + consoleSurface),
 * called in-process with app.request() and a sealed session cookie, as test/support/web-app.ts does.
 * Seeding: one complaint registered with registerComplaint per tenant, then copies of its stored
 * record (new id, reference, receipt and deadlines, channel, unit, status) written with
 * BatchWriteItem through toComplaintItem: real complaint items with the index attributes the store
 * derives, so the "open by due date" index holds every one. No product code is changed; the
 * document client's `send` is wrapped to count Query calls and the items each one evaluated.
 */
import '@hono/zod-openapi';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { ensureTable } from '../../infra/local/adapters/ensure-table';
import { localPlatform } from '../../infra/local/platform';
import { startDynamoDbLocal } from '../../infra/local/processes/dynamodb-local';
import { ManualClock } from '../../infra/local/workflow/scheduler';
import { buildWebAssets } from '../../infra/web-assets/build-web-assets';
import { registerComplaint } from '../../shared/application/intake';
import { onboardTenant } from '../../shared/application/tenants';
import { createTokenVerifier } from '../../shared/auth/verifier';
import type { ComplaintRecord } from '../../shared/domain/complaint/complaint-schema';
import { IntakeSchema } from '../../shared/domain/complaint/intake-schema';
import type { ComplaintStatus } from '../../shared/domain/complaint/status';
import type { Tenant } from '../../shared/domain/tenant/tenant-schema';
import { createApp } from '../../shared/http/app';
import { silentLogger } from '../../shared/ports/logger';
import { toComplaintItem } from '../../shared/store/complaint-item';
import { createDocumentClient, localClientConfig } from '../../shared/store/dynamo-client';
import { controlPlaneTable } from '../../shared/store/table-names';
import { controlPlaneTableDefinition } from '../../shared/store/table-schemas';
import { consoleSurface } from '../../shared/web/console/console-surface';
import { SessionSealer, sessionKey } from '../../shared/web/session';
import { intakeBody, principal } from '../../test/support/fixtures';
import { percentile, round } from '../intake/stats';

const args = Object.fromEntries(
  process.argv
    .slice(2)
    .map((a) => a.replace(/^--/, '').split('='))
    .map(([k, v]) => [k, v ?? 'true']),
);
const SIZES = String(args.sizes ?? '100,1000,10000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const REQUESTS = Number(args.requests ?? 300);
const WARMUP = Number(args.warmup ?? 40);
const BLOCK = 25;
const STORAGE = (args.storage ?? 'memory') as 'memory' | 'disk';
const OUT = args.out ?? 'bench/console-queue/results';
/** Tuesday 1 December 2026, 10:00 in Shanghai. */
const NOW = '2026-12-01T02:00:00.000Z';
const DAY = 86_400_000;

const SCENARIOS = [
  { name: 'all open (default view)', path: '/console' },
  { name: 'overdue (key range)', path: '/console?view=overdue' },
  { name: 'due in 3 days (key range)', path: '/console?view=due3' },
  { name: 'mine (own index)', path: '/console?view=mine' },
  { name: 'channel=letter, 1 in 100 (filter on the index read)', path: '/console?channel=letter' },
  { name: 'table fragment (htmx refresh)', path: '/console/queue/rows' },
] as const;

const t0 = performance.now();
const loadAtStart = loadavg();
const log = (msg: string) => console.log(`[${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s] ${msg}`);

// ------------------------------------------------------------------------------------------ instrumentation
/** Query calls and the items DynamoDB evaluated for them (ScannedCount: what a filtered read pays for). */
function countQueries(db: DynamoDBDocumentClient) {
  const c = { queries: 0, scanned: 0, returned: 0, scans: 0 };
  const send = db.send.bind(db) as (...a: unknown[]) => Promise<unknown>;
  (db as unknown as { send: unknown }).send = async (cmd: { constructor: { name: string } }, ...rest: unknown[]) => {
    const res = (await send(cmd, ...rest)) as { ScannedCount?: number; Count?: number };
    if (cmd.constructor.name === 'ScanCommand') c.scans++;
    if (cmd.constructor.name === 'QueryCommand') {
      c.queries++;
      c.scanned += res.ScannedCount ?? 0;
      c.returned += res.Count ?? 0;
    }
    return res;
  };
  return c;
}

// --------------------------------------------------------------------------------------------------- setup
const work = mkdtempSync(join(tmpdir(), 'redress-bench-queue-'));
const dynamo = await startDynamoDbLocal({ dbPath: STORAGE === 'memory' ? 'memory' : join(work, 'dynamodb') });
// Seeding 10,000 items on a loaded 2-core machine can stall a request past the runtime's 5 s timeout.
const db = createDocumentClient({
  ...localClientConfig(dynamo.endpoint),
  requestHandler: { connectionTimeout: 5000, requestTimeout: 60_000, throwOnRequestTimeout: true },
});
const clock = new ManualClock(join(work, 'clock.json'), Date.parse(NOW));
const p = localPlatform({ db, dataDir: work, tablePrefix: 'bench-', clock, scheduler: clock, logger: silentLogger });
await ensureTable(db, controlPlaneTableDefinition(controlPlaneTable(p.naming)));

const UNITS = ['head-office', 'branch', 'sub-branch'];
const STATUSES: ComplaintStatus[] = ['received', 'acknowledged', 'investigating'];

/** One registered complaint, then `count - 1` copies of its record written straight to the table. */
async function seed(tenant: Tenant, count: number) {
  const { complaint } = await registerComplaint(
    p,
    tenant,
    principal(tenant.id, ['intake']),
    IntakeSchema.parse(intakeBody()),
    `bench-${tenant.id}`,
  );
  await p.engine.settle();
  const template = (await p.complaints.get(tenant.tableName, complaint.id))!;
  const items: Record<string, unknown>[] = [];
  for (let i = 1; i < count; i++) {
    // Decision deadlines spread evenly from 5 days ago to 15 days ahead: a quarter of them overdue.
    const decision = new Date(Date.parse(NOW) + (i / count) * 20 * DAY - 5 * DAY).toISOString();
    const receivedAt = new Date(Date.parse(decision) - 15 * DAY).toISOString();
    const record: ComplaintRecord = {
      ...template,
      id: ulid(Date.parse(receivedAt)),
      reference: `${tenant.referencePrefix}-${receivedAt.slice(0, 10).replaceAll('-', '')}-${i.toString(36).toUpperCase()}`,
      status: STATUSES[i % STATUSES.length]!,
      receivedAt,
      channel: i % 100 === 0 ? 'letter' : 'phone',
      unitId: UNITS[i % UNITS.length]!,
      // About 40 for the user at every size (a handler's own load does not grow with the
      // institution's), a third to a colleague, the rest unassigned.
      assignee: i % Math.max(1, Math.floor(count / 40)) === 0 ? 'h-1' : i % 3 === 0 ? 'h-2' : null,
      consumerKey: `${template.consumerKey}-${i}`,
      deadlines: { acknowledgement: new Date(Date.parse(receivedAt) + DAY).toISOString(), decision },
      createdAt: receivedAt,
      updatedAt: receivedAt,
    };
    items.push(toComplaintItem(record));
  }
  const batches: Record<string, unknown>[][] = [];
  for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < batches.length) {
        let pending = batches[next++]!.map((Item) => ({ PutRequest: { Item } }));
        for (let attempt = 1; pending.length > 0; attempt++) {
          try {
            const res = await db.send(new BatchWriteCommand({ RequestItems: { [tenant.tableName]: pending } }));
            pending = (res.UnprocessedItems?.[tenant.tableName] ?? []) as typeof pending;
          } catch (e) {
            // A put of the same item again is harmless; a loaded machine times a batch out now and then.
            if (attempt >= 5) throw e;
          }
        }
      }
    }),
  );
}

const tenants: { size: number; tenant: Tenant; cookie: string }[] = [];
const sessions = new SessionSealer(sessionKey(new Uint8Array(randomBytes(32))));
for (const size of SIZES) {
  const tenant = await onboardTenant(p, {
    id: `bank-${size}`,
    name: `Bank ${size}`,
    kind: 'bank',
    policy: 'cn-nfra-2020',
  });
  await p.units.put(
    tenant.tableName,
    {
      units: [
        { id: 'head-office', name: { 'zh-CN': '总行', en: 'Head office' } },
        { id: 'branch', name: { 'zh-CN': '分行', en: 'Branch' }, parentId: 'head-office' },
        { id: 'sub-branch', name: { 'zh-CN': '支行', en: 'Sub-branch' }, parentId: 'branch' },
      ],
    },
    0,
  );
  const started = performance.now();
  await seed(tenant, size);
  const open = await countOpen(tenant);
  log(
    `seeded ${tenant.id}: ${open} open complaints in the index in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  if (open !== size) throw new Error(`expected ${size} open complaints in the index, found ${open}`);
  const { value } = await sessions.seal(principal(tenant.id, ['handler'], 'h-1'), 'console');
  tenants.push({ size, tenant, cookie: `redress_console=${value}` });
}

/** Every open complaint of the tenant, counted through the index itself (Select COUNT), page by page. */
async function countOpen(tenant: Tenant): Promise<number> {
  const { QueryCommand } = await import('@aws-sdk/lib-dynamodb');
  let n = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const res = await db.send(
      new QueryCommand({
        TableName: tenant.tableName,
        IndexName: 'openByDue',
        KeyConditionExpression: 'gsi2pk = :o',
        ExpressionAttributeValues: { ':o': 'OPEN' },
        Select: 'COUNT',
        ExclusiveStartKey: start,
      }),
    );
    n += res.Count ?? 0;
    start = res.LastEvaluatedKey;
  } while (start);
  return n;
}

const app = createApp({
  platform: p,
  verify: createTokenVerifier([]),
  surfaces: [],
  cursorKey: new Uint8Array(randomBytes(32)),
  web: {
    options: { sessions, assets: await buildWebAssets(), secureCookies: false, signIn: [] },
    surfaces: [consoleSurface],
  },
});
const counts = countQueries(db);

/** Wall time (what the user waits) and this process's CPU time (less at the mercy of other load). */
async function once(path: string, cookie: string): Promise<{ ms: number; cpuMs: number; rows: number }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const res = await app.request(`http://localhost${path}`, { headers: { Host: 'localhost', Cookie: cookie } });
  const html = await res.text();
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${html.slice(0, 300)}`);
  return { ms, cpuMs: (used.user + used.system) / 1000, rows: (html.match(/data-complaint=/g) ?? []).length };
}

// ----------------------------------------------------------------------------------------------- measure
type Result = {
  scenario: string;
  path: string;
  size: number;
  requests: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  meanMs: number;
  /** Node CPU per request (median): the page's own work, DynamoDB Local's JVM not included. */
  cpuP50Ms: number;
  rowsPerPage: number;
  queriesPerRequest: number;
  itemsEvaluatedPerRequest: number;
};
const results: Result[] = [];
for (const s of SCENARIOS) {
  for (const t of tenants) for (let i = 0; i < WARMUP; i++) await once(s.path, t.cookie);
  const lat = new Map<number, number[]>(tenants.map((t) => [t.size, []]));
  const cpuOf = new Map<number, number[]>(tenants.map((t) => [t.size, []]));
  const usage = new Map(tenants.map((t) => [t.size, { queries: 0, scanned: 0, rows: 0 }]));
  // Blocks of each size in turn, so drift (JIT, the JVM, other load) falls on both alike.
  for (let done = 0; done < REQUESTS; done += BLOCK) {
    for (const t of tenants) {
      for (let i = 0; i < Math.min(BLOCK, REQUESTS - done); i++) {
        const before = { ...counts };
        const r = await once(s.path, t.cookie);
        lat.get(t.size)!.push(r.ms);
        cpuOf.get(t.size)!.push(r.cpuMs);
        const u = usage.get(t.size)!;
        u.queries += counts.queries - before.queries;
        u.scanned += counts.scanned - before.scanned;
        u.rows += r.rows;
      }
    }
  }
  for (const t of tenants) {
    const sorted = lat.get(t.size)!.sort((a, b) => a - b);
    const u = usage.get(t.size)!;
    const r: Result = {
      scenario: s.name,
      path: s.path,
      size: t.size,
      requests: sorted.length,
      p50Ms: round(percentile(sorted, 50), 2),
      p95Ms: round(percentile(sorted, 95), 2),
      p99Ms: round(percentile(sorted, 99), 2),
      meanMs: round(sorted.reduce((a, b) => a + b, 0) / sorted.length, 2),
      cpuP50Ms: round(
        percentile(
          cpuOf.get(t.size)!.sort((a, b) => a - b),
          50,
        ),
        2,
      ),
      rowsPerPage: round(u.rows / sorted.length, 1),
      queriesPerRequest: round(u.queries / sorted.length, 2),
      itemsEvaluatedPerRequest: round(u.scanned / sorted.length, 1),
    };
    results.push(r);
    log(
      `${s.name} @ ${t.size}: p50 ${r.p50Ms} ms, p95 ${r.p95Ms} ms, p99 ${r.p99Ms} ms, ${r.itemsEvaluatedPerRequest} items read`,
    );
  }
}
if (counts.scans > 0) throw new Error(`${counts.scans} Scan calls: the queue must read its index`);

// ------------------------------------------------------------------------------------------------ report
const sizes = [...SIZES].sort((a, b) => a - b);
const [small, large] = [sizes[0]!, sizes.at(-1)!];
/** With three sizes or more: the largest against the one below it, to tell a bound from a growth. */
const middle = sizes.length > 2 ? sizes.at(-2) : undefined;
const ratio = (scenario: string, key: 'p50Ms' | 'p95Ms' | 'p99Ms' | 'cpuP50Ms', base = small) => {
  const a = results.find((r) => r.scenario === scenario && r.size === base)!;
  const b = results.find((r) => r.scenario === scenario && r.size === large)!;
  return round(b[key] / a[key], 2);
};
const load = (l: number[]) => l.map((x) => x.toFixed(1)).join(', ');
const machine = `load average ${load(loadAtStart)} at the start and ${load(loadavg())} at the end; ${cpus().length} CPUs (${cpus()[0]?.model.trim()}), ${round(totalmem() / 2 ** 30, 1)} GiB, Node ${process.version}, DynamoDB Local (${STORAGE})`;
const command = `npx tsx bench/console-queue/run.ts ${process.argv.slice(2).join(' ')}`.trim();
const date = new Date().toISOString().slice(0, 10);
const lines = [
  `# Work-queue page latency, ${sizes.map((n) => n.toLocaleString('en')).join(' / ')} open complaints (${date})`,
  '',
  `Command: \`${command}\``,
  '',
  `Machine: ${machine}. In-process \`app.request()\` of the console with a sealed session cookie (handler, sub h-1);`,
  `${REQUESTS} measured requests per case after ${WARMUP} warm-up ones, in alternating blocks of ${BLOCK}; page size 25.`,
  'Goal: the larger tenant at most 1.2 × the smaller.',
  '',
  `| case | open complaints | p50 ms | p95 ms | p99 ms | mean ms | Node CPU p50 ms | rows | Queries / req | items read / req |`,
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...results.map(
    (r) =>
      `| ${r.scenario} | ${r.size.toLocaleString('en')} | ${r.p50Ms} | ${r.p95Ms} | ${r.p99Ms} | ${r.meanMs} | ${r.cpuP50Ms} | ${r.rowsPerPage} | ${r.queriesPerRequest} | ${r.itemsEvaluatedPerRequest} |`,
  ),
  '',
  `Ratios ${large.toLocaleString('en')} ÷ ${small.toLocaleString('en')} (goal ≤ 1.2)${middle ? `, and ${large.toLocaleString('en')} ÷ ${middle.toLocaleString('en')}` : ''}:`,
  '',
  `| case | p50 | p95 | p99 | Node CPU p50 | p50 goal | p95 goal |${middle ? ` p50 / p95 ÷ ${middle.toLocaleString('en')} |` : ''}`,
  `| --- | ---: | ---: | ---: | ---: | --- | --- |${middle ? ' ---: |' : ''}`,
  ...SCENARIOS.map((s) => {
    const [r50, r95] = [ratio(s.name, 'p50Ms'), ratio(s.name, 'p95Ms')];
    const vsMiddle = middle ? ` ${ratio(s.name, 'p50Ms', middle)} / ${ratio(s.name, 'p95Ms', middle)} |` : '';
    const goal = (r: number) => (r <= 1.2 ? 'met' : 'missed');
    return `| ${s.name} | ${r50} | ${r95} | ${ratio(s.name, 'p99Ms')} | ${ratio(s.name, 'cpuP50Ms')} | ${goal(r50)} | ${goal(r95)} |${vsMiddle}`;
  }),
  '',
  `Scan calls: ${counts.scans}. "items read" is DynamoDB's ScannedCount summed over the request's Queries: what a read is charged for.`,
];
mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, `${date}.md`), `${lines.join('\n')}\n`);
writeFileSync(
  join(OUT, `${date}.json`),
  `${JSON.stringify({ date, command, machine, requests: REQUESTS, warmup: WARMUP, results }, null, 2)}\n`,
);
log(`wrote ${join(OUT, `${date}.md`)}`);
await p.engine.stop();
await dynamo.stop();
process.exit(0);
