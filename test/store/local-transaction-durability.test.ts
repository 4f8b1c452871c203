/**
 * DynamoDB Local answers a TransactWriteItems before it has committed it: its commit
 * (SQLiteDBAccess.commitTransaction) queues the SQLite COMMIT on the database's single job thread and
 * returns without waiting for it, and the answer goes out. A JVM killed in that moment loses a
 * transaction it acknowledged (the SQLite journal rolls it back at the next start). The local store's
 * client holds the caller until a later request has gone through the same queue, which runs jobs in
 * order, so what it acknowledges is committed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DynamoDbLocal, startDynamoDbLocal } from '../../infra/local/processes/dynamodb-local';
import { createLocalStoreClient, isStoreUnavailable } from '../../shared/store/dynamo-client';

/** A stand-in for DynamoDB Local's job queue: a transaction answered is committed by the next request. */
function fakeLocalStore() {
  const state = {
    pending: 0,
    committed: 0,
    targets: [] as string[],
    dropNext: false,
    /** The request bodies of answered transactions not yet followed by another request, and of those that were. */
    answered: [] as string[],
    durable: new Set<string>(),
  };
  const server = createServer((req, res) => {
    const target = String(req.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      state.targets.push(target);
      if (target !== 'TransactWriteItems' && state.dropNext) {
        req.socket.destroy();
        return;
      }
      state.committed += state.pending;
      state.pending = 0;
      for (const b of state.answered.splice(0)) state.durable.add(b);
      if (target === 'TransactWriteItems') {
        state.pending++;
        state.answered.push(body);
      }
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' });
      res.end(target === 'ListTables' ? '{"TableNames":[]}' : '{}');
    });
  });
  return { server, state };
}

describe('the local store client and a transaction', () => {
  const { server, state } = fakeLocalStore();
  let endpoint = '';
  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const transaction = new TransactWriteCommand({
    TransactItems: [{ Put: { TableName: 'barrier', Item: { pk: 'p', sk: 's' } } }],
  });

  it('acknowledges a transaction only after a later request has followed it through the store', async () => {
    const db = createLocalStoreClient(endpoint);
    state.targets = [];
    await db.send(transaction);
    expect(state.targets).toEqual(['TransactWriteItems', 'ListTables']);
    expect(state.pending).toBe(0);
    db.destroy();
  });

  it('follows transactions answered together with one request, acknowledging none before it', async () => {
    const db = createLocalStoreClient(endpoint);
    state.targets = [];
    const tx = (i: number) =>
      new TransactWriteCommand({ TransactItems: [{ Put: { TableName: 'barrier', Item: { pk: `p${i}`, sk: 's' } } }] });
    const acknowledgedBeforeCommit: number[] = [];
    await Promise.all(
      Array.from({ length: 16 }, async (_, i) => {
        await db.send(tx(i));
        if (![...state.durable].some((b) => b.includes(`"p${i}"`))) acknowledgedBeforeCommit.push(i);
      }),
    );
    expect(acknowledgedBeforeCommit).toEqual([]);
    const follows = state.targets.filter((t) => t === 'ListTables').length;
    expect(state.targets.filter((t) => t === 'TransactWriteItems')).toHaveLength(16);
    expect(follows).toBeGreaterThan(0);
    expect(follows).toBeLessThan(16);
    db.destroy();
  });

  it('adds nothing to a single write or a read', async () => {
    const db = createLocalStoreClient(endpoint);
    state.targets = [];
    await db.send(new PutCommand({ TableName: 'barrier', Item: { pk: 'p', sk: 's' } }));
    await db.send(new GetCommand({ TableName: 'barrier', Key: { pk: 'p', sk: 's' } }));
    expect(state.targets).toEqual(['PutItem', 'GetItem']);
    db.destroy();
  });

  it('fails the transaction as unavailable when the store is gone before the follow-up (a 503, never a 201)', async () => {
    const db = createLocalStoreClient(endpoint, { maxAttempts: 1 });
    state.dropNext = true;
    try {
      const err = await db.send(transaction).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeDefined();
      expect(isStoreUnavailable(err)).toBe(true);
    } finally {
      state.dropNext = false;
      db.destroy();
    }
  });
});

/** The largest transaction DynamoDB allows (100 items, about 4 MB): its COMMIT takes the longest. */
const bigTransaction = (id: string) =>
  new TransactWriteCommand({
    TransactItems: Array.from({ length: 100 }, (_, i) => ({
      Put: { TableName: 'durability', Item: { pk: `${id}#${i}`, pad: 'x'.repeat(38_000) } },
    })),
  });

const exited = (pid: number) =>
  new Promise<void>((resolve) => {
    const poll = setInterval(() => {
      try {
        process.kill(pid, 0);
      } catch {
        clearInterval(poll);
        resolve();
      }
    }, 10);
  });

describe('DynamoDB Local killed right after it acknowledged a transaction', () => {
  const dbPath = mkdtempSync(join(tmpdir(), 'redress-durability-'));
  let dynamo: DynamoDbLocal | undefined;
  afterAll(async () => {
    await dynamo?.stop();
    rmSync(dbPath, { recursive: true, force: true });
  });

  // Without the follow-up, about 5 in 6 of these were lost (measured): four in a row kept is the proof.
  it('keeps every transaction the local store client acknowledged', async () => {
    dynamo = await startDynamoDbLocal({ dbPath });
    let db = createLocalStoreClient(dynamo.endpoint, { maxAttempts: 1 });
    await db.send(
      new CreateTableCommand({
        TableName: 'durability',
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      }),
    );
    const lost: string[] = [];
    for (let trial = 0; trial < 4; trial++) {
      const id = `trial-${trial}`;
      await db.send(bigTransaction(id));
      const pid = dynamo.javaPid;
      process.kill(pid, 'SIGKILL');
      await exited(pid);
      db.destroy();
      await dynamo.stop();
      dynamo = await startDynamoDbLocal({ dbPath });
      db = createLocalStoreClient(dynamo.endpoint, { maxAttempts: 1 });
      for (const i of [0, 99]) {
        const read = await db.send(new GetCommand({ TableName: 'durability', Key: { pk: `${id}#${i}` } }));
        if (!read.Item) lost.push(`${id}#${i}`);
      }
    }
    db.destroy();
    expect(lost).toEqual([]);
  }, 240_000);
});
