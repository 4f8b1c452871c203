/**
 * Tenant isolation end to end: a tenant user's tenant comes only from the verified token, another
 * tenant's ids look exactly like ids that never existed, and a suspended tenant is locked out
 * without losing its data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intakeBody } from '../support/fixtures';
import { type InProcessRuntime, startInProcess } from '../support/in-process-runtime';
import { createComplaint, expectErrorShape, idempotencyKey, insurerIntakeBody, onboardTenant } from './helpers';

let server: InProcessRuntime;
let bankStaff: string;
let bankComplaintId: string;
let insurerComplaintId: string;
/** A well-formed id that no tenant has: what "does not exist" looks like. */
const NEVER_EXISTED = '01JZZZZZZZZZZZZZZZZZZZZZZZ';

beforeAll(async () => {
  server = await startInProcess();
  bankStaff = await server.token({ tenantId: 'demo-bank', roles: ['intake', 'pii:read'], sub: 'bank-clerk' });
  bankComplaintId = (await createComplaint(server, bankStaff)).id;
  // The insurer has data of its own, so "the bank's complaint is missing from its list" is not trivially true.
  const insurerClerk = await server.token({ tenantId: 'demo-insurer', roles: ['intake'], sub: 'insurer-clerk' });
  insurerComplaintId = (await createComplaint(server, insurerClerk, insurerIntakeBody())).id;
});
afterAll(async () => {
  await server?.stop();
});

const ids = (body: { items: { id: string }[] }) => body.items.map((c) => c.id);

describe("another tenant's complaint", () => {
  const ENDPOINTS = [
    { name: 'GET /v1/complaints/{id}', method: 'GET', path: (id: string) => `/v1/complaints/${id}` },
    { name: 'GET /v1/complaints/{id}/events', method: 'GET', path: (id: string) => `/v1/complaints/${id}/events` },
    {
      name: 'POST /v1/complaints/{id}/acknowledge',
      method: 'POST',
      path: (id: string) => `/v1/complaints/${id}/acknowledge`,
      body: {},
    },
    {
      name: 'POST /v1/complaints/{id}/assign',
      method: 'POST',
      path: (id: string) => `/v1/complaints/${id}/assign`,
      body: { unitId: 'head-office', assignee: 'insurer-handler' },
    },
    {
      name: 'POST /v1/complaints/{id}/contacts',
      method: 'POST',
      path: (id: string) => `/v1/complaints/${id}/contacts`,
      body: { channel: 'phone', summary: 'called' },
      // One key for the bank's id and the unknown one: the answers must match, replay or not.
      headers: { 'Idempotency-Key': 'cross-tenant-contact' },
    },
    {
      name: 'POST /v1/complaints/{id}/notes',
      method: 'POST',
      path: (id: string) => `/v1/complaints/${id}/notes`,
      body: { text: 'noted' },
      headers: { 'Idempotency-Key': 'cross-tenant-note' },
    },
    { name: 'GET /v1/complaints/{id}/contacts', method: 'GET', path: (id: string) => `/v1/complaints/${id}/contacts` },
    { name: 'GET /v1/complaints/{id}/notes', method: 'GET', path: (id: string) => `/v1/complaints/${id}/notes` },
  ] as {
    name: string;
    method: string;
    path: (id: string) => string;
    body?: unknown;
    headers?: Record<string, string>;
  }[];
  // Every tenant role together with pii:read and the strongest case-handling role, so the role check
  // passes and only tenant isolation stands between the caller and the complaint.
  const ROLE_SETS = [
    ['intake', 'supervisor', 'pii:read'],
    ['handler', 'pii:read'],
    ['supervisor', 'pii:read'],
    ['admin', 'supervisor', 'pii:read'],
  ];
  const CASES = ENDPOINTS.flatMap((e) => ROLE_SETS.map((roles) => ({ ...e, roles, label: roles.join('+') })));

  it.each(CASES)(
    '$name by demo-insurer $label is 404, exactly as for an id that never existed',
    async ({ method, path, body, headers, roles }) => {
      const token = await server.token({ tenantId: 'demo-insurer', roles, sub: 'insurer-staff' });
      const o = { token, ...(body !== undefined && { body }), ...(headers && { headers }) };
      const res = await server.call(method, path(bankComplaintId), o);
      expect(res.status).toBe(404);
      expectErrorShape(res.body, 'not_found');
      const unknown = await server.call(method, path(NEVER_EXISTED), o);
      // Same status and the same words: nothing tells the caller the id exists elsewhere.
      expect(res.body).toEqual(unknown.body);
    },
  );

  it.each(['intake', 'handler', 'supervisor', 'admin'])(
    'demo-insurer %s without the permission for an action gets the same answer for the bank id as for an unknown id',
    async (role) => {
      const token = await server.token({ tenantId: 'demo-insurer', roles: [role, 'pii:read'] });
      for (const e of ENDPOINTS) {
        const o = { token, ...(e.body !== undefined && { body: e.body }), ...(e.headers && { headers: e.headers }) };
        const res = await server.call(e.method, e.path(bankComplaintId), o);
        const unknown = await server.call(e.method, e.path(NEVER_EXISTED), o);
        expect([403, 404], `${e.name}: ${JSON.stringify(res.body)}`).toContain(res.status);
        expect(res.status, e.name).toBe(unknown.status);
        expect(res.body, e.name).toEqual(unknown.body);
      }
    },
  );

  it('is unchanged by the attempts above (no acknowledge, assign, contact or note went through)', async () => {
    const res = await server.call('GET', `/v1/complaints/${bankComplaintId}`, { token: bankStaff });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'received', version: 1, assignee: null });
    const events = await server.call('GET', `/v1/complaints/${bankComplaintId}/events`, { token: bankStaff });
    expect(events.body.items.map((e: { type: string }) => e.type)).toEqual(['received']);
  });
});

