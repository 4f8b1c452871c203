/**
 * AWS deployment figures, offline:
 * 1. each Lambda bundle's size, built exactly as the CDK stack builds it (infra/aws/bundling.ts);
 * 2. cold module initialisation: a fresh Node process importing the bundle, timed around the import;
 * 3. a cost model: the lifecycle benchmark's measured counts (bench/lifecycle/results) priced at
 *    list prices, per 1,000 complaints.
 *
 * Run: npm run bench:aws   (writes bench/aws/results/<date>.md and .json)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { esbuildOptionsFor, FUNCTION_NAMES, REPO_ROOT } from '../../infra/aws/bundling';

const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const OUT = join(REPO_ROOT, '.tmp', 'bench-aws');
const date = new Date().toISOString().slice(0, 10);

/** The environment the stack gives the functions; no network is touched at module load. */
const FUNCTION_ENV = {
  AWS_REGION: 'us-east-1',
  REDRESS_TABLE_PREFIX: 'redress-dev-',
  REDRESS_TENANT_ROLE_ARN: 'arn:aws:iam::123456789012:role/redress-tenant-data',
  REDRESS_STATE_MACHINE_ARN: 'arn:aws:states:us-east-1:123456789012:stateMachine:redress-dev-lifecycle',
  REDRESS_PROVISIONER_FUNCTION: 'redress-dev-provisioner',
  REDRESS_EVENT_BUS: 'redress-dev-lifecycle',
  REDRESS_IDP_ISSUER: 'https://idp.example/',
  REDRESS_IDP_AUDIENCE: 'redress-api',
  REDRESS_IDP_JWKS_URL: 'https://idp.example/jwks.json',
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p90 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.9) - 1)]!;

async function bundles() {
  const rows = [];
  for (const name of FUNCTION_NAMES) {
    const dir = join(OUT, name);
    mkdirSync(dir, { recursive: true });
    await build(esbuildOptionsFor(name, dir));
    const file = join(dir, 'index.mjs');
    const bytes = statSync(file).size;
    const script = `const t0 = performance.now(); await import(${JSON.stringify(pathToFileURL(file).href)}); process.stdout.write(String(performance.now() - t0));`;
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      times.push(
        Number(
          execFileSync(process.execPath, ['--no-warnings', '--input-type=module', '-e', script], {
            env: { ...process.env, ...FUNCTION_ENV },
            cwd: REPO_ROOT,
          }).toString(),
        ),
      );
    }
    rows.push({
      name,
      bytes,
      kib: Math.round(bytes / 102.4) / 10,
      initMedianMs: Math.round(median(times) * 10) / 10,
      initP90Ms: Math.round(p90(times) * 10) / 10,
    });
  }
  return rows;
}

/** List prices, us-east-1, checked 2026-11 (on-demand DynamoDB after the Nov 2024 price change). */
const PRICES = {
  stepFunctionsPerTransition: 0.025 / 1000,
  lambdaPerRequest: 0.2 / 1e6,
  lambdaArmPerGbSecond: 0.0000133334,
  dynamoPerWriteUnit: 0.625 / 1e6,
  dynamoPerReadUnit: 0.125 / 1e6,
  httpApiPerRequest: 1.0 / 1e6,
  eventBridgePerEvent: 1.0 / 1e6,
  logsPerGbIngested: 0.5,
};

/**
 * Assumptions the counts cannot give: billed duration and memory of an invocation (the local
 * engine's task time per transition was 15-23 ms including DynamoDB Local), item sizes (< 1 KB
 * writes, < 4 KB reads, so 2 WCU per transactional item and 1 RCU per consistent read), API calls
 * a complaint team makes around one lifecycle (the actions plus reads), log volume.
 */
const ASSUME = {
  billedMs: 60,
  memoryGb: 0.5,
  apiReadsPerComplaint: 10,
  logBytesPerTransition: 1500,
  logBytesPerInvocation: 800,
};

