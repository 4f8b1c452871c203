/**
 * Every role against every lifecycle route (the staff actions after acknowledge/assign, and the
 * partner side of referrals), end to end through the whole app as `npm start` composes it.
 *
 * The expected table is written out by hand on purpose, as in role-matrix.test.ts: it is what a
 * bank would expect of its own staff, not a copy of shared/auth/roles.ts, so a wrong entry there
 * fails here. Each allowed case acts on a complaint (or referral) of its own, prepared in beforeAll
 * at the step the action needs, so "allowed" means 2xx and not merely "not 403".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type InProcessRuntime, startInProcess } from '../support/in-process-runtime';
import {
  createComplaint,
  driveTo,
  expectErrorShape,
  insurerIntakeBody,
  onboardTenant,
  openReferral,
  serverNow,
} from './helpers';

type Role = 'intake' | 'handler' | 'supervisor' | 'admin' | 'regulator' | 'platform-admin';
const ROLES: Role[] = ['intake', 'handler', 'supervisor', 'admin', 'regulator', 'platform-admin'];
const TENANT_ROLES = new Set<Role>(['intake', 'handler', 'supervisor', 'admin']);
const TENANT = 'demo-bank';

/** Where the target of a route must stand for the action to succeed. */
type Prepare = 'none' | 'received' | 'decision' | 'feedback' | 'review_window' | 'review_decision' | 'referral';
type Request = { method: string; path: string; body?: unknown };
type Route = { name: string; allowed: readonly Role[]; prepare: Prepare; request: (id: string) => Promise<Request> };

let server: InProcessRuntime;
const tokens = {} as Record<Role, string>;
/** Fixture tokens, not under test. The bank one makes the decisions, so a reviewer is someone else. */
let bankStaff: string;
let insurerStaff: string;
let platformAdmin: string;
/** Another bank, onboarded for this run: where transfers go. */
let receiverTenant: string;

const post = (path: string, body: unknown): Request => ({ method: 'POST', path, body });

const ROUTES: Route[] = [
  {
    // Moving the regulatory deadline is a supervisor's call (the rules want it approved and the complainant told).
    name: 'POST /v1/complaints/{id}/extend',
    allowed: ['supervisor'],
    prepare: 'received',
    request: async (id) => post(`/v1/complaints/${id}/extend`, { tier: 'complex', reason: 'x' }),
  },
  {
    // The people who work the case decide it; not intake clerks, not system administrators.
    name: 'POST /v1/complaints/{id}/decision',
    allowed: ['handler', 'supervisor'],
    prepare: 'decision',
    request: async (id) => post(`/v1/complaints/${id}/decision`, { outcome: 'upheld', summary: 'x' }),
  },
  {
    name: 'POST /v1/complaints/{id}/feedback',
    allowed: ['handler', 'supervisor'],
    prepare: 'feedback',
    request: async (id) =>
      post(`/v1/complaints/${id}/feedback`, { channel: 'phone', deliveredAt: await serverNow(server), summary: 'x' }),
  },
  {
    // Recording the complainant's request: it may come in through any front-line channel, intake included.
    name: 'POST /v1/complaints/{id}/review-request',
    allowed: ['intake', 'handler', 'supervisor'],
    prepare: 'review_window',
    request: async (id) => post(`/v1/complaints/${id}/review-request`, { reason: 'x' }),
  },
  {
    // The review (核查) is a supervisor's, and never by the original decision maker.
    name: 'POST /v1/complaints/{id}/review-decision',
    allowed: ['supervisor'],
    prepare: 'review_decision',
    request: async (id) => post(`/v1/complaints/${id}/review-decision`, { outcome: 'original_upheld', summary: 'x' }),
  },
  {
    // The complainant's own withdrawal, recorded by whoever took the call.
    name: 'POST /v1/complaints/{id}/withdraw',
    allowed: ['intake', 'handler', 'supervisor'],
    prepare: 'received',
    request: async (id) => post(`/v1/complaints/${id}/withdraw`, {}),
  },
  {
    // Refusing to handle a complaint ends it without a decision: supervisor only.
    name: 'POST /v1/complaints/{id}/decline',
    allowed: ['supervisor'],
    prepare: 'received',
    request: async (id) => post(`/v1/complaints/${id}/decline`, { reasonCode: 'duplicate' }),
  },
  {
    // Handing personal data to another institution: supervisor only.
    name: 'POST /v1/complaints/{id}/transfer',
    allowed: ['supervisor'],
    prepare: 'received',
    request: async (id) => post(`/v1/complaints/${id}/transfer`, { toTenantId: receiverTenant, reason: 'x' }),
  },
  {
    // The partner queue holds no personal data: every tenant role may see what the institution is asked.
    name: 'GET /v1/referrals',
    allowed: ['intake', 'handler', 'supervisor', 'admin'],
    prepare: 'none',
    request: async () => ({ method: 'GET', path: '/v1/referrals' }),
  },
  {
    // Answering for the institution is case work: handler and supervisor.
    name: 'POST /v1/referrals/{id}/feedback',
    allowed: ['handler', 'supervisor'],
    prepare: 'referral',
    request: async (id) => post(`/v1/referrals/${id}/feedback`, { position: 'agrees', summary: 'x' }),
  },
];

