/**
 * The webhook routes: only an institution's admin manages its endpoints, another institution's
 * endpoint looks exactly like one that never existed, and a secret is shown once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type InProcessRuntime, startInProcess } from '../support/in-process-runtime';
import { expectErrorShape, idempotencyKey } from './helpers';

type Role = 'intake' | 'handler' | 'supervisor' | 'admin' | 'regulator' | 'platform-admin';
const ROLES: Role[] = ['intake', 'handler', 'supervisor', 'admin', 'regulator', 'platform-admin'];

let server: InProcessRuntime;
let bankAdmin: string;
let insurerAdmin: string;
let endpointId: string;
const tokens = {} as Record<Role, string>;

const register = (token: string, body: unknown = { url: 'http://127.0.0.1:9/hook', events: ['complaint.received'] }) =>
  server.call('POST', '/v1/webhooks', { token, body, headers: { 'idempotency-key': idempotencyKey() } });

beforeAll(async () => {
  server = await startInProcess();
  bankAdmin = await server.token({ tenantId: 'demo-bank', roles: ['admin'], sub: 'bank-admin' });
  insurerAdmin = await server.token({ tenantId: 'demo-insurer', roles: ['admin', 'supervisor'], sub: 'ins-admin' });
  for (const role of ROLES)
    tokens[role] = await server.token({
      ...(role !== 'regulator' && role !== 'platform-admin' && { tenantId: 'demo-bank' }),
      roles: [role],
      sub: `u-${role}`,
    });
  const created = await register(bankAdmin);
  expect(created.status).toBe(201);
  endpointId = created.body.endpoint.id;
});
afterAll(() => server?.stop());

describe('who may manage webhooks', () => {
  // Written out by hand: the catalogue is for every staff role, the endpoints for the admin only.
  const ROUTES: { name: string; method: string; path: () => string; body?: unknown; allowed: Role[] }[] = [
    {
      name: 'GET /v1/webhooks/event-types',
      method: 'GET',
      path: () => '/v1/webhooks/event-types',
      allowed: ['intake', 'handler', 'supervisor', 'admin'],
    },
    { name: 'GET /v1/webhooks', method: 'GET', path: () => '/v1/webhooks', allowed: ['admin'] },
    { name: 'GET /v1/webhooks/{id}', method: 'GET', path: () => `/v1/webhooks/${endpointId}`, allowed: ['admin'] },
    {
      name: 'PATCH /v1/webhooks/{id}',
      method: 'PATCH',
      path: () => `/v1/webhooks/${endpointId}`,
      body: { description: 'CRM' },
      allowed: ['admin'],
    },
    {
      name: 'GET /v1/webhooks/{id}/deliveries',
      method: 'GET',
      path: () => `/v1/webhooks/${endpointId}/deliveries`,
      allowed: ['admin'],
    },
    {
      name: 'POST /v1/webhooks/{id}/test',
      method: 'POST',
      path: () => `/v1/webhooks/${endpointId}/test`,
      allowed: ['admin'],
    },
    {
      name: 'POST /v1/webhooks/{id}/replay',
      method: 'POST',
      path: () => `/v1/webhooks/${endpointId}/replay`,
      body: { since: '2026-01-01T00:00:00Z' },
      allowed: ['admin'],
    },
  ];
  const CASES = ROUTES.flatMap((r) => ROLES.map((role) => ({ ...r, role, ok: r.allowed.includes(role) })));

  it.each(CASES)('$name as $role: allowed=$ok', async ({ method, path, body, role, ok }) => {
    const res = await server.call(method, path(), { token: tokens[role], ...(body !== undefined && { body }) });
    if (ok) expect(res.status).toBeLessThan(300);
    else {
      expect(res.status).toBe(403);
      expectErrorShape(res.body);
    }
  });

  it('POST /v1/webhooks is for the admin only', async () => {
    for (const role of ROLES) {
      const res = await register(tokens[role]);
      expect(res.status, role).toBe(role === 'admin' ? 201 : 403);
    }
  });
});

describe("another institution's endpoint", () => {
  const PATHS = [
    ['GET', ''],
    ['PATCH', ''],
    ['DELETE', ''],
    ['POST', '/pause'],
    ['POST', '/resume'],
    ['POST', '/rotate-secret'],
    ['POST', '/test'],
    ['GET', '/deliveries'],
    ['POST', '/replay'],
  ] as const;

  it.each(PATHS)('%s /v1/webhooks/{id}%s by demo-insurer is 404, as for an id that never existed', async (m, s) => {
    const body = m === 'PATCH' ? { description: 'x' } : s === '/replay' ? { since: '2026-01-01T00:00:00Z' } : undefined;
    const foreign = await server.call(m, `/v1/webhooks/${endpointId}${s}`, { token: insurerAdmin, body });
    const never = await server.call(m, `/v1/webhooks/wh_neverexisted${s}`, { token: insurerAdmin, body });
    expect(foreign.status).toBe(404);
    expect(foreign.body).toEqual(never.body);
  });

  it('is missing from the other institution’s list, and still there for its own', async () => {
    const theirs = await server.call('GET', '/v1/webhooks', { token: insurerAdmin });
    expect(theirs.body.items.map((e: { id: string }) => e.id)).not.toContain(endpointId);
    const ours = await server.call('GET', '/v1/webhooks', { token: bankAdmin });
    expect(ours.body.items.map((e: { id: string }) => e.id)).toContain(endpointId);
  });
});

describe('secrets and input', () => {
  it('shows the secret only when created or rotated; a retried create returns the same endpoint', async () => {
    const key = idempotencyKey();
    const body = { url: 'http://127.0.0.1:9/crm', events: ['complaint.closed'], description: 'CRM' };
    const first = await server.call('POST', '/v1/webhooks', {
      token: bankAdmin,
      body,
      headers: { 'idempotency-key': key },
    });
    const again = await server.call('POST', '/v1/webhooks', {
      token: bankAdmin,
      body,
      headers: { 'idempotency-key': key },
    });
    expect(first.status).toBe(201);
    expect(first.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{40,}={0,2}$/);
    expect(again.body).toEqual(first.body);
    const id = first.body.endpoint.id;
    const read = await server.call('GET', `/v1/webhooks/${id}`, { token: bankAdmin });
    expect(JSON.stringify(read.body)).not.toContain('whsec_');
    expect(JSON.stringify((await server.call('GET', '/v1/webhooks', { token: bankAdmin })).body)).not.toContain(
      'whsec_',
    );
    const rotated = await server.call('POST', `/v1/webhooks/${id}/rotate-secret`, { token: bankAdmin });
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(first.body.secret);
    expect((await server.call('DELETE', `/v1/webhooks/${id}`, { token: bankAdmin })).status).toBe(204);
    expect((await server.call('GET', `/v1/webhooks/${id}`, { token: bankAdmin })).status).toBe(404);
  });

  it('refuses unknown event types, bad URLs and credentials in the URL with 400/422 in the error shape', async () => {
    for (const [body, status] of [
      [{ url: 'http://127.0.0.1:9/x', events: ['complaint.nope'] }, 400],
      [{ url: 'http://127.0.0.1:9/x', events: [] }, 400],
      [{ url: 'ftp://example.com/x', events: ['complaint.received'] }, 422],
      [{ url: 'not a url', events: ['complaint.received'] }, 422],
      [{ url: 'https://user:pw@example.com/x', events: ['complaint.received'] }, 422],
      [{ url: 'http://127.0.0.1:9/x', events: ['complaint.received'], secret: 'mine' }, 400],
    ] as const) {
      const res = await register(bankAdmin, body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expectErrorShape(res.body);
    }
  });

  it('publishes the catalogue with a JSON Schema per type', async () => {
    const res = await server.call('GET', '/v1/webhooks/event-types', { token: tokens.handler });
    const types = res.body.items.map((i: { type: string }) => i.type);
    for (const t of ['complaint.received', 'complaint.escalated', 'complaint.closed', 'referral.answered'])
      expect(types).toContain(t);
    const received = res.body.items.find((i: { type: string }) => i.type === 'complaint.received');
    expect(received.schema.properties.data.properties).toHaveProperty('seq');
    // No payload field can carry personal data: no property of any type is named for it.
    const names = new Set<string>();
    const walk = (node: unknown) => {
      if (!node || typeof node !== 'object') return;
      const props = (node as { properties?: Record<string, unknown> }).properties;
      if (props) for (const k of Object.keys(props)) names.add(k);
      for (const v of Object.values(node)) walk(v);
    };
    for (const item of res.body.items) walk(item.schema);
    for (const personal of ['complainant', 'description', 'name', 'phone', 'email', 'summary'])
      expect(names.has(personal), personal).toBe(false);
  });
});
