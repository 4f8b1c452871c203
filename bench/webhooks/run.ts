/**
 * Webhook delivery benchmark, in this process against a DynamoDB Local it starts (in memory), with
 * the local runtime's real clock, stream poller, queue and HTTP sender, and receivers on loopback.
 *
 *   npx tsx bench/webhooks/run.ts [--rate=50] [--seconds=20] [--burst=2000] [--warmup=20]
 *
 * The store client is the one `npm start` composes (`createLocalStoreClient`: the commit barrier, and
 * the nudge that wakes the stream poller when a write is answered).
 *
 * 1. Latency at `rate` events/s, each a whole intake (one `complaint.received` each), p50/p99: from
 *    the event's own time (`occurredAt`, taken just before its transaction is sent: the issue's "from
 *    committing a state change") and, in brackets, from before the intake call.
 * 2. The same rate as a mix of lifecycle changes: complaints received at rate/4 a second, each then
 *    acknowledged, decided and given feedback a second apart (four events each), every event
 *    subscribed, latency from each event's own time.
 * 3. Deliveries per second the sender achieves: `burst` test events over 8 endpoints, one receiver.
 * 4. Parts 1 and 2 again with one more endpoint that never answers subscribed to the same events:
 *    the others' latency must not move (the hanging one holds only its own lane).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ensureTable } from '../../infra/local/adapters/ensure-table';
import { localPlatform } from '../../infra/local/platform';
import { startDynamoDbLocal } from '../../infra/local/processes/dynamodb-local';
import { LocalWebhooks } from '../../infra/local/webhooks/webhook-runtime';
import { registerComplaint } from '../../shared/application/intake';
import { runStaffAction } from '../../shared/application/staff-actions';
import { onboardTenant } from '../../shared/application/tenants';
import { createEndpoint, sendTestEvent } from '../../shared/application/webhook-endpoints';
import { IntakeSchema } from '../../shared/domain/complaint/intake-schema';
import { systemClock } from '../../shared/ports/clock';
import { silentLogger } from '../../shared/ports/logger';
import { createLocalStoreClient } from '../../shared/store/dynamo-client';
import { controlPlaneTable } from '../../shared/store/table-names';
import { controlPlaneTableDefinition } from '../../shared/store/table-schemas';
import { intakeBody, principal } from '../../test/support/fixtures';
import { percentile } from '../intake/stats';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const RATE = Number(args.rate ?? 50);
const SECONDS = Number(args.seconds ?? 20);
const BURST = Number(args.burst ?? 2000);
/** Seconds of intakes at the rate before anything is measured: DynamoDB Local's JIT compiles its hot paths meanwhile. */
const WARMUP = Number(args.warmup ?? 20);

/** Every call to DynamoDB Local, by command: both clients the platform builds go through these. */
const storeCalls = new Map<string, number>();
for (const Client of [DynamoDBClient, DynamoDBDocumentClient, DynamoDBStreamsClient]) {
  const send = Client.prototype.send as (...a: unknown[]) => unknown;
  Client.prototype.send = function (this: unknown, command: { constructor: { name: string } }, ...rest: unknown[]) {
    const name = command.constructor.name.replace(/Command$/, '');
    storeCalls.set(name, (storeCalls.get(name) ?? 0) + 1);
    return send.call(this, command, ...rest);
  } as never;
}
const callsSince = (before: Map<string, number>, events: number) =>
  [...storeCalls]
    .map(([name, n]) => [name, (n - (before.get(name) ?? 0)) / events] as const)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([name, n]) => `${name} ${n.toFixed(2)}`)
    .join(', ');

const arrivals = new Map<string, number>();
/** Per event delivered to /all: arrival minus the event's own time, in ms. */
const fromEvent = new Map<string, number>();
let received = 0;
const receiver = createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    received++;
    if (req.url === '/hang') return;
    const parsed = JSON.parse(body) as { type: string; data: { complaintId?: string; occurredAt?: string } };
    const now = Date.now();
    if (parsed.type === 'complaint.received' && req.url === '/fast') {
      arrivals.set(parsed.data.complaintId!, performance.now());
      fromEvent.set(parsed.data.complaintId!, now - Date.parse(parsed.data.occurredAt!));
    }
    if (req.url === '/all') fromEvent.set(String(req.headers['webhook-id']), now - Date.parse(parsed.data.occurredAt!));
    res.end('ok');
  });
});
await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;

