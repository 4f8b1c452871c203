/**
 * Race benchmark (issue 7 item 1): N clients each drive fresh complaints through acknowledge →
 * assign → decision → feedback back to back, over HTTP, against the platform started exactly as
 * `npm start` starts it (a child process, DynamoDB Local on disk, the real engine). Every action is
 * valid by the record at the moment it is sent; a 409 is retried until accepted and counted.
 * Reports the 409s per action, the rate of accepted actions and the latency from first attempt to
 * acceptance (p50/p99).
 *
 *   npx tsx bench/race/run.ts                       # 8 clients × 20 lifecycles (160 lifecycles, 640 actions)
 *   npx tsx bench/race/run.ts --clients=8 --lifecycles=20 --out=bench/race/results/after.json
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { intakeBody } from '../../test/support/fixtures';
import { startServer } from '../../test/support/local-server';

const args = Object.fromEntries(
  process.argv
    .slice(2)
    .map((a) => a.replace(/^--/, '').split('='))
    .map(([k, v]) => [k, v ?? 'true']),
);
const CLIENTS = Number(args.clients ?? 8);
const LIFECYCLES = Number(args.lifecycles ?? 20);
const OUT = args.out as string | undefined;
const MAX_RETRY_MS = 30_000;

const ACTIONS = ['acknowledge', 'assign', 'decision', 'feedback'] as const;
type Action = (typeof ACTIONS)[number];

const server = await startServer({ env: { REDRESS_LOG: 'silent', REDRESS_SEED: '1' } });
const intake = await server.token({ tenantId: 'demo-bank', roles: ['intake'] });
const handler = await server.token({ tenantId: 'demo-bank', roles: ['handler'], sub: 'bench-handler' });

const conflicts: Record<Action, number> = { acknowledge: 0, assign: 0, decision: 0, feedback: 0 };
const firstTryConflicts: Record<Action, number> = { acknowledge: 0, assign: 0, decision: 0, feedback: 0 };
const latencies: number[] = [];
const conflictMessages = new Map<string, number>();
let otherErrors = 0;

function body(action: Action): unknown {
  switch (action) {
    case 'acknowledge':
      return {};
    case 'assign':
      return { unitId: 'shanghai-branch', assignee: 'bench-handler' };
    case 'decision':
      return { outcome: 'upheld', summary: 'refund the duplicate annual fee' };
    case 'feedback':
      return { channel: 'phone', deliveredAt: new Date().toISOString(), summary: 'told by phone' };
  }
}

async function act(id: string, action: Action): Promise<void> {
  const started = performance.now();
  let first = true;
  for (;;) {
    const res = await server.call('POST', `/v1/complaints/${id}/${action}`, { token: handler, body: body(action) });
    if (res.status === 200) {
      latencies.push(performance.now() - started);
      return;
    }
    if (res.status !== 409 || performance.now() - started > MAX_RETRY_MS) {
      otherErrors++;
      console.error(`${action} ${id}: ${res.status} ${JSON.stringify(res.body)}`);
      return;
    }
    conflicts[action]++;
    if (first) firstTryConflicts[action]++;
    first = false;
    const message = String(res.body?.error?.message ?? '');
    conflictMessages.set(message, (conflictMessages.get(message) ?? 0) + 1);
    await new Promise((r) => setTimeout(r, 5));
  }
}

async function client(n: number): Promise<void> {
  for (let i = 0; i < LIFECYCLES; i++) {
    const created = await server.call('POST', '/v1/complaints', {
      token: intake,
      body: intakeBody({ description: `race bench ${n}-${i}` }),
      headers: { 'idempotency-key': `race-${n}-${i}-${Date.now()}` },
    });
    if (created.status !== 201) throw new Error(`intake: ${created.status} ${JSON.stringify(created.body)}`);
    for (const action of ACTIONS) await act(created.body.id, action);
  }
}

const t0 = performance.now();
try {
  await Promise.all(Array.from({ length: CLIENTS }, (_, n) => client(n)));
} finally {
  await server.stop();
}
const seconds = (performance.now() - t0) / 1000;
latencies.sort((a, b) => a - b);
const pct = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
const actions = CLIENTS * LIFECYCLES * ACTIONS.length;
const result = {
  clients: CLIENTS,
  lifecycles: CLIENTS * LIFECYCLES,
  actions,
  accepted: latencies.length,
  otherErrors,
  conflicts409: Object.values(conflicts).reduce((a, b) => a + b, 0),
  actionsWithA409First: Object.values(firstTryConflicts).reduce((a, b) => a + b, 0),
  conflictsByAction: conflicts,
  actionsWithA409FirstByAction: firstTryConflicts,
  conflictMessages: Object.fromEntries(conflictMessages),
  seconds: Number(seconds.toFixed(1)),
  acceptedPerSecond: Number((latencies.length / seconds).toFixed(1)),
  latencyMs: { p50: Math.round(pct(0.5)), p99: Math.round(pct(0.99)), max: Math.round(latencies.at(-1) ?? 0) },
};
console.log(JSON.stringify(result, null, 2));
if (OUT) {
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, `${JSON.stringify(result, null, 2)}\n`);
}
