/**
 * Pagination cursors (issue 8): each is sealed with the platform's key and bound to the query it
 * came from. Forged, tampered or foreign cursors are a 400 invalid_cursor on every list route, never
 * a 5xx, and never a page of another query; an unknown complaint's events stay a 404 with a cursor.
 */
// First: it extends zod with .openapi(), which schemas need when their modules load.
import '@hono/zod-openapi';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCursorKey } from '../../infra/local/adapters/cursor-key';
import { intakeBody } from '../support/fixtures';
import { testTenant } from '../support/test-platform';
import { expectErrorShape, idempotencyKey } from './helpers';
import { type InProcessApp, inProcessApp } from './in-process-app';

let env: InProcessApp;
let staff: string;
let otherStaff: string;
let operator: string;
let regulator: string;
const complaintIds: string[] = [];

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const q = (cursor: string) => encodeURIComponent(cursor);

beforeAll(async () => {
  env = await inProcessApp();
  await testTenant(env.platform, { id: 'bank-b', name: 'Bank B' });
  staff = await env.token(['supervisor', 'pii:read']);
  otherStaff = await env.token(['supervisor', 'pii:read'], { tenantId: 'bank-b' });
  operator = await env.token(['platform-admin'], { tenantId: null });
  regulator = await env.token(['regulator'], { tenantId: null });
  for (const token of [staff, staff, staff, otherStaff, otherStaff]) {
    const res = await env.call('POST', '/v1/complaints', {
      token,
      body: intakeBody(),
      headers: { 'Idempotency-Key': idempotencyKey() },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    if (token === staff) complaintIds.push(res.body.id);
  }
  await env.platform.engine.settle();
  // A second event, so an events listing has a second page.
  for (const id of complaintIds.slice(0, 2)) {
    const ack = await env.call('POST', `/v1/complaints/${id}/acknowledge`, { token: staff, body: {} });
    expect(ack.status, JSON.stringify(ack.body)).toBe(200);
  }
  await env.platform.engine.settle();
});

/** Page 1 of a listing: its items' ids and its cursor, which must exist for these tests to mean anything. */
async function firstPage(path: string, token: string) {
  const res = await env.call('GET', `${path}${path.includes('?') ? '&' : '?'}limit=1`, { token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body.nextCursor, path).toEqual(expect.any(String));
  return res.body as { items: { id?: string; seq?: number }[]; nextCursor: string };
}

async function expectInvalidCursor(path: string, token: string, cursor: string) {
  const res = await env.call('GET', `${path}${path.includes('?') ? '&' : '?'}limit=1&cursor=${q(cursor)}`, { token });
  expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(400);
  expectErrorShape(res.body, 'invalid_cursor');
}

const LISTS = () => [
  { name: 'complaints', path: '/v1/complaints', token: staff },
  { name: 'complaints by status', path: '/v1/complaints?status=acknowledged', token: staff },
  { name: 'events', path: `/v1/complaints/${complaintIds[0]}/events`, token: staff },
  { name: 'tenants (operator)', path: '/admin/v1/tenants', token: operator },
  { name: 'institutions (regulator)', path: '/regulator/v1/institutions', token: regulator },
];

describe('a cursor this API returned', () => {
  it.each([0, 1, 2, 3, 4])('continues its own listing (list %i)', async (i) => {
    const { path, token } = LISTS()[i]!;
    const first = await firstPage(path, token);
    const res = await env.call('GET', `${path}${path.includes('?') ? '&' : '?'}limit=1&cursor=${q(first.nextCursor)}`, {
      token,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0]).not.toEqual(first.items[0]);
  });

  it('may change the page size between pages', async () => {
    const first = await firstPage('/v1/complaints', staff);
    const res = await env.call('GET', `/v1/complaints?limit=5&cursor=${q(first.nextCursor)}`, { token: staff });
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThanOrEqual(2);
  });
});

describe('refused with 400 invalid_cursor', () => {
  const forgeries = [
    // What the store encoded before cursors were sealed: accepted, and sent to DynamoDB as it was.
    { name: 'an unsealed store cursor', make: () => b64({ pk: 'C#x', sk: 'E#1' }) },
    { name: 'a forged key of the index', make: () => b64({ pk: 'a', sk: 'b', gsi1pk: 'T#x', gsi1sk: 'y' }) },
    { name: 'base64 garbage', make: () => 'bm90IGpzb24' },
    { name: 'a lone dot', make: () => '.' },
    { name: 'a forged seal', make: () => `${b64({ pk: 'C#x', sk: 'E#1' })}.${'A'.repeat(43)}` },
  ];
  const CASES = [0, 1, 2, 3, 4].flatMap((list) => forgeries.map((f) => ({ list, ...f })));

  it.each(CASES)('$name on list $list', async ({ list, make }) => {
    const { path, token } = LISTS()[list]!;
    await expectInvalidCursor(path, token, make());
  });

  it.each([0, 1, 2, 3, 4])('a real cursor of list %i with its store part or seal altered', async (i) => {
    const { path, token } = LISTS()[i]!;
    const { nextCursor } = await firstPage(path, token);
    const [raw, seal] = nextCursor.split('.') as [string, string];
    const decoded = JSON.parse(Buffer.from(raw, 'base64url').toString()) as Record<string, string>;
    const shifted = Object.fromEntries(Object.entries(decoded).map(([k, v]) => [k, `${v}0`]));
    await expectInvalidCursor(path, token, `${b64(shifted)}.${seal}`);
    await expectInvalidCursor(path, token, `${raw}.${seal.slice(0, -1)}${seal.endsWith('A') ? 'B' : 'A'}`);
  });

  it("one complaint's events cursor on another complaint's events", async () => {
    const { nextCursor } = await firstPage(`/v1/complaints/${complaintIds[0]}/events`, staff);
    await expectInvalidCursor(`/v1/complaints/${complaintIds[1]}/events`, staff, nextCursor);
  });

  it('a cursor of one filter on another filter of the same route', async () => {
    const { nextCursor } = await firstPage('/v1/complaints', staff);
    await expectInvalidCursor('/v1/complaints?status=acknowledged', staff, nextCursor);
    await expectInvalidCursor('/v1/complaints?unit=branch', staff, nextCursor);
    const byStatus = await firstPage('/v1/complaints?status=acknowledged', staff);
    await expectInvalidCursor('/v1/complaints', staff, byStatus.nextCursor);
  });

  it("another tenant's cursor of the same listing", async () => {
    const { nextCursor } = await firstPage('/v1/complaints', otherStaff);
    await expectInvalidCursor('/v1/complaints', staff, nextCursor);
  });

  it("one route's cursor on another route", async () => {
    const complaints = await firstPage('/v1/complaints', staff);
    await expectInvalidCursor('/v1/referrals', staff, complaints.nextCursor);
    await expectInvalidCursor(`/v1/complaints/${complaintIds[0]}/events`, staff, complaints.nextCursor);
    const tenants = await firstPage('/admin/v1/tenants', operator);
    await expectInvalidCursor('/regulator/v1/institutions', regulator, tenants.nextCursor);
    const institutions = await firstPage('/regulator/v1/institutions', regulator);
    await expectInvalidCursor('/admin/v1/tenants', operator, institutions.nextCursor);
  });

  it.each(forgeries)('referrals: $name', async ({ make }) => {
    await expectInvalidCursor('/v1/referrals', staff, make());
  });
});

describe("an unknown complaint's events", () => {
  const UNKNOWN = '01JZZZZZZZZZZZZZZZZZZZZZZZ';

  it('are a 404 with a forged cursor, a real one of another complaint, or none', async () => {
    const { nextCursor } = await firstPage(`/v1/complaints/${complaintIds[0]}/events`, staff);
    for (const cursor of [undefined, nextCursor, b64({ pk: 'C#x', sk: 'E#1' })]) {
      const res = await env.call('GET', `/v1/complaints/${UNKNOWN}/events${cursor ? `?cursor=${q(cursor)}` : ''}`, {
        token: staff,
      });
      expect(res.status, String(cursor)).toBe(404);
      expectErrorShape(res.body, 'not_found');
    }
  });

  it("another tenant's complaint is a 404 with a cursor, as an unknown one", async () => {
    const { nextCursor } = await firstPage(`/v1/complaints/${complaintIds[0]}/events`, staff);
    const res = await env.call('GET', `/v1/complaints/${complaintIds[0]}/events?cursor=${q(nextCursor)}`, {
      token: otherStaff,
    });
    expect(res.status).toBe(404);
    expectErrorShape(res.body, 'not_found');
  });
});

describe('the local cursor key', () => {
  it('is made once and kept in the data directory, so cursors outlive a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'redress-cursor-key-'));
    const first = await loadCursorKey(dir, undefined);
    expect(first.length).toBe(32);
    expect(await loadCursorKey(dir, undefined)).toEqual(first);
    const configured = new Uint8Array(Buffer.from('x'.repeat(40)));
    expect(await loadCursorKey(dir, configured)).toBe(configured);
  });
});
