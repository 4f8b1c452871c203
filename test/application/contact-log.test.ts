/**
 * The contact log and internal notes through the JSON API, in-process on DynamoDB Local: each entry
 * is an event in the complaint's chain, its text encrypted beside a redacted copy, never in the
 * events list, the regulator's view or a log line; a retried key records once.
 */
// First: it extends zod with .openapi(), which schemas need when their modules load.
import '@hono/zod-openapi';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../../shared/domain/events/hash-chain';
import { jsonLogger } from '../../shared/ports/logger';
import { eventKey } from '../../shared/store/keys';
import { expectErrorShape, idempotencyKey } from '../security/helpers';
import { type InProcessApp, inProcessApp } from '../security/in-process-app';
import { intakeBody, PII } from '../support/fixtures';
import { testPlatform, testTenant } from '../support/test-platform';

/** What a handler writes after a call: the complainant's own name and number in it. */
const SUMMARY = `已致电${PII.name}（${PII.phone}），告知调查进展，预计下周给出处理意见。`;
const SUMMARY_REDACTED = '已致电[姓名]（[电话]），告知调查进展，预计下周给出处理意见。';
const NOTE = `内部：${PII.name}称曾于网点被告知可免年费，需调取录音。`;

const logLines: string[] = [];
let env: InProcessApp;
let handler: string;
let handlerPii: string;
let intake: string;
let admin: string;
let otherTenant: string;
let regulator: string;

