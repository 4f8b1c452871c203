/**
 * Local workflow engine at 1,000, 10,000 and 50,000 parked complaints (issue 9): Node RSS and heap
 * per parked complaint, heap still held by ended complaints after a full GC, time from process
 * start to serving and to every lifecycle parked, and a restart check (no checkpoint fires twice
 * or is lost across a SIGKILL).
 *
 *   npx tsx bench/engine/run.ts                                   # this checkout, --sizes=1000,10000,50000
 *   npx tsx bench/engine/run.ts --sizes=1000,10000 --before=/tmp/redress-main   # also main's engine on the same data
 *   (a checkout of main without a worktree: git archive main | tar -x -C /tmp/redress-main, then
 *    ln -s "$PWD/node_modules" /tmp/redress-main/node_modules; this script copies child.ts into it)
 *
 * Per size, three boots of the platform (bench/engine/child.ts, a forked process started as
 * `npm start` composes it, on disk, manual clock) on one data directory:
 *   A registers one complaint through the real intake, then stops;
 *   B0 boots with that one open complaint (the baseline memory); meanwhile this process seeds N-1
 *      copies of the complaint's items (record, first event, workflow position: token and, where the
 *      tree stores one, due time) with BatchWriteItem straight into its DynamoDB Local, each under a
 *      new ULID (every occurrence of the id replaced); then B0 stops;
 *   B  boots with N open complaints: serving and parked times, memory after two full GCs; then
 *      `--churn` complaints are registered and withdrawn (their lifecycles end) after a warm-up, and
 *      the heap is measured again. With `--before`, main's tree then boots the same way on the same
 *      data (its per-parked figures use this tree's B0 baseline).
 * At the first size only, two more boots of this tree: one advances the manual clock one day (every copy fires its checkpoints),
 * is killed with SIGKILL, and the next advances one more day; every complaint must then hold the
 * same checkpoints as every other, each once.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BatchWriteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { createDocumentClient, localClientConfig } from '../../shared/store/dynamo-client';

const HERE = dirname(fileURLToPath(import.meta.url));
const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k!, v ?? 'true'] as const;
  }),
);
const SIZES = (args.get('sizes') ?? '1000,10000,50000').split(',').map(Number);
const TREE = resolve(args.get('tree') ?? join(HERE, '..', '..'));
/** A checkout of main (see above), booted on the same data after this tree: the "before" figures. */
const BEFORE = args.get('before') ? resolve(args.get('before')!) : undefined;
const LABEL = args.get('label') ?? 'engine';
const CHURN = Number(args.get('churn') ?? 500);
const OUT = args.get('out');
const MiB = 1024 * 1024;
const log = (m: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${m}`);

type Started = {
  servingMs: number;
  startCallMs: number;
  parkedMs: number;
  probeStatus: number;
  probeMs: number;
  parkedAtProbe: number;
  resumed: number;
  dynamoEndpoint: string;
};
type Memory = { rss: number; heapUsed: number; parked: number; running: number; inFlight: number | null };
type Boot = { child: ChildProcess; started: Started; ask: <T>(op: string, arg?: unknown) => Promise<T> };

function boot(dataDir: string, tree = TREE): Promise<Boot> {
  const script = join(tree, 'bench', 'engine', 'child.ts');
  if (tree !== resolve(HERE, '..', '..')) {
    mkdirSync(dirname(script), { recursive: true });
    copyFileSync(join(HERE, 'child.ts'), script);
  }
  const child = fork(script, [], {
    cwd: tree,
    execArgv: ['--expose-gc', '--import', 'tsx'],
    env: { ...process.env, BENCH_DATA_DIR: dataDir },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let next = 0;
  const waiting = new Map<number, (v: unknown) => void>();
  return new Promise((res, rej) => {
    child.once('exit', (code) => rej(new Error(`platform process exited (${code}) before it was ready`)));
    child.on('message', (m: { kind: string; id?: number; value?: unknown } & Started) => {
      if (m.kind === 'reply') waiting.get(m.id!)?.(m.value);
      if (m.kind !== 'started') return;
      res({
        child,
        started: m,
        ask: <T>(op: string, arg?: unknown) =>
          new Promise<T>((r) => {
            const id = ++next;
            waiting.set(id, r as (v: unknown) => void);
            child.send({ id, op, arg });
          }),
      });
    });
  });
}

async function stop(b: Boot, signal?: NodeJS.Signals) {
  const exited = new Promise((r) => b.child.once('exit', r));
  if (signal) b.child.kill(signal);
  else await b.ask('stop');
  await exited;
}

/** N-1 copies of the sample complaint's partition (record, events, position) under new ids. */
async function seed(endpoint: string, table: string, sampleId: string, copies: number) {
  const config = localClientConfig(endpoint);
  // Seeding is not what is measured: a slow write on a loaded machine waits rather than fails.
  const db = createDocumentClient({
    ...config,
    requestHandler: { ...(config.requestHandler as object), requestTimeout: 120_000 },
  });
  const items = (
    await db.send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `C#${sampleId}` },
      }),
    )
  ).Items!;
  const template = JSON.stringify(items);
  let made = 0;
  const batches: Record<string, unknown>[][] = [];
  let batch: Record<string, unknown>[] = [];
  for (let i = 0; i < copies; i++)
    for (const item of JSON.parse(template.replaceAll(sampleId, ulid())) as Record<string, unknown>[]) {
      batch.push(item);
      if (batch.length === 25) {
        batches.push(batch);
        batch = [];
      }
    }
  if (batch.length) batches.push(batch);
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let b = batches.shift(); b; b = batches.shift()) {
        let requests = b.map((Item) => ({ PutRequest: { Item } }));
        for (let attempt = 0; requests.length; attempt++) {
          if (attempt) await new Promise((r) => setTimeout(r, 20 * attempt));
          const res = await db.send(new BatchWriteCommand({ RequestItems: { [table]: requests } }));
          requests = (res.UnprocessedItems?.[table] ?? []) as typeof requests;
        }
        made += b.length;
      }
    }),
  );
  db.destroy();
  return { itemsPerComplaint: items.length, items: made };
}

