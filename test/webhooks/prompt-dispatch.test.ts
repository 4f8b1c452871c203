import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { ensureTable } from '../../infra/local/adapters/ensure-table';
import { CachedWebhooksRepo } from '../../infra/local/webhooks/cached-endpoints';
import { StreamPoller } from '../../infra/local/webhooks/stream-poller';
import type { StreamChange } from '../../shared/application/webhook-dispatch';
import type { Tenant } from '../../shared/domain/tenant/tenant-schema';
import { silentLogger } from '../../shared/ports/logger';
import { createDocumentClient, createLocalStoreClient, localClientConfig } from '../../shared/store/dynamo-client';
import { tenantTableDefinition } from '../../shared/store/table-schemas';
import type { Endpoint } from '../../shared/webhooks/subscription-schema';

const endpoint = () => inject('dynamoEndpoint');
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function table() {
  const name = `prompt-${ulid().toLowerCase()}`;
  await ensureTable(createDocumentClient(localClientConfig(endpoint())), tenantTableDefinition(name));
  return name;
}

const until = async (what: () => boolean, ms: number) => {
  const end = Date.now() + ms;
  while (!what()) {
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 10));
  }
  return true;
};

describe('the local stream poller, woken by the store client', () => {
  const pollerOf = (tableName: string, seen: StreamChange[], o: { intervalMs: number; firstIdleMs: number }) => {
    const poller = new StreamPoller({
      dynamo: createDocumentClient(localClientConfig(endpoint())) as never,
      endpoint: endpoint(),
      dataDir: mkdtempSync(join(tmpdir(), 'redress-prompt-')),
      tenants: async () => [{ id: 't', tableName } as Tenant],
      dispatch: async (_t, changes) => void seen.push(...changes),
      logger: silentLogger,
      ...o,
    });
    cleanups.push(() => poller.stop());
    return poller;
  };

  it('reads a table as soon as a write to it is answered', async () => {
    const tableName = await table();
    const seen: StreamChange[] = [];
    // After its first pass this poller would wait a minute: only the nudge can make it read sooner.
    const poller = pollerOf(tableName, seen, { intervalMs: 60_000, firstIdleMs: 60_000 });
    const announced: string[][] = [];
    const db = createLocalStoreClient(endpoint(), {}, (tables) => {
      announced.push([...tables]);
      poller.nudge(tables);
    });
    cleanups.push(() => db.destroy());
    poller.start();
    await poller.poll();
    await db.send(new PutCommand({ TableName: tableName, Item: { pk: 'C#1', sk: 'META', kind: 'event' } }));
    expect(announced).toEqual([[tableName]]);
    expect(await until(() => seen.length === 1, 20_000)).toBe(true);
    expect(seen[0]?.newImage?.pk).toBe('C#1');
  });

  it('still finds writes nobody announced (another process’s), on its own rounds', async () => {
    const tableName = await table();
    const seen: StreamChange[] = [];
    pollerOf(tableName, seen, { intervalMs: 200, firstIdleMs: 50 }).start();
    const plain = createDocumentClient(localClientConfig(endpoint()));
    cleanups.push(() => plain.destroy());
    await new Promise((r) => setTimeout(r, 500));
    await plain.send(new PutCommand({ TableName: tableName, Item: { pk: 'C#2', sk: 'META', kind: 'event' } }));
    expect(await until(() => seen.length === 1, 20_000)).toBe(true);
  });
});

describe('the local runtime’s endpoints cache', () => {
  const anEndpoint = (id: string, url: string, version: number): Endpoint => ({
    id,
    url,
    events: ['complaint.received'],
    status: 'active',
    secrets: [{ enc: 'x', createdAt: '2026-12-01T00:00:00.000Z' }],
    failingSince: null,
    createdAt: '2026-12-01T00:00:00.000Z',
    updatedAt: '2026-12-01T00:00:00.000Z',
    version,
  });

  it('reads a tenant’s endpoints once (the list and each one), and again after every change made through it', async () => {
    const tableName = await table();
    const db = createDocumentClient(localClientConfig(endpoint()));
    cleanups.push(() => db.destroy());
    const calls = { QueryCommand: 0, GetCommand: 0 };
    db.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName && context.commandName in calls) calls[context.commandName as keyof typeof calls]++;
        return next(args);
      },
      { step: 'initialize' },
    );
    const repo = new CachedWebhooksRepo(db);
    expect(await repo.endpoints(tableName)).toEqual([]);
    await repo.putEndpoint(tableName, anEndpoint('a', 'https://a.example/hook', 1), 0);
    expect((await repo.endpoints(tableName)).map((e) => e.url)).toEqual(['https://a.example/hook']);
    const before = calls.QueryCommand;
    const read = await repo.endpoints(tableName);
    expect(calls.QueryCommand).toBe(before);
    // Callers get copies: changing one changes nothing cached.
    read[0]!.url = 'https://changed.example/';
    expect((await repo.endpoints(tableName))[0]!.url).toBe('https://a.example/hook');

    // One endpoint, as the sender reads it before each attempt, comes from the same list.
    expect((await repo.endpoint(tableName, 'a'))?.url).toBe('https://a.example/hook');
    expect(await repo.endpoint(tableName, 'nobody')).toBeUndefined();
    expect(calls).toEqual({ GetCommand: 0, QueryCommand: before });

    await repo.putEndpoint(tableName, anEndpoint('a', 'https://b.example/hook', 2), 1);
    expect((await repo.endpoints(tableName)).map((e) => e.url)).toEqual(['https://b.example/hook']);
    expect((await repo.endpoint(tableName, 'a'))?.url).toBe('https://b.example/hook');
    await repo.deleteEndpoint(tableName, 'a');
    expect(await repo.endpoint(tableName, 'a')).toBeUndefined();
    expect(await repo.endpoints(tableName)).toEqual([]);
    // A refused change (wrong version) still drops the cache: the next read is fresh.
    await expect(repo.putEndpoint(tableName, anEndpoint('z', 'https://z.example/', 5), 4)).rejects.toThrow();
    expect(await repo.endpoints(tableName)).toEqual([]);
  });
});
