/**
 * Heap held by ended complaints, as a slope: one platform (bench/engine/child.ts, composed as
 * `npm start` is, manual clock) on an empty data directory; complaints registered and withdrawn in
 * rounds, the heap after two full GCs measured after each. A fixed cost that a first round pays
 * (sockets, compiled code, caches filling) shows in the first step only; what each ended complaint
 * keeps shows in every step.
 *
 *   npx tsx bench/engine/churn-slope.ts [--rounds=500,500,1000,1000] [--snapshots=<dir>]
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const args = new Map(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const ROUNDS = (args.get('rounds') ?? '500,500,1000,1000').split(',').map(Number);
/** A directory for a heap snapshot after each round (compare two in Chrome DevTools' Comparison view). */
const SNAPSHOTS = args.get('snapshots');
const dir = mkdtempSync(join(tmpdir(), 'redress-churn-'));
const child = fork(join(import.meta.dirname, 'child.ts'), {
  execArgv: ['--import', 'tsx', '--expose-gc'],
  env: { ...process.env, BENCH_DATA_DIR: dir },
});
let nextId = 0;
const waiting = new Map<number, (v: unknown) => void>();
const started = new Promise<void>((resolve) =>
  child.on('message', (m: { kind: string; id?: number; value?: unknown }) => {
    if (m.kind === 'started') resolve();
    if (m.kind === 'reply') waiting.get(m.id!)?.(m.value);
  }),
);
const ask = <T>(op: string, arg?: unknown) =>
  new Promise<T>((resolve) => {
    const id = nextId++;
    waiting.set(id, resolve as (v: unknown) => void);
    child.send({ id, op, arg });
  });
type Memory = { heapUsed: number; running: number };
try {
  await started;
  await ask('churn', 50);
  let before = await ask<Memory>('memory');
  let ended = 50;
  console.log('| ended so far | heap MiB | bytes held per complaint ended in this round | lifecycles running |');
  console.log('| ---: | ---: | ---: | ---: |');
  for (const k of ROUNDS) {
    const after = await ask<Memory>('churn', k);
    ended += k;
    console.log(
      `| ${ended} | ${(after.heapUsed / 2 ** 20).toFixed(2)} | ${Math.round((after.heapUsed - before.heapUsed) / k)} | ${after.running} |`,
    );
    before = after;
    if (SNAPSHOTS) await ask('snapshot', join(SNAPSHOTS, `churn-${ended}.heapsnapshot`));
  }
  await ask('stop');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
