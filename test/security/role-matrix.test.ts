/**
 * Every role against every route, end to end through the whole app as `npm start` composes it.
 *
 * The expected table below is written out by hand on purpose: importing PERMISSIONS from
 * shared/auth/roles.ts would make the test agree with whatever the product says, so a wrong entry
 * in the matrix (say, intake allowed to write policy) could never fail it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statutoryDays } from '../../shared/domain/calendars/calendar';
import { intakeBody } from '../support/fixtures';
import { type InProcessRuntime, startInProcess } from '../support/in-process-runtime';
import { createComplaint, expectErrorShape, idempotencyKey, onboardTenant, uniqueTenantId } from './helpers';

type Role = 'intake' | 'handler' | 'supervisor' | 'admin' | 'regulator' | 'platform-admin';
const ROLES: Role[] = ['intake', 'handler', 'supervisor', 'admin', 'regulator', 'platform-admin'];
const TENANT_ROLES = new Set<Role>(['intake', 'handler', 'supervisor', 'admin']);
const TENANT = 'demo-bank';

type Request = { method: string; path: string; body?: unknown; headers?: Record<string, string> };
type Route = {
  name: string;
  allowed: readonly Role[];
  /** Builds a request that would succeed for an allowed role: fresh state per case, so allowed means 2xx. */
  setup: () => Promise<Request>;
  /** The same route with placeholder ids, for checks that must fail before any state matters. */
  bare: Request;
};

const ALL_STAFF = ['intake', 'handler', 'supervisor', 'admin'] as const;
const STATUTORY_2098 = statutoryDays('cn', 2098);
const SIGN_IN = { issuer: 'https://idp.demo-bank.example', clientId: 'console', clientSecret: 'matrix-secret' };

let server: InProcessRuntime;
const tokens = {} as Record<Role, string>;
/** Fixture tokens, not under test: they build the state each case acts on. */
let staff: string;
let platformAdmin: string;

const freshComplaintId = async () => (await createComplaint(server, staff)).id;

async function currentUnits() {
  const res = await server.call('GET', '/v1/units', { token: staff });
  expect(res.status).toBe(200);
  return res.body as { units: unknown[]; version: number };
}
async function currentPolicyVersion() {
  const res = await server.call('GET', '/v1/policy', { token: staff });
  expect(res.status).toBe(200);
  return (res.body as { version: number }).version;
}

