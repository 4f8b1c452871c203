/**
 * What one counters Query costs DynamoDB Local, by the width of the items it returns and by the size
 * of the table around them: the portal bench's "store alone" line grew 12.8× from 10 × 100 to
 * 10 × 10,000 complaints, and this tells the two candidate causes apart.
 *
 *   npx tsx bench/portal/item-width.ts [--queries=200] [--fill=100000]
 *
 * A partition of 16 items (the counter shards of one month) with 20, 200 or 1,000 numeric attributes
 * each, queried `queries` times (p50, p90); then the same with `fill` other items in the table.
 */
import { cpus, loadavg } from 'node:os';
import { BatchWriteCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { startDynamoDbLocal } from '../../infra/local/processes/dynamodb-local';
import { createDocumentClient, localClientConfig } from '../../shared/store/dynamo-client';
import { createPkSkTable } from '../dynamodb-local/pk-sk-table';
import { percentile } from '../intake/stats';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const QUERIES = Number(args.queries ?? 200);
const FILL = Number(args.fill ?? 100_000);
const WIDTHS = [20, 200, 1000];
const SHARDS = 16;

const dynamo = await startDynamoDbLocal({ dbPath: 'memory' });
const db = createDocumentClient(localClientConfig(dynamo.endpoint));
await createPkSkTable(db, 'width');
for (const width of WIDTHS) {
  const counters = Object.fromEntries(Array.from({ length: width }, (_, i) => [`kpi.c${i}`, i]));
  for (let s = 0; s < SHARDS; s++)
    await db.send(
      new PutCommand({ TableName: 'width', Item: { pk: `STATS#${width}`, sk: `SHARD#${s}`, ...counters } }),
    );
}

async function probe(width: number): Promise<string> {
  const ms: number[] = [];
  for (let i = 0; i < QUERIES; i++) {
    const t0 = performance.now();
    await db.send(
      new QueryCommand({
        TableName: 'width',
        KeyConditionExpression: 'pk = :p',
        ExpressionAttributeValues: { ':p': `STATS#${width}` },
        ConsistentRead: true,
      }),
    );
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return `${percentile(ms, 50).toFixed(1)} / ${percentile(ms, 90).toFixed(1)}`;
}

const rows: string[] = [];
const before: string[] = [];
for (const w of WIDTHS) before.push(await probe(w));
const pad = 'x'.repeat(800);
for (let i = 0; i < FILL; i += 25)
  await db.send(
    new BatchWriteCommand({
      RequestItems: {
        width: Array.from({ length: 25 }, (_, k) => ({ PutRequest: { Item: { pk: `C#${i + k}`, sk: 'META', pad } } })),
      },
    }),
  );
const after: string[] = [];
for (const w of WIDTHS) after.push(await probe(w));
for (const [i, w] of WIDTHS.entries()) rows.push(`| ${w} | ${before[i]} | ${after[i]} |`);

process.stdout.write(
  [
    `# DynamoDB Local: one Query of ${SHARDS} counter items — ${new Date().toISOString().slice(0, 10)}`,
    '',
    `${cpus().length} cores, load average ${loadavg()[0]!.toFixed(2)} at the end, DynamoDB Local in memory, ${QUERIES} sequential Queries each.`,
    '',
    `| attributes per item | p50 / p90 ms, table holds only them | p50 / p90 ms, with ${FILL.toLocaleString('en')} other items |`,
    '| ---: | ---: | ---: |',
    ...rows,
    '',
  ].join('\n'),
);
db.destroy();
await dynamo.stop();