/** Per route: one target per allowed role, and one shared by every refused call (it must stay as it is). */
const targets = new Map<string, { byRole: Partial<Record<Role, string>>; refused: string }>();
/** The refused complaint targets' versions after setup. */
const refusedVersions = new Map<string, number>();

async function prepare(p: Prepare): Promise<string> {
  switch (p) {
    case 'none':
      return '';
    case 'referral':
      // An insurer complaint naming the bank as partner: the referral lands in the bank's table.
      return (await openReferral(server, insurerStaff, { ...insurerIntakeBody(), partners: [TENANT] })).referralId;
    case 'received':
      return (await createComplaint(server, bankStaff)).id;
    default: {
      const id = (await createComplaint(server, bankStaff)).id;
      await driveTo(server, bankStaff, id, p);
      return id;
    }
  }
}

/** The referral as the bank (the partner) sees it. Its version is no measure: the engine stores its wait token there. */
async function bankReferral(id: string) {
  const res = await server.call('GET', '/v1/referrals?status=open&limit=100', { token: bankStaff });
  return (res.body.items as { id: string; status: string; answer?: unknown }[]).find((r) => r.id === id);
}

beforeAll(async () => {
  server = await startInProcess();
  for (const role of ROLES) {
    tokens[role] = await server.token({
      ...(TENANT_ROLES.has(role) && { tenantId: TENANT }),
      roles: [role],
      sub: `lrm-${role}`,
    });
  }
  bankStaff = await server.token({ tenantId: TENANT, roles: ['intake', 'handler', 'supervisor'], sub: 'lrm-fixture' });
  insurerStaff = await server.token({
    tenantId: 'demo-insurer',
    roles: ['intake', 'supervisor'],
    sub: 'lrm-insurer-fixture',
  });
  platformAdmin = await server.token({ roles: ['platform-admin'], sub: 'lrm-operator' });
  receiverTenant = await onboardTenant(server, platformAdmin);

  // Everything in parallel: each target walks its own lifecycle.
  await Promise.all(
    ROUTES.map(async (route) => {
      const [refused, ...allowed] = await Promise.all([
        prepare(route.prepare),
        ...route.allowed.map(() => prepare(route.prepare)),
      ]);
      targets.set(route.name, {
        refused: refused!,
        byRole: Object.fromEntries(route.allowed.map((r, i) => [r, allowed[i]!])),
      });
    }),
  );
  for (const route of ROUTES) {
    const id = targets.get(route.name)!.refused;
    if (route.prepare === 'none' || route.prepare === 'referral') continue;
    refusedVersions.set(
      route.name,
      (await server.call('GET', `/v1/complaints/${id}`, { token: bankStaff })).body.version,
    );
  }
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

const call = async (route: Route, id: string, token?: string) => {
  const r = await route.request(id);
  return server.call(r.method, r.path, {
    ...(token !== undefined && { token }),
    ...(r.body !== undefined && { body: r.body }),
  });
};

const CASES = ROUTES.flatMap((route) =>
  ROLES.map((role) => ({ route, role, expected: route.allowed.includes(role) ? 'allowed' : 'forbidden' })),
);

describe('lifecycle role matrix', () => {
  it.each(CASES)('$route.name as $role is $expected', async ({ route, role, expected }) => {
    const t = targets.get(route.name)!;
    if (expected === 'allowed') {
      const res = await call(route, t.byRole[role]!, tokens[role]);
      expect(res.status, JSON.stringify(res.body)).not.toBe(401);
      expect(res.status, JSON.stringify(res.body)).not.toBe(403);
      // Prepared at the right step: allowed means it went through.
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    } else {
      const res = await call(route, t.refused, tokens[role]);
      expect(res.status, JSON.stringify(res.body)).toBe(403);
      expectErrorShape(res.body, 'forbidden');
    }
  });

  it('the refused calls changed nothing: every refused complaint is at its setup version, the refused referral still open', async () => {
    for (const route of ROUTES) {
      const id = targets.get(route.name)!.refused;
      if (route.prepare === 'none') continue;
      if (route.prepare === 'referral') {
        const referral = await bankReferral(id);
        expect(referral, route.name).toMatchObject({ status: 'open' });
        expect(referral!.answer, route.name).toBeUndefined();
        continue;
      }
      const res = await server.call('GET', `/v1/complaints/${id}`, { token: bankStaff });
      expect(res.body.version, route.name).toBe(refusedVersions.get(route.name));
    }
  });
});

describe('without a token', () => {
  it.each(ROUTES)('$name is 401', async (route) => {
    const res = await call(route, targets.get(route.name)!.refused);
    expect(res.status).toBe(401);
    expectErrorShape(res.body, 'unauthorized');
  });
});

describe('pii:read is a grant on top of a role, not a role', () => {
  it.each(ROUTES)('$name with only pii:read is 403', async (route) => {
    const token = await server.token({ tenantId: TENANT, roles: ['pii:read'], sub: 'lrm-pii-only' });
    const res = await call(route, targets.get(route.name)!.refused, token);
    expect(res.status).toBe(403);
    expectErrorShape(res.body, 'forbidden');
  });
});