const ROUTES: Route[] = [
  {
    name: 'POST /v1/complaints',
    allowed: ALL_STAFF,
    setup: async () => ({
      method: 'POST',
      path: '/v1/complaints',
      body: intakeBody(),
      headers: { 'Idempotency-Key': idempotencyKey() },
    }),
    bare: { method: 'POST', path: '/v1/complaints', body: intakeBody(), headers: { 'Idempotency-Key': 'bare-key' } },
  },
  {
    name: 'GET /v1/complaints',
    allowed: ALL_STAFF,
    setup: async () => ({ method: 'GET', path: '/v1/complaints' }),
    bare: { method: 'GET', path: '/v1/complaints' },
  },
  {
    name: 'GET /v1/complaints/{id}',
    allowed: ALL_STAFF,
    setup: async () => ({ method: 'GET', path: `/v1/complaints/${await freshComplaintId()}` }),
    bare: { method: 'GET', path: '/v1/complaints/01AAAAAAAAAAAAAAAAAAAAAAAA' },
  },
  {
    name: 'GET /v1/complaints/{id}/events',
    allowed: ALL_STAFF,
    setup: async () => ({ method: 'GET', path: `/v1/complaints/${await freshComplaintId()}/events` }),
    bare: { method: 'GET', path: '/v1/complaints/01AAAAAAAAAAAAAAAAAAAAAAAA/events' },
  },
  {
    // Acknowledging is a case-handling step: the people who work cases, not intake clerks or administrators.
    name: 'POST /v1/complaints/{id}/acknowledge',
    allowed: ['handler', 'supervisor'],
    setup: async () => ({ method: 'POST', path: `/v1/complaints/${await freshComplaintId()}/acknowledge`, body: {} }),
    bare: { method: 'POST', path: '/v1/complaints/01AAAAAAAAAAAAAAAAAAAAAAAA/acknowledge', body: {} },
  },
  {
    // Routing work to a unit: case workers and the institution's administrators, not intake.
    name: 'POST /v1/complaints/{id}/assign',
    allowed: ['handler', 'supervisor', 'admin'],
    setup: async () => ({
      method: 'POST',
      path: `/v1/complaints/${await freshComplaintId()}/assign`,
      body: { unitId: 'shanghai-branch', assignee: 'someone' },
    }),
    bare: {
      method: 'POST',
      path: '/v1/complaints/01AAAAAAAAAAAAAAAAAAAAAAAA/assign',
      body: { unitId: 'shanghai-branch', assignee: 'someone' },
    },
  },
  {
    // Whoever took the call or sent the letter records it: the front desk too, not the administrators.
    name: 'POST /v1/complaints/{id}/contacts',
    allowed: ['intake', 'handler', 'supervisor'],
    setup: async () => ({
      method: 'POST',
      path: `/v1/complaints/${await freshComplaintId()}/contacts`,
      body: { channel: 'phone', summary: 'told of the progress' },
      headers: { 'Idempotency-Key': idempotencyKey() },
    }),
    bare: {
      method: 'POST',
      path: '/v1/complaints/01AAAAAAAAAAAAAAAAAAAAAAAA/contacts',
      body: { channel: 'phone', summary: 'x' },
      headers: { 'Idempotency-Key': 'bare-key' },
    },
  },
  {
    name: 'GET /v1/complaints/{id}/contacts',
    allowed: ALL_STAFF,
    setup: async () => ({ method: 'GET', path: `/v1/complaints/${await freshComplaintId()}/contacts` }),
    bare: { method: 'GET', path: '/v1/complaints/01AAAAAAAAAAAAAAAAAAAAAAAA/contacts' },
  },
  {
    // Internal notes are case work: the people who handle the case.
    name: 'POST /v1/complaints/{id}/notes',
    allowed: ['handler', 'supervisor'],
    setup: async () => ({
      method: 'POST',
      path: `/v1/complaints/${await freshComplaintId()}/notes`,
      body: { text: 'check the branch recording' },
      headers: { 'Idempotency-Key': idempotencyKey() },
    }),
    bare: {
      method: 'POST',
      path: '/v1/complaints/01AAAAAAAAAAAAAAAAAAAAAAAA/notes',
      body: { text: 'x' },
      headers: { 'Idempotency-Key': 'bare-key' },
    },
  },
  {
    name: 'GET /v1/complaints/{id}/notes',
    allowed: ALL_STAFF,
    setup: async () => ({ method: 'GET', path: `/v1/complaints/${await freshComplaintId()}/notes` }),
    bare: { method: 'GET', path: '/v1/complaints/01AAAAAAAAAAAAAAAAAAAAAAAA/notes' },
  },
  {
    name: 'GET /v1/taxonomy',
    allowed: ALL_STAFF,
    setup: async () => ({ method: 'GET', path: '/v1/taxonomy' }),
    bare: { method: 'GET', path: '/v1/taxonomy' },
  },
  {
    name: 'GET /v1/units',
    allowed: ALL_STAFF,
    setup: async () => ({ method: 'GET', path: '/v1/units' }),
    bare: { method: 'GET', path: '/v1/units' },
  },
  {
    // The hierarchy escalation walks: only the institution's administrator may change it.
    name: 'PUT /v1/units',
    allowed: ['admin'],
    setup: async () => {
      const { units, version } = await currentUnits();
      return { method: 'PUT', path: '/v1/units', body: { units }, headers: { 'If-Match': String(version) } };
    },
    bare: { method: 'PUT', path: '/v1/units', body: { units: [] }, headers: { 'If-Match': '1' } },
  },
  {
    name: 'GET /v1/policy',
    allowed: ['handler', 'supervisor', 'admin'],
    setup: async () => ({ method: 'GET', path: '/v1/policy' }),
    bare: { method: 'GET', path: '/v1/policy' },
  },
  {
    // Deadlines are a compliance setting: administrator only.
    name: 'PUT /v1/policy',
    allowed: ['admin'],
    setup: async () => ({
      method: 'PUT',
      path: '/v1/policy',
      body: {},
      headers: { 'If-Match': String(await currentPolicyVersion()) },
    }),
    bare: { method: 'PUT', path: '/v1/policy', body: {}, headers: { 'If-Match': '0' } },
  },
  {
    // Who revealed which complaint's personal data: the institution's administrator audits it.
    name: 'GET /v1/access-log',
    allowed: ['admin'],
    setup: async () => ({ method: 'GET', path: '/v1/access-log' }),
    bare: { method: 'GET', path: '/v1/access-log' },
  },
  {
    name: 'GET /admin/v1/tenants',
    allowed: ['platform-admin'],
    setup: async () => ({ method: 'GET', path: '/admin/v1/tenants' }),
    bare: { method: 'GET', path: '/admin/v1/tenants' },
  },
  {
    name: 'POST /admin/v1/tenants',
    allowed: ['platform-admin'],
    setup: async () => {
      const id = uniqueTenantId('mx');
      return {
        method: 'POST',
        path: '/admin/v1/tenants',
        body: { id, name: `Matrix ${id}`, kind: 'bank', policy: 'cn-nfra-2020' },
      };
    },
    bare: {
      method: 'POST',
      path: '/admin/v1/tenants',
      body: { id: 'bare-tenant', name: 'Bare', kind: 'bank', policy: 'cn-nfra-2020' },
    },
  },
  {
    // Holiday calendars apply to every institution: the platform operator's alone.
    name: 'GET /admin/v1/calendars/{calendar}/{year}',
    allowed: ['platform-admin'],
    setup: async () => ({ method: 'GET', path: '/admin/v1/calendars/cn/2027' }),
    bare: { method: 'GET', path: '/admin/v1/calendars/cn/2027' },
  },
  {
    name: 'PUT /admin/v1/calendars/{calendar}/{year}',
    allowed: ['platform-admin'],
    // A year no deadline of the demo data reaches, loaded again as a new version by each allowed case.
    setup: async () => ({
      method: 'PUT',
      path: '/admin/v1/calendars/cn/2098',
      body: { holidays: STATUTORY_2098, workingDays: [], source: 'role matrix' },
    }),
    bare: { method: 'PUT', path: '/admin/v1/calendars/cn/2098', body: { holidays: [], workingDays: [], source: 'x' } },
  },
  {
    name: 'POST /admin/v1/tenants/{id}/suspend',
    allowed: ['platform-admin'],
    setup: async () => ({
      method: 'POST',
      path: `/admin/v1/tenants/${await onboardTenant(server, platformAdmin)}/suspend`,
    }),
    bare: { method: 'POST', path: '/admin/v1/tenants/demo-bank/suspend' },
  },
  {
    name: 'POST /admin/v1/tenants/{id}/reactivate',
    allowed: ['platform-admin'],
    setup: async () => {
      const id = await onboardTenant(server, platformAdmin);
      const suspended = await server.call('POST', `/admin/v1/tenants/${id}/suspend`, { token: platformAdmin });
      expect(suspended.status).toBe(200);
      return { method: 'POST', path: `/admin/v1/tenants/${id}/reactivate` };
    },
    bare: { method: 'POST', path: '/admin/v1/tenants/demo-bank/reactivate' },
  },
  {
    name: 'GET /admin/v1/tenants/{id}/limits',
    allowed: ['platform-admin'],
    setup: async () => ({ method: 'GET', path: `/admin/v1/tenants/${TENANT}/limits` }),
    bare: { method: 'GET', path: `/admin/v1/tenants/${TENANT}/limits` },
  },
  {
    name: 'PUT /admin/v1/tenants/{id}/limits',
    allowed: ['platform-admin'],
    // Back to the platform default, whatever the case before it did: the suite runs unthrottled anyway.
    setup: async () => ({
      method: 'PUT',
      path: `/admin/v1/tenants/${TENANT}/limits`,
      body: { requestsPerMinute: null },
    }),
    bare: { method: 'PUT', path: `/admin/v1/tenants/${TENANT}/limits`, body: { requestsPerMinute: 10 } },
  },
  {
    name: 'PUT /admin/v1/tenants/{id}/sign-in',
    allowed: ['platform-admin'],
    setup: async () => ({ method: 'PUT', path: `/admin/v1/tenants/${TENANT}/sign-in`, body: SIGN_IN }),
    bare: { method: 'PUT', path: `/admin/v1/tenants/${TENANT}/sign-in`, body: SIGN_IN },
  },
  {
    name: 'GET /admin/v1/tenants/{id}/sign-in',
    allowed: ['platform-admin'],
    setup: async () => {
      const set = await server.call('PUT', `/admin/v1/tenants/${TENANT}/sign-in`, {
        token: platformAdmin,
        body: SIGN_IN,
      });
      expect(set.status).toBe(200);
      return { method: 'GET', path: `/admin/v1/tenants/${TENANT}/sign-in` };
    },
    bare: { method: 'GET', path: `/admin/v1/tenants/${TENANT}/sign-in` },
  },
  {
    name: 'POST /admin/v1/tenants/{id}/lifecycle-repair',
    allowed: ['platform-admin'],
    setup: async () => ({ method: 'POST', path: `/admin/v1/tenants/${TENANT}/lifecycle-repair`, body: {} }),
    bare: { method: 'POST', path: `/admin/v1/tenants/${TENANT}/lifecycle-repair` },
  },
  {
    name: 'GET /regulator/v1/institutions',
    allowed: ['regulator'],
    setup: async () => ({ method: 'GET', path: '/regulator/v1/institutions' }),
    bare: { method: 'GET', path: '/regulator/v1/institutions' },
  },
  {
    name: 'GET /regulator/v1/institutions/{tenantId}/complaints',
    allowed: ['regulator'],
    setup: async () => ({ method: 'GET', path: `/regulator/v1/institutions/${TENANT}/complaints` }),
    bare: { method: 'GET', path: `/regulator/v1/institutions/${TENANT}/complaints` },
  },
  {
    name: 'GET /regulator/v1/institutions/{tenantId}/complaints/{id}',
    allowed: ['regulator'],
    setup: async () => ({
      method: 'GET',
      path: `/regulator/v1/institutions/${TENANT}/complaints/${await freshComplaintId()}`,
    }),
    bare: { method: 'GET', path: `/regulator/v1/institutions/${TENANT}/complaints/01AAAAAAAAAAAAAAAAAAAAAAAA` },
  },
  {
    name: 'GET /regulator/v1/institutions?period=',
    allowed: ['regulator'],
    setup: async () => ({ method: 'GET', path: '/regulator/v1/institutions?period=2026Q4' }),
    bare: { method: 'GET', path: '/regulator/v1/institutions?period=2026Q4' },
  },
  {
    name: 'GET /regulator/v1/institutions/{tenantId}/complaints/{id}/events',
    allowed: ['regulator'],
    setup: async () => ({
      method: 'GET',
      path: `/regulator/v1/institutions/${TENANT}/complaints/${await freshComplaintId()}/events`,
    }),
    bare: {
      method: 'GET',
      path: `/regulator/v1/institutions/${TENANT}/complaints/01AAAAAAAAAAAAAAAAAAAAAAAA/events`,
    },
  },
  {
    name: 'GET /regulator/v1/stats',
    allowed: ['regulator'],
    setup: async () => ({ method: 'GET', path: '/regulator/v1/stats?period=2026-11' }),
    bare: { method: 'GET', path: '/regulator/v1/stats?period=2026-11' },
  },
  {
    name: 'GET /regulator/v1/forwarded',
    allowed: ['regulator'],
    setup: async () => ({ method: 'GET', path: '/regulator/v1/forwarded?reference=NFRA-1' }),
    bare: { method: 'GET', path: '/regulator/v1/forwarded' },
  },
  {
    name: 'GET /regulator/v1/returns/{file}',
    allowed: ['regulator'],
    setup: async () => ({ method: 'GET', path: '/regulator/v1/returns/2026Q3.csv' }),
    bare: { method: 'GET', path: '/regulator/v1/returns/2026Q3.csv' },
  },
];

