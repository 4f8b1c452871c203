/**
 * One boot of the local platform for bench/engine/run.ts (forked with `--expose-gc`): starts it
 * exactly as `npm start` composes it on the given data directory (manual clock, silent log), reports
 * when it serves and when every open lifecycle is parked, then answers the parent's requests over
 * IPC. Written against the product's public start-up API only, so the same file runs in a checkout
 * of main for the "before" figures.
 */
import { request } from 'node:http';
import { loadConfig } from '../../infra/local/config';
import { startLocalPlatform } from '../../infra/local/start';
import { performAction } from '../../shared/application/complaint-actions';
import { registerComplaint } from '../../shared/application/intake';
import { IntakeSchema } from '../../shared/domain/complaint/intake-schema';
import * as t from '../../shared/domain/complaint/transitions';
import { intakeBody, principal } from '../../test/support/fixtures';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const send = (m: unknown): void => void process.send!(m);

const config = loadConfig({
  ...process.env,
  REDRESS_DATA_DIR: process.env.BENCH_DATA_DIR!,
  PORT: '0',
  REDRESS_LOG: process.env.BENCH_LOG === 'json' ? 'json' : 'silent',
  REDRESS_CLOCK: 'manual',
  REDRESS_RATE_LIMITS: 'off',
  REDRESS_SEED: '1',
  REDRESS_DYNAMODB_STORAGE: 'disk',
});
const startCalled = performance.now();
const handle = await startLocalPlatform(config);
// performance.now() counts from the process's start: module loading included.
const serving = performance.now();
const p = handle.platform;
const engine = p.engine as typeof p.engine & { inFlight?: () => number };
// Proof of serving during the resume: one request, and how many lifecycles were parked when it was answered.
const probeStart = performance.now();
const probe = await fetch(`${handle.url}/_local/clock`);
const probeMs = performance.now() - probeStart;
const parkedAtProbe = engine.parked();
const resumed = await handle.resumed;
const parked = performance.now();
send({
  kind: 'started',
  servingMs: serving,
  startCallMs: serving - startCalled,
  parkedMs: parked,
  probeStatus: probe.status,
  probeMs,
  parkedAtProbe,
  resumed,
  dynamoEndpoint: handle.dynamoEndpoint,
  url: handle.url,
});

const tenant = (await p.directory.find('demo-bank'))!;
const intake = async () =>
  (
    await registerComplaint(
      p,
      tenant,
      principal(tenant.id, ['intake']),
      IntakeSchema.parse(intakeBody()),
      `bench-${Math.random()}`,
    )
  ).complaint.id;

function memory() {
  gc!();
  gc!();
  const m = process.memoryUsage();
  return {
    rss: m.rss,
    heapUsed: m.heapUsed,
    parked: engine.parked(),
    running: engine.running(),
    inFlight: engine.inFlight?.() ?? null,
  };
}

/** `k` complaints registered and withdrawn (their lifecycles end), 8 at a time. */
async function churn(k: number) {
  const who = principal(tenant.id, ['supervisor'], 'bench-1');
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next++ < k) {
        const id = await intake();
        await p.engine.settle();
        await performAction(p, tenant, who, id, (r, ctx) => t.withdraw(r, { reason: 'bench' }, ctx));
      }
    }),
  );
  await p.engine.settle();
}

/**
 * Escalation checkpoints recorded per complaint (open ones, all pages), once no run is in flight:
 * settle() stops waiting for a run in a retry's back-off, which a loaded DynamoDB Local causes.
 */
async function escalations() {
  for (let i = 0; i < 600 && (engine.inFlight?.() ?? 0) > 0; i++) await new Promise((r) => setTimeout(r, 200));
  await p.engine.settle();
  const out: Record<string, string[]> = {};
  let cursor: string | undefined;
  do {
    const page = await p.complaints.list(tenant.tableName, { limit: 100, ...(cursor && { cursor }) });
    await Promise.all(
      page.items.map(async (c) => {
        const events = await p.complaints.events(tenant.tableName, c.id, 1000);
        out[c.id] = events.items
          .filter((e) => e.type === 'escalated')
          .map((e) => `${e.data.deadline}@${e.data.checkpointAt}`);
      }),
    );
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

/**
 * POST /_local/clock, which answers once everything due has happened: at 10,000 complaints firing
 * their checkpoints that is minutes, past fetch's fixed 300 s wait for headers (the restart check's
 * failure on 2026-12-04). node:http has no such limit.
 */
function advance(by: string): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ advance: by });
    const req = request(
      `${handle.url}/_local/clock`,
      { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

process.on('message', async (m: { id: number; op: string; arg?: unknown }): Promise<void> => {
  const reply = (value: unknown): void => void send({ kind: 'reply', id: m.id, value });
  switch (m.op) {
    case 'sample':
      return reply({ id: await intake(), table: tenant.tableName });
    case 'memory':
      return reply(memory());
    case 'snapshot': {
      // After two full GCs: what a comparison of two snapshots shows is what stays.
      memory();
      const { writeHeapSnapshot } = await import('node:v8');
      return reply(writeHeapSnapshot(String(m.arg)));
    }
    case 'churn':
      await churn(Number(m.arg));
      return reply(memory());
    case 'advance':
      return reply(await advance(String(m.arg)));
    case 'escalations':
      return reply(await escalations());
    case 'stop':
      await handle.stop();
      reply(null);
      setTimeout(() => process.exit(0), 50);
      return;
  }
});
