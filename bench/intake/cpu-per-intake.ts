/**
 * Node CPU per intake, without contention: the server (bench/intake/server.ts, composed as `npm start`)
 * in a forked process, intakes sent one after another (or a few at a time), and the server's own
 * CPU time over the window divided by the intakes. Everything an intake sets off in the server
 * counts: the request, its lifecycle's first step, the stream poller and the webhook dispatch of its
 * events (the window ends only when the server has been idle for a moment).
 *
 *   npx tsx bench/intake/cpu-per-intake.ts [--intakes=300] [--warmup=100] [--concurrency=1]
 *   npx tsx bench/intake/cpu-per-intake.ts --cpu-prof=/tmp/prof   # a V8 profile of the server, whole run
 *
 * issue 9's goal: under 5 ms per intake.
 */
import { fork } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { intakeBody } from '../../test/support/fixtures';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const INTAKES = Number(args.intakes ?? 300);
const WARMUP = Number(args.warmup ?? 100);
const CONCURRENCY = Number(args.concurrency ?? 1);

const server = fork(join(import.meta.dirname, 'server.ts'), {
  execArgv: ['--import', 'tsx', ...(args['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${args['cpu-prof']}`] : [])],
  env: { ...process.env, BENCH_DYNAMODB_STORAGE: args.storage ?? 'disk' },
});
let nextId = 0;
const pending = new Map<number, (m: Record<string, unknown>) => void>();
const ready = new Promise<{ url: string; token: string }>((resolve) => {
  server.on('message', (m: Record<string, unknown>) => {
    if (m.ready) resolve(m as never);
    const done = pending.get(m.id as number);
    if (done) {
      pending.delete(m.id as number);
      done(m);
    }
  });
});
const ask = (op: string) =>
  new Promise<Record<string, unknown>>((resolve) => {
    const id = nextId++;
    pending.set(id, resolve);
    server.send({ id, op });
  });

const { url, token } = await ready;
const base = intakeBody();
let n = 0;
async function intake() {
  const i = n++;
  const complainant = {
    ...base.complainant,
    phone: `139${String(i).padStart(8, '0')}`,
    idNumber: `110105${String(19_500_000 + i).padStart(8, '0')}${String(i % 10_000).padStart(4, '0')}`,
  };
  const res = await fetch(`${url}/v1/complaints`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'idempotency-key': `cpu-${process.pid}-${i}`,
    },
    body: JSON.stringify({ ...base, complainant }),
  });
  await res.arrayBuffer();
  if (res.status !== 201) throw new Error(`intake answered ${res.status}`);
}
async function run(count: number) {
  let left = count;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (left-- > 0) await intake();
    }),
  );
  // The lifecycle's first step, the stream poller and the dispatcher finish after the 201.
  for (let idle = 0; idle < 3; ) {
    await new Promise((r) => setTimeout(r, 300));
    const s = await ask('stats');
    idle = (s.inFlight as number) === 0 ? idle + 1 : 0;
  }
}

await run(WARMUP);
// What the server spends doing nothing (its timers, the stream poller's polls): subtracted below.
await ask('reset');
await new Promise((r) => setTimeout(r, 5000));
const idleMsPerS = ((await ask('stats')).cpuMs as number) / 5;
await ask('reset');
const t0 = performance.now();
await run(INTAKES);
const stats = await ask('stats');
const wall = performance.now() - t0;
const calls = Object.entries(stats.calls as Record<string, { count: number }>)
  .map(([k, v]) => `${k} ${(v.count / INTAKES).toFixed(2)}`)
  .join(', ');
process.stdout.write(
  `${INTAKES} intakes, concurrency ${CONCURRENCY}, ${(wall / 1000).toFixed(1)} s (load average ${loadavg()[0]!.toFixed(2)}): ` +
    `server CPU ${((stats.cpuMs as number) / INTAKES).toFixed(2)} ms per intake, ` +
    `${(((stats.cpuMs as number) - (idleMsPerS * wall) / 1000) / INTAKES).toFixed(2)} ms above idle ` +
    `(idle: ${idleMsPerS.toFixed(1)} ms of CPU a second); ` +
    `DynamoDB calls per intake: ${calls}\n`,
);
await ask('stop');