const call = (r: Request, token?: string) =>
  server.call(r.method, r.path, {
    ...(token !== undefined && { token }),
    ...(r.body !== undefined && { body: r.body }),
    ...(r.headers && { headers: r.headers }),
  });

beforeAll(async () => {
  server = await startInProcess();
  for (const role of ROLES) {
    tokens[role] = await server.token({
      ...(TENANT_ROLES.has(role) && { tenantId: TENANT }),
      roles: [role],
      sub: `matrix-${role}`,
    });
  }
  staff = await server.token({ tenantId: TENANT, roles: ['admin', 'intake'], sub: 'matrix-fixture' });
  platformAdmin = await server.token({ roles: ['platform-admin'], sub: 'matrix-fixture-operator' });
});
afterAll(async () => {
  await server?.stop();
});

const CASES = ROUTES.flatMap((route) =>
  ROLES.map((role) => ({ route, role, expected: route.allowed.includes(role) ? 'allowed' : 'forbidden' })),
);

describe('role matrix', () => {
  it.each(CASES)('$route.name as $role is $expected', async ({ route, role, expected }) => {
    const res = await call(await route.setup(), tokens[role]);
    if (expected === 'allowed') {
      expect(res.status, JSON.stringify(res.body)).toBeGreaterThanOrEqual(200);
      expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
    } else {
      expect(res.status, JSON.stringify(res.body)).toBe(403);
      expectErrorShape(res.body);
    }
  });
});

describe('without a token', () => {
  it.each(ROUTES)('$name is 401', async (route) => {
    const res = await call(route.bare);
    expect(res.status).toBe(401);
    expectErrorShape(res.body, 'unauthorized');
  });
});

describe('pii:read is a grant on top of a role, not a role', () => {
  it.each(ROUTES)('$name with only pii:read is 403', async (route) => {
    const token = await server.token({ tenantId: TENANT, roles: ['pii:read'], sub: 'matrix-pii-only' });
    const res = await call(await route.setup(), token);
    expect(res.status).toBe(403);
    expectErrorShape(res.body);
  });
});
