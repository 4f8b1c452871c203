import { BatchWriteCommand, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { performAction } from '../../shared/application/complaint-actions';
import { registerComplaint } from '../../shared/application/intake';
import { IntakeSchema } from '../../shared/domain/complaint/intake-schema';
import { acknowledge, assign, withdraw } from '../../shared/domain/complaint/transitions';
import { verifyChain } from '../../shared/domain/events/hash-chain';
import { toComplaintItem } from '../../shared/store/complaint-item';
import { countersKey } from '../../shared/store/keys';
import { intakeBody, principal } from '../support/fixtures';
import { fixedClock, testPlatform, testTenant } from '../support/test-platform';

const UNITS = {
  units: [
    { id: 'head-office', name: { 'zh-CN': '总行', en: 'HQ' } },
    { id: 'branch', name: { 'zh-CN': '分行', en: 'Branch' }, parentId: 'head-office' },
    { id: 'sub-branch', name: { 'zh-CN': '支行', en: 'Sub' }, parentId: 'branch' },
  ],
};

async function seeded(count: number, clockAt = '2026-11-02T01:00:00Z') {
  const clock = fixedClock(clockAt);
  const p = await testPlatform({ clock });
  const tenant = await testTenant(p);
  const who = principal(tenant.id, ['intake']);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    // One received per day, so decision deadlines (the list order) differ.
    clock.set(new Date(Date.parse(clockAt) + i * 86_400_000).toISOString());
    const { complaint } = await registerComplaint(
      p,
      tenant,
      who,
      IntakeSchema.parse(
        intakeBody({ complainant: { name: `客户${i}`, phone: `1380000${String(i).padStart(4, '0')}` } }),
      ),
      `k${i}`,
    );
    ids.push(complaint.id);
  }
  return { p, tenant, ids, clock };
}

