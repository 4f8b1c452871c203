/**
 * What a write costs DynamoDB Local after other writes have filled its stream records, with and
 * without the launcher's index on them (infra/local/processes/dynamodb-launcher). Every write to a table with
 * a stream runs `SELECT MIN(SequenceNumber) FROM us WHERE StreamID = ?` on DynamoDB Local's own
 * SQLite table of stream records, kept 24 h across all tables; without an index on StreamID that
 * reads every record.
 *
 *   npx tsx bench/dynamodb-local/stream-index.ts [--history=0,10000,40000] [--writes=300] [--out=bench/dynamodb-local/results/<date>.md]
 *
 * For each history size and each setting, a fresh DynamoDB Local in memory: `history` items written
 * (BatchWriteItem, 25 a call) into one table with a stream, as other tenants' writes would be; then
 * `writes` sequential PutItems into a second table with a stream, timed one by one (p50, p90).
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { BatchWriteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { startDynamoDbLocal } from '../../infra/local/processes/dynamodb-local';
import { createDocumentClient, localClientConfig } from '../../shared/store/dynamo-client';
import { percentile } from '../intake/stats';
import { createPkSkTable } from './pk-sk-table';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const HISTORY = String(args.history ?? '0,10000,40000')
  .split(',')
  .map(Number);
const WRITES = Number(args.writes ?? 300);
const OUT = args.out;

const item = (i: number) => ({ pk: `C#${i}`, sk: 'META', status: 'received', text: 'x'.repeat(400), n: i });

async function run(history: number, streamIndex: boolean) {
  const dynamo = await startDynamoDbLocal({ dbPath: 'memory', streamIndex });
  const db = createDocumentClient(localClientConfig(dynamo.endpoint));
  try {
    await createPkSkTable(db, 'others', true);
    const t0 = performance.now();
    for (let i = 0; i < history; i += 25) {
      const batch = Array.from({ length: Math.min(25, history - i) }, (_, j) => ({
        PutRequest: { Item: item(i + j) },
      }));
      let request: Record<string, typeof batch> = { others: batch };
      while (request.others?.length) {
        const res = await db.send(new BatchWriteCommand({ RequestItems: request }));
        request = (res.UnprocessedItems ?? {}) as typeof request;
      }
    }
    const fillSeconds = (performance.now() - t0) / 1000;
    await createPkSkTable(db, 'measured', true);
    const ms: number[] = [];
    for (let i = 0; i < WRITES; i++) {
      const t = performance.now();
      await db.send(new PutCommand({ TableName: 'measured', Item: item(i) }));
      ms.push(performance.now() - t);
    }
    return {
      history,
      streamIndex,
      indexed: dynamo.streamRecordsIndexed(),
      fillSeconds,
      p50: percentile(ms, 50),
      p90: percentile(ms, 90),
    };
  } finally {
    db.destroy();
    await dynamo.stop();
  }
}

const rows = [];
for (const history of HISTORY)
  for (const streamIndex of [false, true]) {
    const r = await run(history, streamIndex);
    process.stderr.write(`${JSON.stringify(r)}\n`);
    rows.push(r);
  }

const f1 = (n: number) => n.toFixed(1);
const md = [
  `# DynamoDB Local: a write after others filled the stream records, ${new Date().toISOString().slice(0, 10)}`,
  '',
  `${WRITES} sequential PutItems into a table with a stream, after \`history\` items written into another;`,
  `${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)} at the end, DynamoDB Local in memory.`,
  '',
  '| history (items written before) | stream records indexed | writing the history (s) | PutItem p50 ms | PutItem p90 ms |',
  '| ---: | --- | ---: | ---: | ---: |',
  ...rows.map(
    (r) => `| ${r.history} | ${r.indexed ? 'yes' : 'no'} | ${f1(r.fillSeconds)} | ${f1(r.p50)} | ${f1(r.p90)} |`,
  ),
  '',
];
if (OUT) writeFileSync(OUT, md.join('\n'));
process.stdout.write(md.join('\n'));