function costModel() {
  const dir = join(REPO_ROOT, 'bench', 'lifecycle', 'results');
  const latest = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .at(-1)!;
  const lifecycle = JSON.parse(readFileSync(join(dir, latest), 'utf8')) as {
    paths: {
      path: string;
      describe: string;
      runs: {
        transitions: { entered: number; byType: Record<string, number> };
        db: { reads: number; writeItems: number };
        events: Record<string, number>;
      }[];
    }[];
  };
  return {
    source: `bench/lifecycle/results/${latest}`,
    rows: lifecycle.paths.map((p) => {
      const run = p.runs[0]!;
      const transitions = run.transitions.entered;
      const workflowInvocations = run.transitions.byType.Task ?? 0;
      // Intake plus one API call per staff action recorded as an event by a user.
      const staffActions = Object.entries(run.events)
        .filter(([t]) =>
          [
            'received',
            'acknowledged',
            'assigned',
            'extended',
            'decided',
            'feedback_delivered',
            'review_requested',
            'reviewed',
            'review_feedback_delivered',
          ].includes(t),
        )
        .reduce((n, [, c]) => n + c, 0);
      const apiRequests = staffActions + ASSUME.apiReadsPerComplaint;
      const invocations = workflowInvocations + apiRequests;
      const escalations = run.events.escalated ?? 0;
      const cost = {
        stepFunctions: transitions * PRICES.stepFunctionsPerTransition,
        lambda:
          invocations *
          (PRICES.lambdaPerRequest + (ASSUME.billedMs / 1000) * ASSUME.memoryGb * PRICES.lambdaArmPerGbSecond),
        dynamodb:
          run.db.writeItems * 2 * PRICES.dynamoPerWriteUnit +
          (run.db.reads + ASSUME.apiReadsPerComplaint) * PRICES.dynamoPerReadUnit,
        apiGateway: apiRequests * PRICES.httpApiPerRequest,
        eventBridge: escalations * PRICES.eventBridgePerEvent,
        logs:
          ((transitions * ASSUME.logBytesPerTransition + invocations * ASSUME.logBytesPerInvocation) / 1e9) *
          PRICES.logsPerGbIngested,
      };
      const perComplaint = Object.values(cost).reduce((a, b) => a + b, 0);
      return {
        path: p.path,
        transitions,
        workflowInvocations,
        apiRequests,
        dbReads: run.db.reads,
        dbWriteItems: run.db.writeItems,
        escalations,
        perComplaintUsd: perComplaint,
        per1000Usd: perComplaint * 1000,
        breakdownPer1000: Object.fromEntries(
          Object.entries(cost).map(([k, v]) => [k, Math.round(v * 1000 * 10000) / 10000]),
        ),
      };
    }),
  };
}

const machine = { nproc: execFileSync('nproc').toString().trim(), node: process.version };
const bundleRows = await bundles();
const cost = costModel();
const result = {
  date,
  command: 'npm run bench:aws',
  machine,
  runs: RUNS,
  bundles: bundleRows,
  prices: PRICES,
  assumptions: ASSUME,
  cost,
};
mkdirSync(join(REPO_ROOT, 'bench', 'aws', 'results'), { recursive: true });
writeFileSync(join(REPO_ROOT, 'bench', 'aws', 'results', `${date}.json`), `${JSON.stringify(result, null, 2)}\n`);

const md = [
  `# AWS figures — ${date}`,
  '',
  `\`npm run bench:aws\` on ${machine.nproc} cores, Node ${machine.node} (Lambda runs nodejs22.x on arm64), ${RUNS} cold imports per bundle.`,
  '',
  '| function | bundle (KiB) | cold init median (ms) | p90 (ms) | budget |',
  '|---|---:|---:|---:|---|',
  ...bundleRows.map(
    (r) =>
      `| ${r.name} | ${r.kib} | ${r.initMedianMs} | ${r.initP90Ms} | ${r.bytes < 1024 * 1024 && r.initMedianMs < 150 ? 'within (< 1 MB, < 150 ms)' : '**over**'} |`,
  ),
  '',
  `Cost model from ${cost.source} (counts measured by running the real ASL), list prices us-east-1:`,
  '',
  '| lifecycle | transitions | workflow invocations | API requests | DynamoDB reads / write items | US$ per 1,000 complaints |',
  '|---|---:|---:|---:|---:|---:|',
  ...cost.rows.map(
    (r) =>
      `| ${r.path} | ${r.transitions} | ${r.workflowInvocations} | ${r.apiRequests} | ${r.dbReads} / ${r.dbWriteItems} | ${r.per1000Usd.toFixed(3)} |`,
  ),
  '',
  'Breakdown per 1,000 complaints (US$):',
  '',
  ...cost.rows.map(
    (r) =>
      `- ${r.path}: ${Object.entries(r.breakdownPer1000)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
  ),
  '',
  `Prices: ${JSON.stringify(PRICES)}`,
  `Assumptions: ${JSON.stringify(ASSUME)}`,
  '',
].join('\n');
writeFileSync(join(REPO_ROOT, 'bench', 'aws', 'results', `${date}.md`), md);
process.stdout.write(`${md}\n`);