describe('complaint store (DynamoDB Local)', () => {
  it('pages through open complaints by due date with cursors, each item exactly once', async () => {
    const { p, tenant, ids } = await seeded(7);
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await p.complaints.list(tenant.tableName, { limit: 3, ...(cursor && { cursor }) });
      seen.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(ids);
  });

  it('reads open lifecycles with only what the resume needs, in pages, ended ones left out', async () => {
    const { p, tenant, ids } = await seeded(5);
    await performAction(p, tenant, principal(tenant.id, ['supervisor'], 'sup-1'), ids[1]!, (r, ctx) =>
      withdraw(r, { reason: '已自行解决' }, ctx),
    );
    const seen: Record<string, unknown>[] = [];
    let cursor: string | undefined;
    do {
      const page = await p.complaints.openLifecycles(tenant.tableName, { limit: 2, ...(cursor && { cursor }) });
      seen.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.map((c) => c.id)).toEqual(ids.filter((_, i) => i !== 1));
    for (const c of seen) expect(Object.keys(c).sort()).toEqual(['id', 'partners', 'referrals', 'status']);
    expect(seen[0]).toMatchObject({ status: 'received', partners: [], referrals: [] });
  });

  it('filters by status, unit, overdue and due date without losing page size', async () => {
    const { p, tenant, ids } = await seeded(6);
    const who = principal(tenant.id, ['handler']);
    for (const id of ids.slice(0, 4)) await performAction(p, tenant, who, id, (r, at) => acknowledge(r, at));
    await performAction(p, tenant, who, ids[1]!, (r) => assign(r, { unitId: 'branch', assignee: 'li' }, UNITS));
    await performAction(p, tenant, who, ids[3]!, (r) => assign(r, { unitId: 'branch', assignee: 'li' }, UNITS));

    const acknowledged = await p.complaints.list(tenant.tableName, { status: 'acknowledged', limit: 10 });
    expect(acknowledged.items.map((c) => c.id)).toEqual([ids[0], ids[2]]);
    const atBranch = await p.complaints.list(tenant.tableName, { unitId: 'branch', limit: 1 });
    expect(atBranch.items.map((c) => c.id)).toEqual([ids[1]]);
    const next = await p.complaints.list(tenant.tableName, {
      unitId: 'branch',
      limit: 1,
      cursor: atBranch.nextCursor!,
    });
    expect(next.items.map((c) => c.id)).toEqual([ids[3]]);
    const early = await p.complaints.list(tenant.tableName, { dueBefore: '2026-11-19T00:00:00Z', limit: 10 });
    expect(early.items.map((c) => c.id)).toEqual(ids.slice(0, 2));
    expect((await p.complaints.list(tenant.tableName, { overdue: true, limit: 10 })).items).toEqual([]);
  });

  it('uses indexes, never a scan: a list is a Query on the openByDue index', async () => {
    const { p, tenant } = await seeded(1);
    await p.engine.settle();
    const sent: string[] = [];
    const original = p.db.send.bind(p.db);
    p.db.send = ((command: { constructor: { name: string }; input: { IndexName?: string } }) => {
      sent.push(`${command.constructor.name}:${command.input.IndexName ?? ''}`);
      return original(command as never);
    }) as typeof p.db.send;
    await p.complaints.list(tenant.tableName, { limit: 5 });
    expect(sent).toEqual(['QueryCommand:openByDue']);
  });

  it("reads one handler's open complaints from their own index: full pages, due order, however many others are open", async () => {
    const { p, tenant, ids } = await seeded(1);
    const template = (await p.complaints.get(tenant.tableName, ids[0]!))!;
    const due = (i: number) => new Date(Date.parse('2027-01-01T00:00:00Z') + i * 60_000).toISOString();
    // 300 open complaints of someone else due first, then 30 of hana's: a filtered read of the open
    // index would stop at its read bound with none of hana's found.
    const copies = Array.from({ length: 330 }, (_, i) => ({
      ...template,
      id: `Q${String(i).padStart(4, '0')}`,
      assignee: i < 300 ? 'someone-else' : 'hana',
      deadlines: { ...template.deadlines, decision: due(i) },
    }));
    for (let i = 0; i < copies.length; i += 25)
      await p.db.send(
        new BatchWriteCommand({
          RequestItems: {
            [tenant.tableName]: copies.slice(i, i + 25).map((r) => ({ PutRequest: { Item: toComplaintItem(r) } })),
          },
        }),
      );
    const first = await p.complaints.list(tenant.tableName, { limit: 25, queue: { assignee: 'hana' } });
    expect(first.items.map((c) => c.id)).toEqual(copies.slice(300, 325).map((c) => c.id));
    const second = await p.complaints.list(tenant.tableName, {
      limit: 25,
      queue: { assignee: 'hana' },
      cursor: first.nextCursor!,
    });
    expect(second.items.map((c) => c.id)).toEqual(copies.slice(325).map((c) => c.id));
    expect(second.nextCursor).toBeNull();
    // Closed, it leaves the index.
    const closed = { ...copies[300]!, status: 'closed' as const };
    await p.db.send(new PutCommand({ TableName: tenant.tableName, Item: toComplaintItem(closed) }));
    const after = await p.complaints.list(tenant.tableName, { limit: 25, queue: { assignee: 'hana' } });
    expect(after.items[0]?.id).toBe(copies[301]!.id);
  });

  it('lets exactly one of two writers holding the same version win; the loser changes nothing', async () => {
    const { p, tenant, ids } = await seeded(1);
    const id = ids[0]!;
    const who = principal(tenant.id, ['handler']);
    const results = await Promise.allSettled([
      performAction(p, tenant, who, id, (r) => assign(r, { unitId: 'branch', assignee: 'zhang' }, UNITS), 1),
      performAction(p, tenant, who, id, (r) => assign(r, { unitId: 'sub-branch', assignee: 'li' }, UNITS), 1),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ kind: 'conflict', code: 'version_conflict' });
    const stored = await p.complaints.get(tenant.tableName, id);
    expect(stored?.version).toBe(2);
    const events = await p.complaints.events(tenant.tableName, id, 10);
    expect(events.items.map((e) => e.type)).toEqual(['received', 'assigned']);
    expect(events.items[1]?.data.assignee).toBe(stored?.assignee);
  });

  it('keeps the hash chain intact across updates, and detects a tampered event', async () => {
    const { p, tenant, ids } = await seeded(1);
    const id = ids[0]!;
    const who = principal(tenant.id, ['handler']);
    await performAction(p, tenant, who, id, (r, at) => acknowledge(r, at));
    await performAction(p, tenant, who, id, (r) => assign(r, { unitId: 'branch', assignee: 'wu' }, UNITS));
    const { items } = await p.complaints.events(tenant.tableName, id, 10);
    expect(items.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(await verifyChain(items)).toBeNull();
    const tampered = items.map((e) => (e.seq === 2 ? { ...e, data: { ...e.data, onTime: false } } : e));
    expect(await verifyChain(tampered)).toBe(2);
    expect(await verifyChain([items[0]!, items[2]!])).toBe(3);
  });

  it('refuses an action that does not fit the current step with 409, writing nothing', async () => {
    const { p, tenant, ids } = await seeded(1);
    const who = principal(tenant.id, ['handler']);
    await performAction(p, tenant, who, ids[0]!, (r, at) => acknowledge(r, at));
    await expect(performAction(p, tenant, who, ids[0]!, (r, at) => acknowledge(r, at))).rejects.toMatchObject({
      code: 'wrong_step',
    });
    expect((await p.complaints.events(tenant.tableName, ids[0]!, 10)).items).toHaveLength(2);
  });

  it('counts each intake in the same transaction, spread over counter shards', async () => {
    const { p, tenant } = await seeded(5);
    const res = await p.db.send(
      new QueryCommand({
        TableName: tenant.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': countersKey('2026-11', 0).pk },
      }),
    );
    const total = (res.Items ?? []).reduce((sum, item) => sum + Number(item.received ?? 0), 0);
    expect(total).toBe(5);
    const byCategory = (res.Items ?? []).reduce(
      (sum, item) => sum + Number(item['received.category.B-CAT-05'] ?? 0),
      0,
    );
    expect(byCategory).toBe(5);
  });

  it('writes nothing at all when any part of the intake transaction fails', async () => {
    const { p, tenant, ids } = await seeded(1);
    const record = (await p.complaints.get(tenant.tableName, ids[0]!))!;
    const event = (await p.complaints.events(tenant.tableName, ids[0]!, 1)).items[0]!;
    // Same reference as an existing complaint, new id and key: the reference guard must cancel it all.
    const outcome = await p.complaints.create(tenant.tableName, {
      record: { ...record, id: 'other-id' },
      event: { ...event, complaintId: 'other-id' },
      idempotency: {
        key: 'fresh-key',
        fingerprint: 'x',
        complaintId: 'other-id',
        createdAt: record.createdAt,
        expiresAt: 0,
      },
      counters: [{ month: '2026-11', shardOf: 'other-id', counts: { received: 1 } }],
      position: { step: 'acknowledgement', since: record.createdAt, firedUntil: null, token: null },
    });
    expect(outcome.kind).toBe('reference_taken');
    expect(await p.complaints.get(tenant.tableName, 'other-id')).toBeUndefined();
    const idem = await p.db.send(
      new GetCommand({ TableName: tenant.tableName, Key: { pk: 'IDEM#fresh-key', sk: 'META' } }),
    );
    expect(idem.Item).toBeUndefined();
  });
});