const dynamo = await startDynamoDbLocal({ dbPath: 'memory' });
let nudge: (tables: readonly string[]) => void = () => undefined;
const db = createLocalStoreClient(dynamo.endpoint, {}, (tables) => nudge(tables));
const dataDir = mkdtempSync(join(tmpdir(), 'redress-bench-webhooks-'));
const p = localPlatform({ db, dataDir, tablePrefix: 'bench-', clock: systemClock, logger: silentLogger });
await ensureTable(db, controlPlaneTableDefinition(controlPlaneTable(p.naming)));
const tenant = (await p.directory.find(
  (
    await onboardTenant(p, { id: 'bank', name: 'Bank', kind: 'bank', policy: 'cn-nfra-2020' })
  ).id,
))!;
const webhooks = new LocalWebhooks(p, { dynamoEndpoint: dynamo.endpoint, dataDir });
nudge = (tables) => webhooks.nudge(tables);
await webhooks.start();
await createEndpoint(p, tenant, { url: `${base}/fast`, events: ['complaint.received'] });

async function latencyRun(label: string, seconds = SECONDS) {
  arrivals.clear();
  fromEvent.clear();
  let failedIntakes = 0;
  const started = new Map<string, number>();
  const calls: number[] = [];
  const total = RATE * seconds;
  const t0 = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = t0 + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(
      (async () => {
        const at = performance.now();
        const { complaint } = await registerComplaint(
          p,
          tenant,
          principal(tenant.id, ['intake']),
          IntakeSchema.parse(intakeBody()),
          `bench-${label}-${i}`,
        );
        calls.push(performance.now() - at);
        started.set(complaint.id, at);
      })().catch((e: Error) => {
        if (failedIntakes++ === 0) process.stderr.write(`first failed intake: ${e.name} ${e.message}\n`);
      }),
    );
  }
  await Promise.all(inFlight);
  const end = performance.now() + 30_000;
  while (arrivals.size < started.size && performance.now() < end) await new Promise((r) => setTimeout(r, 50));
  const latencies = [...started]
    .filter(([id]) => arrivals.has(id))
    .map(([id, at]) => arrivals.get(id)! - at)
    .sort((a, b) => a - b);
  const committed = [...started.keys()]
    .filter((id) => fromEvent.has(id))
    .map((id) => fromEvent.get(id)!)
    .sort((a, b) => a - b);
  return {
    label: `${label}, intakes`,
    failedIntakes,
    sent: started.size,
    delivered: latencies.length,
    p50: `${Math.round(percentile(committed, 50))} (${Math.round(percentile(latencies, 50))})`,
    p99: `${Math.round(percentile(committed, 99))} (${Math.round(percentile(latencies, 99))})`,
    max: `${Math.round(Math.max(...committed))} (${Math.round(Math.max(...latencies))})`,
    calls: callPercentiles(calls),
  };
}

/** How long the changes' own calls took (intake, staff actions), p50 / p99 ms: the store's load shows there first. */
const callPercentiles = (ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b);
  return `${Math.round(percentile(sorted, 50))} / ${Math.round(percentile(sorted, 99))}`;
};

const LIFECYCLE_EVENTS = [
  'complaint.received',
  'complaint.acknowledged',
  'complaint.decided',
  'complaint.feedback_recorded',
] as const;

/** `rate` events a second as lifecycles make them: a quarter are intakes, the rest staff actions on them. */
async function mixRun(label: string) {
  fromEvent.clear();
  const staff = principal(second.id, ['handler']);
  let failed = 0;
  let changes = 0;
  const calls: number[] = [];
  const timed = async <T>(call: () => Promise<T>): Promise<T> => {
    const at = performance.now();
    const result = await call();
    calls.push(performance.now() - at);
    return result;
  };
  const lifecycles = Math.round((RATE * SECONDS) / LIFECYCLE_EVENTS.length);
  const t0 = performance.now();
  const sleepUntil = async (at: number) => {
    const wait = at - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  };
  const one = async (k: number) => {
    const start = t0 + (k * 1000 * LIFECYCLE_EVENTS.length) / RATE;
    await sleepUntil(start);
    const { complaint } = await timed(() =>
      registerComplaint(
        p,
        second,
        principal(second.id, ['intake']),
        IntakeSchema.parse(intakeBody()),
        `bench-${label}-mix-${k}`,
      ),
    );
    changes++;
    const steps: [Parameters<typeof runStaffAction>[3], () => unknown][] = [
      ['acknowledge', () => ({})],
      ['decision', () => ({ outcome: 'upheld', summary: '退还年费' })],
      ['feedback', () => ({ channel: 'phone', deliveredAt: new Date().toISOString(), summary: '已致电告知' })],
    ];
    for (const [i, [name, input]] of steps.entries()) {
      await sleepUntil(start + (i + 1) * 1000);
      await timed(() => runStaffAction(p, second, staff, name, complaint.id, input()));
      changes++;
    }
  };
  await Promise.all(
    Array.from({ length: lifecycles }, (_, k) =>
      one(k).catch((e: Error) => {
        if (failed++ === 0) process.stderr.write(`first failed change: ${e.name} ${e.message}\n`);
      }),
    ),
  );
  const end = performance.now() + 30_000;
  while (fromEvent.size < changes && performance.now() < end) await new Promise((r) => setTimeout(r, 50));
  const committed = [...fromEvent.values()].sort((a, b) => a - b);
  return {
    label: `${label}, lifecycle mix`,
    failedIntakes: failed,
    sent: changes,
    delivered: committed.length,
    p50: String(Math.round(percentile(committed, 50))),
    p99: String(Math.round(percentile(committed, 99))),
    max: String(Math.round(Math.max(...committed))),
    calls: callPercentiles(calls),
  };
}