describe("demo-insurer's lists", () => {
  it.each([
    ['the default work queue', '/v1/complaints'],
    ['status=received', '/v1/complaints?status=received'],
    ['a tenantId query parameter naming the bank', '/v1/complaints?tenantId=demo-bank'],
    ['a tenantId query parameter and a status', '/v1/complaints?tenantId=demo-bank&status=received'],
  ])('never show the bank complaint (%s)', async (_label, path) => {
    const token = await server.token({ tenantId: 'demo-insurer', roles: ['supervisor', 'pii:read'] });
    const res = await server.call('GET', path, { token });
    // Either the unknown parameter is refused, or it is ignored and the list is still the insurer's own.
    if (res.status === 400) {
      expectErrorShape(res.body);
      return;
    }
    expect(res.status).toBe(200);
    expect(ids(res.body)).not.toContain(bankComplaintId);
    expect(ids(res.body)).toContain(insurerComplaintId);
  });

  it('the bank does see its own complaint (control for the test above)', async () => {
    const token = await server.token({ tenantId: 'demo-bank', roles: ['supervisor'] });
    const res = await server.call('GET', '/v1/complaints?status=received', { token });
    expect(ids(res.body)).toContain(bankComplaintId);
    expect(ids(res.body)).not.toContain(insurerComplaintId);
  });

  it('GET /v1/units returns the insurer units only', async () => {
    const token = await server.token({ tenantId: 'demo-insurer', roles: ['intake'] });
    const res = await server.call('GET', '/v1/units', { token });
    expect(res.status).toBe(200);
    expect(res.body.units.map((u: { id: string }) => u.id).sort()).toEqual([
      'guangdong-branch',
      'head-office',
      'shenzhen-sub-branch',
    ]);
  });

  it('GET /v1/taxonomy is the insurer taxonomy, not the bank one', async () => {
    const token = await server.token({ tenantId: 'demo-insurer', roles: ['intake'] });
    const res = await server.call('GET', '/v1/taxonomy', { token });
    expect(res.status).toBe(200);
    const codes: string[] = res.body.categories.map((c: { code: string }) => c.code);
    expect(codes.length).toBeGreaterThan(0);
    expect(codes.every((c) => c.startsWith('I-'))).toBe(true);
  });
});

