/**
 * What the per-tenant budget costs a request: the same cheap route (`GET /v1/taxonomy`, which reads
 * nothing from DynamoDB, so the budget's one UpdateItem is the whole difference) on the platform as
 * `npm start` runs it, with REDRESS_RATE_LIMITS=off and with a budget too high to refuse anything.
 * Runs alternate off → on → off → on (a fresh server each) so drift of the shared machine shows.
 *
 *   npx tsx bench/tenant-limits/run.ts                 # 8 connections, 10 s per run after 3 s warm-up
 *   npx tsx bench/tenant-limits/run.ts --connections=16 --duration=15 --out=bench/tenant-limits/results/<date>.md
 *   npx tsx bench/tenant-limits/run.ts --storage=memory   # DynamoDB Local in memory: is the disk the cost?
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname } from 'node:path';
import { startServer } from '../../test/support/local-server';

const args = Object.fromEntries(
  process.argv
    .slice(2)
    .map((a) => a.replace(/^--/, '').split('='))
    .map(([k, v]) => [k, v ?? 'true']),
);
const CONNECTIONS = Number(args.connections ?? 8);
const DURATION = Number(args.duration ?? 10);
const WARMUP = Number(args.warmup ?? 3);
const OUT = args.out as string | undefined;
const STORAGE = (args.storage as string | undefined) ?? 'disk';

type AcResult = {
  latency: { p50: number; p99: number };
  requests: { average: number };
  non2xx: number;
  errors: number;
};
type AcOptions = { url: string; connections: number; duration: number; headers: Record<string, string> };
const autocannon = createRequire(import.meta.url)('autocannon') as (o: AcOptions) => Promise<AcResult>;

const MODES = { off: 'off', on: 'tenantRequestsPerMinute=1000000' } as const;

async function run(mode: keyof typeof MODES) {
  const server = await startServer({
    env: { REDRESS_LOG: 'silent', REDRESS_RATE_LIMITS: MODES[mode], REDRESS_DYNAMODB_STORAGE: STORAGE },
  });
  try {
    const token = await server.token({ tenantId: 'demo-bank', roles: ['handler'] });
    const o = {
      url: `${server.url}/v1/taxonomy`,
      connections: CONNECTIONS,
      headers: { authorization: `Bearer ${token}` },
    };
    await autocannon({ ...o, duration: WARMUP });
    const r = await autocannon({ ...o, duration: DURATION });
    if (r.non2xx > 0 || r.errors > 0) throw new Error(`${mode}: ${r.non2xx} non-2xx, ${r.errors} errors`);
    const load = os.loadavg()[0]!.toFixed(1);
    return { mode, rps: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, load };
  } finally {
    await server.stop();
  }
}

const rows = [];
for (const mode of ['off', 'on', 'off', 'on'] as const) rows.push(await run(mode));

const lines = [
  `# Tenant budget cost, ${new Date().toISOString().slice(0, 10)}`,
  '',
  `GET /v1/taxonomy, ${CONNECTIONS} connections, ${DURATION} s per run, ${os.cpus().length} cores, Node ${process.version}, DynamoDB Local storage: ${STORAGE}.`,
  '',
  '| run | REDRESS_RATE_LIMITS | req/s | p50 ms | p99 ms | machine load (1 min) |',
  '| --- | --- | --- | --- | --- | --- |',
  ...rows.map((r, i) => `| ${i + 1} | ${MODES[r.mode]} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.load} |`),
  '',
];
process.stdout.write(lines.join('\n'));
if (OUT) {
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, lines.join('\n'));
}