async function freshComplaint() {
  const res = await env.call('POST', '/v1/complaints', {
    token: handlerPii,
    // Received two hours ago (by letter, say), so a contact may be dated in between.
    body: intakeBody({ receivedAt: new Date(Date.now() - 2 * 3600_000).toISOString() }),
    headers: { 'Idempotency-Key': idempotencyKey() },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; receivedAt: string; version: number };
}

const contact = (id: string, token: string, body: unknown, key = idempotencyKey()) =>
  env.call('POST', `/v1/complaints/${id}/contacts`, { token, body, headers: { 'Idempotency-Key': key } });
const note = (id: string, token: string, body: unknown, key = idempotencyKey()) =>
  env.call('POST', `/v1/complaints/${id}/notes`, { token, body, headers: { 'Idempotency-Key': key } });

beforeAll(async () => {
  const platform = await testPlatform();
  platform.logger = jsonLogger((line) => logLines.push(line));
  const tenant = await testTenant(platform);
  await testTenant(platform, { id: 'bank-b', name: 'Bank B' });
  env = await inProcessApp({ sharing: { platform, tenant } });
  handler = await env.token(['handler'], { sub: 'handler-1' });
  handlerPii = await env.token(['handler', 'pii:read'], { sub: 'handler-2' });
  intake = await env.token(['intake'], { sub: 'clerk-1' });
  admin = await env.token(['admin'], { sub: 'admin-1' });
  otherTenant = await env.token(['supervisor', 'pii:read'], { tenantId: 'bank-b', sub: 'b-1' });
  regulator = await env.token(['regulator'], { tenantId: null });
});

describe('recording a contact', () => {
  it('answers with the entry, redacted without pii:read, and moves lastContactAt', async () => {
    const c = await freshComplaint();
    const res = await contact(c.id, handler, { channel: 'phone', summary: SUMMARY });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      seq: 2,
      channel: 'phone',
      direction: 'outbound',
      summary: SUMMARY_REDACTED,
      summaryMasked: true,
      recordedBy: 'handler-1',
      intact: true,
    });
    const view = await env.call('GET', `/v1/complaints/${c.id}`, { token: handler });
    expect(view.body.lastContactAt).toBe(res.body.contactedAt);
    expect(view.body.version).toBe(c.version + 1);

    const clear = await env.call('GET', `/v1/complaints/${c.id}/contacts`, { token: handlerPii });
    expect(clear.status).toBe(200);
    expect(clear.body.items).toEqual([expect.objectContaining({ summary: SUMMARY, summaryMasked: false })]);
    const masked = await env.call('GET', `/v1/complaints/${c.id}/contacts`, { token: intake });
    expect(masked.body.items).toEqual([expect.objectContaining({ summary: SUMMARY_REDACTED, summaryMasked: true })]);
  });

  it('keeps the text out of the events list, which carries channel, time and a digest, and keeps the chain intact', async () => {
    const c = await freshComplaint();
    const at = new Date(Date.now() - 3600_000).toISOString();
    expect(
      (await contact(c.id, handler, { channel: 'letter', direction: 'inbound', contactedAt: at, summary: SUMMARY }))
        .status,
    ).toBe(201);
    expect((await note(c.id, handler, { text: NOTE })).status).toBe(201);
    const events = await env.call('GET', `/v1/complaints/${c.id}/events`, { token: handlerPii });
    const [, recorded, noted] = events.body.items;
    expect(recorded).toMatchObject({
      type: 'contact_recorded',
      data: {
        channel: 'letter',
        direction: 'inbound',
        contactedAt: at,
        textDigest: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    });
    expect(noted).toMatchObject({ type: 'note_added', data: { textDigest: expect.any(String) } });
    const text = JSON.stringify(events.body);
    for (const s of [SUMMARY, SUMMARY_REDACTED, NOTE, PII.name, PII.phone, 'eyJ']) expect(text).not.toContain(s);
    expect(await verifyChain(events.body.items)).toBeNull();
  });

  it('records once for a retried key; the key with another body is 422', async () => {
    const c = await freshComplaint();
    const key = idempotencyKey();
    const body = { channel: 'sms', summary: '短信告知受理' };
    const first = await contact(c.id, handler, body, key);
    const again = await contact(c.id, handler, body, key);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    // Concurrent twins: still one entry.
    const twinKey = idempotencyKey();
    const twins = await Promise.all([1, 2, 3].map(() => contact(c.id, handler, body, twinKey)));
    expect(twins.map((t) => t.status)).toEqual([201, 201, 201]);
    const other = await contact(c.id, handler, { ...body, summary: '另一条' }, key);
    expect(other.status).toBe(422);
    expectErrorShape(other.body, 'idempotency_key_reused');
    const list = await env.call('GET', `/v1/complaints/${c.id}/contacts`, { token: handler });
    expect(list.body.items).toHaveLength(2);
    // The same key on another complaint is another request.
    const elsewhere = await freshComplaint();
    expect((await contact(elsewhere.id, handler, body, key)).headers.get('idempotent-replayed')).toBeNull();
  });

  it('refuses a contact in the future or before the receipt, and a body it does not know', async () => {
    const c = await freshComplaint();
    for (const [contactedAt, message] of [
      [new Date(Date.now() + 3600_000).toISOString(), /future/],
      [new Date(Date.parse(c.receivedAt) - 60_000).toISOString(), /before the complaint was received/],
    ] as const) {
      const res = await contact(c.id, handler, { channel: 'phone', contactedAt, summary: 'x' });
      expect(res.status).toBe(400);
      expectErrorShape(res.body, 'invalid_request');
      expect(res.body.error.message).toMatch(message);
    }
    for (const body of [
      { channel: 'pigeon', summary: 'x' },
      { channel: 'phone', summary: '' },
      { channel: 'phone', summary: 'x', extra: 1 },
    ]) {
      const res = await contact(c.id, handler, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expectErrorShape(res.body);
    }
    const noKey = await env.call('POST', `/v1/complaints/${c.id}/contacts`, {
      token: handler,
      body: { channel: 'phone', summary: 'x' },
    });
    expect(noKey.status).toBe(400);
    const list = await env.call('GET', `/v1/complaints/${c.id}/contacts`, { token: handler });
    expect(list.body.items).toEqual([]);
  });
});

describe('reading the log', () => {
  it('pages with a cursor bound to its own listing', async () => {
    const c = await freshComplaint();
    for (const summary of ['一', '二', '三']) await contact(c.id, handler, { channel: 'phone', summary });
    const first = await env.call('GET', `/v1/complaints/${c.id}/contacts?limit=2`, { token: handler });
    expect(first.body.items.map((e: { summary: string }) => e.summary)).toEqual(['一', '二']);
    const cursor = encodeURIComponent(first.body.nextCursor);
    const next = await env.call('GET', `/v1/complaints/${c.id}/contacts?limit=2&cursor=${cursor}`, { token: handler });
    expect(next.body).toMatchObject({ items: [expect.objectContaining({ summary: '三' })], nextCursor: null });
    const other = await freshComplaint();
    for (const path of [`/v1/complaints/${c.id}/notes`, `/v1/complaints/${other.id}/contacts`]) {
      const res = await env.call('GET', `${path}?limit=2&cursor=${cursor}`, { token: handler });
      expect(res.status, path).toBe(400);
      expectErrorShape(res.body, 'invalid_cursor');
    }
  });
});

describe('who may write', () => {
  it('lets intake record a contact but not a note; an administrator neither', async () => {
    const c = await freshComplaint();
    expect((await contact(c.id, intake, { channel: 'phone', summary: '来电询问进度' })).status).toBe(201);
    const refused = await note(c.id, intake, { text: 'x' });
    expect(refused.status).toBe(403);
    expectErrorShape(refused.body, 'forbidden');
    expect((await contact(c.id, admin, { channel: 'phone', summary: 'x' })).status).toBe(403);
    expect((await note(c.id, admin, { text: 'x' })).status).toBe(403);
    expect((await note(c.id, handler, { text: 'x' })).status).toBe(201);
  });
});

describe("another institution's complaint", () => {
  it('is 404 on every contact and note route, exactly as an id that never existed, and nothing is recorded', async () => {
    const c = await freshComplaint();
    const never = '01JZZZZZZZZZZZZZZZZZZZZZZZ';
    const calls = [
      (id: string) => contact(id, otherTenant, { channel: 'phone', summary: 'x' }, 'same-key'),
      (id: string) => note(id, otherTenant, { text: 'x' }, 'same-key'),
      (id: string) => env.call('GET', `/v1/complaints/${id}/contacts`, { token: otherTenant }),
      (id: string) => env.call('GET', `/v1/complaints/${id}/notes`, { token: otherTenant }),
    ];
    for (const call of calls) {
      const res = await call(c.id);
      expect(res.status).toBe(404);
      expectErrorShape(res.body, 'not_found');
      expect(res.body).toEqual((await call(never)).body);
    }
    const events = await env.call('GET', `/v1/complaints/${c.id}/events`, { token: handler });
    expect(events.body.items.map((e: { type: string }) => e.type)).toEqual(['received']);
  });
});

describe('the text elsewhere', () => {
  it('is withheld from the regulator, which sees that a contact happened and when', async () => {
    const c = await freshComplaint();
    await contact(c.id, handler, { channel: 'phone', summary: SUMMARY });
    await note(c.id, handler, { text: NOTE });
    const res = await env.call('GET', `/regulator/v1/institutions/bank-a/complaints/${c.id}/events`, {
      token: regulator,
    });
    expect(res.status).toBe(200);
    expect(res.body.items.map((e: { type: string }) => e.type)).toEqual(['received', 'contact_recorded', 'note_added']);
    const text = JSON.stringify(res.body);
    for (const s of [SUMMARY, SUMMARY_REDACTED, NOTE, PII.name, PII.phone, 'eyJ']) expect(text).not.toContain(s);
    const view = await env.call('GET', `/regulator/v1/institutions/bank-a/complaints/${c.id}`, { token: regulator });
    expect(JSON.stringify(view.body)).not.toContain('已致电');
  });

  it('never reaches a log line', async () => {
    const c = await freshComplaint();
    await contact(c.id, handler, { channel: 'phone', summary: SUMMARY });
    await note(c.id, handler, { text: NOTE });
    const logged = logLines.join('\n');
    expect(logged).toContain('contact recorded');
    expect(logged).toContain('note recorded');
    for (const s of [SUMMARY, SUMMARY_REDACTED, NOTE, PII.name, PII.phone]) expect(logged).not.toContain(s);
  });

  it('is stored encrypted, and an edit of the stored text shows as not intact', async () => {
    const c = await freshComplaint();
    const res = await note(c.id, handlerPii, { text: NOTE });
    const table = env.tenant.tableName;
    const stored = await env.platform.complaints.event(table, c.id, res.body.seq);
    expect(stored?.protectedText?.enc).toMatch(/^eyJ[\w-]+\.\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(JSON.stringify(stored)).not.toContain(PII.name);
    await env.platform.db.send(
      new UpdateCommand({
        TableName: table,
        Key: eventKey(c.id, res.body.seq),
        UpdateExpression: 'SET protectedText.masked = :m',
        ExpressionAttributeValues: { ':m': '无事' },
      }),
    );
    const list = await env.call('GET', `/v1/complaints/${c.id}/notes`, { token: handler });
    expect(list.body.items).toEqual([expect.objectContaining({ text: '无事', intact: false })]);
  });
});
