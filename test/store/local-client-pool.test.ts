/**
 * The local store's client against a real HTTP server on loopback that answers every call after
 * 1.2 s: longer than the 1 s connection timeout, well within the 5 s request timeout. A burst of
 * calls as large as the local pool (over twice the SDK's default of 50 sockets) must all be
 * answered: waiting for a pooled socket is not a connection that failed to establish.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient, LOCAL_STORE_TIMEOUTS, localClientConfig } from '../../shared/store/dynamo-client';

const ANSWER_AFTER_MS = 1200;
let server: Server;
let endpoint: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () =>
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' });
        res.end(JSON.stringify({ Item: { pk: { S: 'p' }, sk: { S: 's' } } }));
      }, ANSWER_AFTER_MS),
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('the local store client under a burst', () => {
  it('answers as many concurrent slow calls as its pool holds, well over the SDK default of 50, without a connection timeout', async () => {
    expect(LOCAL_STORE_TIMEOUTS.connectionTimeout).toBeLessThan(ANSWER_AFTER_MS);
    expect(LOCAL_STORE_TIMEOUTS.requestTimeout).toBeGreaterThan(2 * ANSWER_AFTER_MS);
    expect(LOCAL_STORE_TIMEOUTS.sockets).toBeGreaterThan(100);
    const db = createDocumentClient({ ...localClientConfig(endpoint), maxAttempts: 1 });
    const results = await Promise.allSettled(
      Array.from({ length: LOCAL_STORE_TIMEOUTS.sockets }, (_, i) =>
        db.send(new GetCommand({ TableName: 'burst', Key: { pk: `p${i}`, sk: 's' } })),
      ),
    );
    const failed = results.filter((r) => r.status === 'rejected').map((r) => (r.reason as Error).name);
    expect(failed).toEqual([]);
    db.destroy();
  });
});
