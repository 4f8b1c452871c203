import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intakeBody } from '../support/fixtures';
import { type InProcessRuntime, startInProcess } from '../support/in-process-runtime';

let server: InProcessRuntime;
let intake: string;
let handler: string;

beforeAll(async () => {
  server = await startInProcess({ listen: true });
  intake = await server.token({ tenantId: 'demo-bank', roles: ['intake'] });
  handler = await server.token({ tenantId: 'demo-bank', roles: ['handler'], sub: 'handler-7' });
});
afterAll(async () => {
  await server?.stop();
});

let keys = 0;
const create = (body: unknown, key = `key-${++keys}`, token = intake) =>
  server.call('POST', '/v1/complaints', { token, body, headers: { 'idempotency-key': key } });

describe('intake over HTTP', () => {
  it('registers a complaint: 201, Location, trimmed and NFC-normalised text', async () => {
    // "é" typed as e + combining acute must be stored as the single code point.
    const res = await create(intakeBody({ description: '  Cafe\u0301 charged twice  ', product: ' 信用卡 ' }));
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/v1/complaints/${res.body.id}`);
    expect(res.body.description).toBe('Caf\u00e9 charged twice');
    expect(res.body.product).toBe('信用卡');
    expect(res.body.reference).toMatch(/^DB-\d{8}-[0-9A-Z]{5}$/);
    expect(res.headers.get('x-request-id')).toBeTruthy();
    const read = await server.call('GET', `/v1/complaints/${res.body.id}`, { token: handler });
    expect(read.body).toMatchObject({ id: res.body.id, reference: res.body.reference, version: 1 });
  });

  it('returns the first response for a retried Idempotency-Key and 422 for the key with another body', async () => {
    const body = intakeBody({ description: 'retry me' });
    const first = await create(body, 'same-key');
    const retry = await create(body, 'same-key');
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body.id).toBe(first.body.id);
    const reused = await create(intakeBody({ description: 'something else' }), 'same-key');
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe('idempotency_key_reused');
  });

  it('creates one complaint when a client fires the same request six times at once', async () => {
    const body = intakeBody({ description: 'impatient client' });
    const results = await Promise.all(Array.from({ length: 6 }, () => create(body, 'burst')));
    expect(results.map((r) => r.status)).toEqual(Array(6).fill(201));
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
  });

  it('requires an Idempotency-Key', async () => {
    const res = await server.call('POST', '/v1/complaints', { token: intake, body: intakeBody() });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].path).toContain('idempotency-key');
  });

  it.each([
    ['no contact', { complainant: { name: '李四' } }, 'complainant.phone', 'at least one contact'],
    ['unknown field', { priority: 'high' }, '', 'priority'],
    [
      'unknown nested field',
      { complainant: { name: '李四', phone: '13800000000', nickname: 'x' } },
      'complainant',
      'nickname',
    ],
    ['bad channel', { channel: 'fax' }, 'channel', ''],
    ['empty description', { description: '   ' }, 'description', ''],
    ['float amount', { amountInDispute: { amount: 12.5, currency: 'CNY' } }, 'amountInDispute.amount', ''],
    ['bad currency', { amountInDispute: { amount: '12.50', currency: 'XYZ' } }, 'amountInDispute.currency', 'ISO 4217'],
    ['category of an insurer', { category: 'I-CAT-01' }, 'category', 'GET /v1/taxonomy'],
    ['receipt in the future', { receivedAt: '2099-01-01T00:00:00+08:00' }, 'receivedAt', 'future'],
    ['receipt without offset', { receivedAt: '2026-11-01T10:00:00' }, 'receivedAt', ''],
  ])('400 with a useful message: %s', async (_name, override, path, words) => {
    const res = await create(intakeBody(override as Record<string, unknown>));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_request');
    expect(res.body.error.message).toContain(words);
    const paths = (res.body.error.details as { path: unknown[] }[]).map((d) => d.path.join('.'));
    expect(paths).toContain(path);
  });

  it('400 for a body that is not JSON, 413 for one over the limit, both in the error shape', async () => {
    const bad = await server.call('POST', '/v1/complaints', {
      token: intake,
      body: '{"channel": "phone",',
      headers: { 'idempotency-key': 'bad-json' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_request');
    const big = await create(intakeBody({ description: 'x'.repeat(300 * 1024) }));
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('payload_too_large');
  });

  it('lets exactly one of two concurrent updates of one complaint win; the other gets 409', async () => {
    const { body } = await create(intakeBody({ description: 'contested' }));
    const assign = (unitId: string) =>
      server.call('POST', `/v1/complaints/${body.id}/assign`, {
        token: handler,
        body: { unitId, assignee: 'li' },
        headers: { 'if-match': '1' },
      });
    const results = await Promise.all([assign('shanghai-branch'), assign('beijing-branch')]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)!.body.error.code).toBe('version_conflict');
    const events = await server.call('GET', `/v1/complaints/${body.id}/events`, { token: handler });
    expect(events.body.items.map((e: { type: string }) => e.type)).toEqual(['received', 'assigned']);

    // Without If-Match, the step itself decides: acknowledging twice at once succeeds once.
    const acks = await Promise.all(
      [0, 1].map(() => server.call('POST', `/v1/complaints/${body.id}/acknowledge`, { token: handler, body: {} })),
    );
    expect(acks.map((r) => r.status).sort()).toEqual([200, 409]);
  });

  it('lists by status and due date with a cursor', async () => {
    for (let i = 0; i < 3; i++) await create(intakeBody({ description: `list ${i}` }));
    const page1 = await server.call('GET', '/v1/complaints?status=received&limit=2', { token: handler });
    expect(page1.status).toBe(200);
    expect(page1.body.items).toHaveLength(2);
    const page2 = await server.call('GET', `/v1/complaints?status=received&limit=2&cursor=${page1.body.nextCursor}`, {
      token: handler,
    });
    const all = [...page1.body.items, ...page2.body.items];
    const dues = all.map((c: { deadlines: { decision: string } }) => c.deadlines.decision);
    expect(dues).toEqual([...dues].sort());
    expect(new Set(all.map((c: { id: string }) => c.id)).size).toBe(all.length);
    const bad = await server.call('GET', '/v1/complaints?cursor=not-a-cursor', { token: handler });
    expect(bad.status).toBe(400);
    // Well-formed but forged: keys of another index.
    const forged = Buffer.from(JSON.stringify({ pk: 'C#x', sk: 'META', gsi3pk: 'x', gsi3sk: 'y' })).toString(
      'base64url',
    );
    expect((await server.call('GET', `/v1/complaints?cursor=${forged}`, { token: handler })).status).toBe(400);
    const badStatus = await server.call('GET', '/v1/complaints?status=lost', { token: handler });
    expect(badStatus.status).toBe(400);
  });

  it('serves the taxonomy of the caller’s institution type in zh-CN and en', async () => {
    const bank = await server.call('GET', '/v1/taxonomy', { token: intake });
    const insurer = await server.call('GET', '/v1/taxonomy', {
      token: await server.token({ tenantId: 'demo-insurer', roles: ['intake'] }),
    });
    expect(bank.body.categories.every((c: { code: string }) => c.code.startsWith('B-'))).toBe(true);
    expect(insurer.body.categories.every((c: { code: string }) => c.code.startsWith('I-'))).toBe(true);
    expect(bank.body.channels.find((c: { code: string }) => c.code === 'letter').label).toEqual({
      'zh-CN': expect.any(String),
      en: expect.any(String),
    });
  });

  it('publishes OpenAPI 3.1 generated from the schemas, and docs that load nothing from another host', async () => {
    const doc = await server.call('GET', '/openapi.json');
    expect(doc.body.openapi).toBe('3.1.0');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/v1/complaints',
        '/v1/complaints/{id}',
        '/v1/complaints/{id}/events',
        '/admin/v1/tenants',
      ]),
    );
    expect(doc.body.components.schemas.Intake.required).toEqual(
      expect.arrayContaining(['channel', 'complainant', 'category', 'reason', 'description']),
    );
    const html = await fetch(`${server.url}/docs`).then((r) => r.text());
    const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.every((s) => s.startsWith('/'))).toBe(true);
    for (const s of sources) expect((await fetch(server.url + s)).status).toBe(200);
  });
});