const warmup = WARMUP > 0 ? await latencyRun('warm-up (not counted)', WARMUP) : undefined;
const callsBefore = new Map(storeCalls);
const first = await latencyRun('plain');
const firstCalls = callsSince(callsBefore, first.sent);
const callsBeforeMix = new Map(storeCalls);
// The mix runs in an institution of its own, so its events and the intake runs' never share an endpoint.
const second = (await p.directory.find(
  (
    await onboardTenant(p, { id: 'bank2', name: 'Bank 2', kind: 'bank', policy: 'cn-nfra-2020' })
  ).id,
))!;
await createEndpoint(p, second, { url: `${base}/all`, events: [...LIFECYCLE_EVENTS] });
const firstMix = await mixRun('plain');
const mixCalls = callsSince(callsBeforeMix, firstMix.sent);

// Part 2: a burst of test events over 8 endpoints on the one receiver.
const endpoints: { id: string }[] = [];
for (let i = 0; i < 8; i++)
  endpoints.push((await createEndpoint(p, tenant, { url: `${base}/burst${i}`, events: ['webhook.test'] })).endpoint);
const before = received;
const b0 = performance.now();
// The burst is queued by 64 callers at a time, as a client of the API would send it: the figure is the
// sender's. (2,000 store calls at once outran DynamoDB Local's accept queue, and the first of them to
// fail ended this script, which an earlier note took for the platform ending.)
let queued = 0;
let notQueued = 0;
await Promise.all(
  Array.from({ length: 64 }, async () => {
    while (queued + notQueued < BURST) {
      const i = queued + notQueued;
      queued++;
      await sendTestEvent(p, tenant, endpoints[i % 8]!.id).catch(() => {
        queued--;
        notQueued++;
      });
    }
  }),
);
while (received - before < queued && performance.now() - b0 < 120_000) await new Promise((r) => setTimeout(r, 20));
const burst = { events: received - before, notQueued, seconds: (performance.now() - b0) / 1000 };

// Part 3: one endpoint that never answers, subscribed to the same events.
await createEndpoint(p, tenant, { url: `${base}/hang`, events: ['complaint.received'] });
const hanging = await latencyRun('with a hanging endpoint');
await createEndpoint(p, second, { url: `${base}/hang`, events: [...LIFECYCLE_EVENTS] });
const hangingMix = await mixRun('with a hanging endpoint');

const lines = [
  `# Webhook delivery — ${new Date().toISOString().slice(0, 10)}`,
  '',
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, Node ${process.version}. Command: \`npx tsx bench/webhooks/run.ts --rate=${RATE} --seconds=${SECONDS} --burst=${BURST} --warmup=${WARMUP}\``,
  '',
  `Load average at the end: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(', ')}. Latency in ms from the event's own time (in brackets: from before the intake call).`,
  '',
  "| run | changes failed | events | delivered | p50 ms | p99 ms | max ms | the changes' calls, p50 / p99 ms |",
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...[...(warmup ? [warmup] : []), first, firstMix, hanging, hangingMix].map(
    (r) =>
      `| ${r.label} at ${RATE}/s | ${r.failedIntakes} | ${r.sent} | ${r.delivered} | ${r.p50} | ${r.p99} | ${r.max} | ${r.calls} |`,
  ),
  '',
  `DynamoDB Local calls per event (every client, up to 30 s after the last one): intakes: ${firstCalls}; lifecycle mix: ${mixCalls}.`,
  '',
  `Sender throughput: ${burst.events} test deliveries over 8 endpoints in ${burst.seconds.toFixed(1)} s = **${Math.round(burst.events / burst.seconds)} deliveries/s** (${burst.notQueued} of ${BURST} test events refused when queued).`,
  '',
];
mkdirSync('bench/webhooks/results', { recursive: true });
const out = args.out ?? join('bench/webhooks/results', `${new Date().toISOString().slice(0, 10)}.md`);
writeFileSync(out, lines.join('\n'));
process.stdout.write(`${lines.join('\n')}\nwrote ${out}\n`);
// The receiver goes first: the hanging endpoint's attempts would otherwise hold the sender's stop
// for their 15 s timeouts, lane after lane (the clean-up that never ended in an earlier run).
receiver.closeAllConnections();
receiver.close();
await webhooks.stop();
await p.engine.stop();
db.destroy();
await dynamo.stop();
process.exit(0);