describe('the tenant comes from the token only', () => {
  it('POST /v1/complaints with a tenantId field is 400 (unknown field), and nothing is created in either tenant', async () => {
    const token = await server.token({ tenantId: 'demo-insurer', roles: ['intake'] });
    const res = await server.call('POST', '/v1/complaints', {
      token,
      body: { ...intakeBody(), tenantId: 'demo-bank' },
      headers: { 'Idempotency-Key': idempotencyKey() },
    });
    expect(res.status).toBe(400);
    expectErrorShape(res.body, 'invalid_request');
    expect(JSON.stringify(res.body)).toContain('tenantId');
  });

  it('a bank-valid body sent with an insurer token is judged against the insurer (bank codes refused)', async () => {
    const token = await server.token({ tenantId: 'demo-insurer', roles: ['intake'] });
    const res = await server.call('POST', '/v1/complaints', {
      token,
      body: intakeBody(),
      headers: { 'Idempotency-Key': idempotencyKey() },
    });
    expect(res.status).toBe(400);
    expectErrorShape(res.body, 'invalid_request');
  });

  it('an action body naming another tenant is refused as an unknown field', async () => {
    const token = await server.token({ tenantId: 'demo-bank', roles: ['handler'] });
    const res = await server.call('POST', `/v1/complaints/${bankComplaintId}/assign`, {
      token,
      body: { unitId: 'head-office', assignee: 'x', tenantId: 'demo-insurer' },
    });
    expect(res.status).toBe(400);
    expectErrorShape(res.body, 'invalid_request');
  });

  it("assigning to a unit that exists only in another tenant's hierarchy is 400, and the complaint is unchanged", async () => {
    // Escalation walks the complaint's unit up the tenant's own tree; a foreign unit id has no place in it.
    const handler = await server.token({ tenantId: 'demo-bank', roles: ['handler'] });
    const id = (await createComplaint(server, bankStaff)).id;
    const res = await server.call('POST', `/v1/complaints/${id}/assign`, {
      token: handler,
      body: { unitId: 'guangdong-branch', assignee: 'x' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expectErrorShape(res.body, 'invalid_request');
    const after = await server.call('GET', `/v1/complaints/${id}`, { token: bankStaff });
    expect(after.body).toMatchObject({ unitId: 'head-office', assignee: null, version: 1 });
  });

  it('a token naming a tenant that does not exist is 403 on every /v1 route', async () => {
    const token = await server.token({ tenantId: 'no-such-bank', roles: ['supervisor', 'admin', 'pii:read'] });
    for (const [method, path] of [
      ['GET', '/v1/complaints'],
      ['GET', `/v1/complaints/${bankComplaintId}`],
      ['GET', '/v1/units'],
      ['GET', '/v1/taxonomy'],
      ['GET', '/v1/policy'],
    ] as const) {
      const res = await server.call(method, path, { token });
      expect(res.status, path).toBe(403);
      expectErrorShape(res.body, 'unknown_tenant');
    }
  });

  it('a tenant role with no tenant in the token is 403, not a view across tenants', async () => {
    const token = await server.token({ roles: ['supervisor', 'pii:read'] });
    const res = await server.call('GET', '/v1/complaints', { token });
    expect(res.status).toBe(403);
    expectErrorShape(res.body);
  });
});

describe('a suspended tenant', () => {
  let operator: string;
  let tenantId: string;
  let staff: string;
  let complaintId: string;

  beforeAll(async () => {
    operator = await server.token({ roles: ['platform-admin'] });
    tenantId = await onboardTenant(server, operator);
    // Every tenant role and pii:read: whatever is refused below is refused for the suspension, not the role.
    staff = await server.token({ tenantId, roles: ['intake', 'handler', 'supervisor', 'admin', 'pii:read'] });
    complaintId = (await createComplaint(server, staff)).id;
    const suspended = await server.call('POST', `/admin/v1/tenants/${tenantId}/suspend`, { token: operator });
    expect(suspended.status).toBe(200);
    expect(suspended.body.status).toBe('suspended');
  });

  const ROUTES = (id: string) =>
    [
      ['POST', '/v1/complaints', intakeBody(), { 'Idempotency-Key': idempotencyKey() }],
      ['GET', '/v1/complaints'],
      ['GET', `/v1/complaints/${id}`],
      ['GET', `/v1/complaints/${id}/events`],
      ['POST', `/v1/complaints/${id}/acknowledge`, {}],
      ['POST', `/v1/complaints/${id}/assign`, { unitId: 'head-office', assignee: 'someone' }],
      [
        'POST',
        `/v1/complaints/${id}/contacts`,
        { channel: 'phone', summary: 'x' },
        { 'Idempotency-Key': idempotencyKey() },
      ],
      ['GET', `/v1/complaints/${id}/contacts`],
      ['POST', `/v1/complaints/${id}/notes`, { text: 'x' }, { 'Idempotency-Key': idempotencyKey() }],
      ['GET', `/v1/complaints/${id}/notes`],
      ['GET', '/v1/taxonomy'],
      ['GET', '/v1/units'],
      [
        'PUT',
        '/v1/units',
        { units: [{ id: 'head-office', name: { 'zh-CN': '总行', en: 'Head office' } }] },
        { 'If-Match': '0' },
      ],
      ['GET', '/v1/policy'],
      ['PUT', '/v1/policy', {}, { 'If-Match': '0' }],
    ] as [string, string, unknown?, Record<string, string>?][];

  it.each(ROUTES('{id}').map(([m, p], i) => ({ label: `${m} ${p}`, i })))(
    '$label is 403 tenant_suspended',
    async ({ i }) => {
      const [method, path, body, headers] = ROUTES(complaintId)[i]!;
      const res = await server.call(method, path, {
        token: staff,
        ...(body !== undefined && { body }),
        ...(headers && { headers }),
      });
      expect(res.status, JSON.stringify(res.body)).toBe(403);
      expectErrorShape(res.body, 'tenant_suspended');
    },
  );

  it('keeps its data: after reactivation the complaint is readable and unchanged', async () => {
    const reactivated = await server.call('POST', `/admin/v1/tenants/${tenantId}/reactivate`, { token: operator });
    expect(reactivated.status).toBe(200);
    expect(reactivated.body.status).toBe('active');
    const res = await server.call('GET', `/v1/complaints/${complaintId}`, { token: staff });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: complaintId, status: 'received', version: 1 });
    const list = await server.call('GET', '/v1/complaints', { token: staff });
    expect(ids(list.body)).toEqual([complaintId]);
  });

  it('does not affect other tenants while suspended', async () => {
    const suspended = await server.call('POST', `/admin/v1/tenants/${tenantId}/suspend`, { token: operator });
    expect(suspended.status).toBe(200);
    const res = await server.call('GET', `/v1/complaints/${bankComplaintId}`, { token: bankStaff });
    expect(res.status).toBe(200);
  });
});