function restartCheck(first: Record<string, string[]>, second: Record<string, string[]>) {
  const lists = Object.values(second);
  const reference = JSON.stringify(lists[0]);
  const duplicated = lists.filter((l) => new Set(l).size !== l.length).length;
  const differing = lists.filter((l) => JSON.stringify(l) !== reference).length;
  const firedBefore = Object.values(first)[0]?.length ?? 0;
  const variants = new Map<string, number>();
  for (const l of lists) variants.set(JSON.stringify(l), (variants.get(JSON.stringify(l)) ?? 0) + 1);
  const beforeVariants = new Map<string, number>();
  for (const l of Object.values(first))
    beforeVariants.set(JSON.stringify(l), (beforeVariants.get(JSON.stringify(l)) ?? 0) + 1);
  return {
    complaints: lists.length,
    checkpointsBeforeKill: firedBefore,
    checkpointsAfterRestart: lists[0]?.length ?? 0,
    withDuplicates: duplicated,
    differingFromTheOthers: differing,
    /** The distinct lists and how many complaints hold each, before the kill and after the restart. */
    variantsBeforeKill: [...beforeVariants].map(([l, count]) => ({ count, checkpoints: JSON.parse(l) })),
    variants: [...variants].map(([l, count]) => ({ count, checkpoints: JSON.parse(l) })),
    ok: duplicated === 0 && differing === 0 && (lists[0]?.length ?? 0) > firedBefore,
  };
}

const results: Record<string, unknown>[] = [];
for (const [index, n] of SIZES.entries()) {
  const dir = mkdtempSync(join(tmpdir(), 'redress-bench-engine-'));
  try {
    log(`${LABEL} ${n}: boot A (one complaint through the intake)`);
    const a = await boot(dir);
    const sample = await a.ask<{ id: string; table: string }>('sample');
    await stop(a);
    log(`${LABEL} ${n}: boot B0 (baseline), seeding ${n - 1} copies`);
    const b0 = await boot(dir);
    const baseline = await b0.ask<Memory>('memory');
    const seedStart = performance.now();
    const seeded = await seed(b0.started.dynamoEndpoint, sample.table, sample.id, n - 1);
    const seedS = (performance.now() - seedStart) / 1000;
    await stop(b0);
    log(`${LABEL} ${n}: seeded ${seeded.items} items in ${seedS.toFixed(1)} s; boot B`);
    // (Each tree boots on the same data: the records main's engine resumes are the ones seeded here.)
    const trees = [{ label: LABEL, tree: TREE }, ...(BEFORE ? [{ label: 'main', tree: BEFORE }] : [])];
    for (const { label, tree } of trees) {
      const load = loadavg();
      const b = await boot(dir, tree);
      const parked = await b.ask<Memory>('memory');
      log(
        `${label} ${n}: serving ${(b.started.servingMs / 1000).toFixed(2)} s, parked ${(b.started.parkedMs / 1000).toFixed(2)} s`,
      );
      await b.ask('churn', 50);
      const beforeChurn = await b.ask<Memory>('memory');
      const afterChurn = await b.ask<Memory>('churn', CHURN);
      await stop(b);
      const row = {
        label,
        parkedComplaints: n,
        seedSeconds: Number(seedS.toFixed(1)),
        itemsPerComplaint: seeded.itemsPerComplaint,
        loadAverageAtBoot: load.map((x) => Number(x.toFixed(2))),
        servingSeconds: Number((b.started.servingMs / 1000).toFixed(2)),
        startCallSeconds: Number((b.started.startCallMs / 1000).toFixed(2)),
        parkedSeconds: Number((b.started.parkedMs / 1000).toFixed(2)),
        probe: {
          status: b.started.probeStatus,
          ms: Math.round(b.started.probeMs),
          parkedWhenAnswered: b.started.parkedAtProbe,
        },
        resumed: b.started.resumed,
        engineParked: parked.parked,
        engineRunning: parked.running,
        inFlight: parked.inFlight,
        rssMiB: Number((parked.rss / MiB).toFixed(1)),
        baselineRssMiB: Number((baseline.rss / MiB).toFixed(1)),
        rssBytesPerParked: Math.round((parked.rss - baseline.rss) / (n - 1)),
        heapBytesPerParked: Math.round((parked.heapUsed - baseline.heapUsed) / (n - 1)),
        endedComplaints: CHURN,
        heapBytesHeldPerEnded: Math.round((afterChurn.heapUsed - beforeChurn.heapUsed) / CHURN),
        runningAfterChurn: afterChurn.running,
      };
      results.push(row);
      console.log(JSON.stringify(row));
    }
    if (index === 0) {
      log(`${LABEL} ${n}: restart check`);
      const b = await boot(dir);
      await b.ask('advance', 'P1D');
      const first = await b.ask<Record<string, string[]>>('escalations');
      await stop(b, 'SIGKILL');
      const c = await boot(dir);
      await c.ask('advance', 'P1D');
      const restart = restartCheck(first, await c.ask<Record<string, string[]>>('escalations'));
      await stop(c);
      results.push({ label: LABEL, parkedComplaints: n, restart });
      console.log(JSON.stringify({ restart }));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const machine = `${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB, Node ${process.version}`;
if (OUT) writeFileSync(OUT, `${JSON.stringify({ machine, tree: TREE, results }, null, 2)}\n`);
log(`done (${machine})`);
