/**
 * Tenant isolation across the lifecycle: another institution's staff cannot act on a complaint at
 * any step, referrals are seen and answered only by the partner they are addressed to (and show it
 * nothing personal), a transfer never lands anywhere it should not, and the real clock cannot be moved.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intakeBody } from '../support/fixtures';
import { type InProcessRuntime, startInProcess } from '../support/in-process-runtime';
import {
  allEvents,
  allItems,
  createComplaint,
  driveTo,
  expectErrorShape,
  insurerIntakeBody,
  keysOf,
  leaks,
  onboardTenant,
  openReferral,
  serverNow,
  uniqueTenantId,
  waitForStep,
} from './helpers';

let server: InProcessRuntime;
/** Bank staff who can do everything a complaint needs, personal data included. */
let bank: string;
/** The strongest insurer staff: every case-handling permission and pii:read, so only isolation stands in the way. */
let insurer: string;
let platformAdmin: string;
/** A third institution (a bank) onboarded for this run: a legitimate transfer target. */
let receiver: string;
let receiverStaff: string;

/** A well-formed id that no tenant has: what "does not exist" looks like. */
const NEVER_EXISTED = '01JZZZZZZZZZZZZZZZZZZZZZZZ';

type Target = 'received' | 'decision' | 'feedback' | 'review_window' | 'review_decision';
const targets = {} as Record<Target, string>;
const snapshots = new Map<string, { version: number; events: unknown[] }>();

async function snapshot(id: string) {
  const res = await server.call('GET', `/v1/complaints/${id}`, { token: bank });
  expect(res.status).toBe(200);
  return { version: res.body.version as number, events: await allEvents(server, bank, id) };
}

const ACTIONS: { action: string; at: Target; body: () => Promise<unknown> }[] = [
  { action: 'acknowledge', at: 'received', body: async () => ({}) },
  { action: 'assign', at: 'received', body: async () => ({ unitId: 'head-office', assignee: 'insurer-handler' }) },
  { action: 'extend', at: 'received', body: async () => ({ tier: 'complex', reason: 'x' }) },
  { action: 'decision', at: 'decision', body: async () => ({ outcome: 'upheld', summary: 'x' }) },
  {
    action: 'feedback',
    at: 'feedback',
    body: async () => ({ channel: 'phone', deliveredAt: await serverNow(server), summary: 'x' }),
  },
  { action: 'review-request', at: 'review_window', body: async () => ({ reason: 'x' }) },
  {
    action: 'review-decision',
    at: 'review_decision',
    body: async () => ({ outcome: 'original_upheld', summary: 'x' }),
  },
  { action: 'withdraw', at: 'received', body: async () => ({}) },
  { action: 'decline', at: 'received', body: async () => ({ reasonCode: 'duplicate' }) },
  { action: 'transfer', at: 'received', body: async () => ({ toTenantId: receiver, reason: 'x' }) },
];

/** The referral of a bank complaint, in demo-insurer's table. */
let bankToInsurer: { complaintId: string; referralId: string };
/** The referral of an insurer complaint, in demo-bank's table: the bank's own queue is not empty. */
let insurerToBank: { complaintId: string; referralId: string };

beforeAll(async () => {
  server = await startInProcess();
  bank = await server.token({
    tenantId: 'demo-bank',
    roles: ['intake', 'handler', 'supervisor', 'pii:read'],
    sub: 'xt-bank',
  });
  insurer = await server.token({ tenantId: 'demo-insurer', roles: ['supervisor', 'pii:read'], sub: 'xt-insurer' });
  const insurerFixture = await server.token({
    tenantId: 'demo-insurer',
    roles: ['intake', 'supervisor'],
    sub: 'xt-insurer-fixture',
  });
  platformAdmin = await server.token({ roles: ['platform-admin'], sub: 'xt-operator' });
  receiver = await onboardTenant(server, platformAdmin);
  receiverStaff = await server.token({ tenantId: receiver, roles: ['supervisor', 'pii:read'], sub: 'xt-receiver' });

  await Promise.all([
    ...(['received', 'decision', 'feedback', 'review_window', 'review_decision'] as const).map(async (step) => {
      const id = (await createComplaint(server, bank)).id;
      if (step !== 'received') await driveTo(server, bank, id, step);
      targets[step] = id;
    }),
    openReferral(server, bank, intakeBody({ partners: ['demo-insurer'] })).then((r) => (bankToInsurer = r)),
    openReferral(server, insurerFixture, { ...insurerIntakeBody(), partners: ['demo-bank'] }).then(
      (r) => (insurerToBank = r),
    ),
  ]);
  for (const id of Object.values(targets)) snapshots.set(id, await snapshot(id));
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

describe('demo-insurer acting on a demo-bank complaint, at the step each action needs', () => {
  it.each(ACTIONS)('POST …/$action is 404, exactly as for an id that never existed', async ({ action, at, body }) => {
    const res = await server.call('POST', `/v1/complaints/${targets[at]}/${action}`, {
      token: insurer,
      body: await body(),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(404);
    expectErrorShape(res.body, 'not_found');
    const unknown = await server.call('POST', `/v1/complaints/${NEVER_EXISTED}/${action}`, {
      token: insurer,
      body: await body(),
    });
    expect(res.body).toEqual(unknown.body);
  });

  it('left every complaint exactly as it was: same version, same events', async () => {
    for (const [step, id] of Object.entries(targets)) {
      const now = await snapshot(id);
      expect(now.version, step).toBe(snapshots.get(id)!.version);
      expect(now.events, step).toEqual(snapshots.get(id)!.events);
    }
  });

  it('the transfer attempt registered nothing at the receiving institution', async () => {
    expect(await allItems(server, receiverStaff, '/v1/complaints')).toEqual([]);
  });

  it('control: the bank itself can act on the same complaint', async () => {
    const res = await server.call('POST', `/v1/complaints/${targets.received}/extend`, {
      token: bank,
      body: { tier: 'complex', reason: 'x' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  });
});

describe('referrals are the addressed partner’s alone', () => {
  const ids = (items: { id: string }[]) => items.map((r) => r.id);

  it.each([['intake'], ['handler'], ['supervisor'], ['admin']])(
    "GET /v1/referrals as demo-bank %s (+pii:read) shows none of demo-insurer's referrals, in any status",
    async (role) => {
      const token = await server.token({ tenantId: 'demo-bank', roles: [role, 'pii:read'], sub: `xt-bank-${role}` });
      const open = await allItems(server, token, '/v1/referrals');
      // Control: the bank's own queue is read, and holds the referral addressed to it.
      expect(ids(open)).toContain(insurerToBank.referralId);
      for (const status of ['', '?status=open', '?status=answered', '?status=cancelled']) {
        const items = await allItems(server, token, `/v1/referrals${status}`);
        expect(ids(items), status).not.toContain(bankToInsurer.referralId);
        // Everything in the bank's queue was sent by someone else.
        expect(
          items.every((r) => r.fromTenantId !== 'demo-bank'),
          status,
        ).toBe(true);
      }
    },
  );

  it("GET /v1/referrals as demo-insurer does not show the bank's queue either", async () => {
    const items = await allItems(server, insurer, '/v1/referrals');
    expect(ids(items)).toContain(bankToInsurer.referralId);
    expect(ids(items)).not.toContain(insurerToBank.referralId);
  });

  it.each([['handler'], ['supervisor']])(
    "POST /v1/referrals/{demo-insurer's id}/feedback as demo-bank %s is 404, exactly as for an id that never existed",
    async (role) => {
      const token = await server.token({ tenantId: 'demo-bank', roles: [role, 'pii:read'], sub: `xt-bank-${role}` });
      const body = { position: 'agrees', summary: 'x' };
      const res = await server.call('POST', `/v1/referrals/${bankToInsurer.referralId}/feedback`, { token, body });
      expect(res.status, JSON.stringify(res.body)).toBe(404);
      expectErrorShape(res.body, 'not_found');
      const unknown = await server.call('POST', `/v1/referrals/ref-${NEVER_EXISTED}/feedback`, { token, body });
      expect(res.body).toEqual(unknown.body);
    },
  );

  it('the referral is still open and unanswered, and the bank complaint still waits for it', async () => {
    const mine = (await allItems(server, insurer, '/v1/referrals?status=open')).find(
      (r) => r.id === bankToInsurer.referralId,
    );
    expect(mine).toMatchObject({ status: 'open' });
    expect(mine!.answer).toBeUndefined();
    const complaint = await server.call('GET', `/v1/complaints/${bankToInsurer.complaintId}`, { token: bank });
    expect(complaint.body).toMatchObject({
      waitingFor: 'referrals',
      referrals: [{ partnerTenantId: 'demo-insurer', status: 'open' }],
    });
    expect(complaint.body.referrals[0].position).toBeUndefined();
  });

  it("the partner's view of the bank's referral holds no personal data and no engine token", async () => {
    const res = await server.call('GET', '/v1/referrals?limit=100', { token: insurer });
    expect(res.status).toBe(200);
    const mine = res.body.items.find((r: { id: string }) => r.id === bankToInsurer.referralId);
    expect(mine).toMatchObject({ fromTenantId: 'demo-bank', complaintId: bankToInsurer.complaintId, status: 'open' });
    expect(leaks(JSON.stringify(res.body))).toEqual([]);
    expect([...keysOf(res.body)]).not.toContain('token');
    expect([...keysOf(res.body)]).not.toContain('firedUntil');
    expect([...keysOf(res.body)]).not.toContain('complainant');
  });

  it('the partner answers it (200, the answer view also without personal data or token); the bank complaint moves on', async () => {
    const res = await server.call('POST', `/v1/referrals/${bankToInsurer.referralId}/feedback`, {
      token: insurer,
      body: { position: 'agrees', summary: 'x' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      id: bankToInsurer.referralId,
      status: 'answered',
      answer: { position: 'agrees' },
    });
    expect(leaks(JSON.stringify(res.body))).toEqual([]);
    expect([...keysOf(res.body)]).not.toContain('token');
    const answered = await server.call('GET', '/v1/referrals?status=answered&limit=100', { token: insurer });
    expect(leaks(JSON.stringify(answered.body))).toEqual([]);
    expect([...keysOf(answered.body)]).not.toContain('token');
    await waitForStep(server, bank, bankToInsurer.complaintId, 'decision');
  });
});

describe('transfer never lands where it should not', () => {
  /** Every open complaint of every institution this run knows, and every tenant id. */
  async function world() {
    const insurerList = await allItems(server, insurer, '/v1/complaints');
    const tenants = await server.call('GET', '/admin/v1/tenants', { token: platformAdmin });
    expect(tenants.status).toBe(200);
    return {
      bank: (await allItems(server, bank, '/v1/complaints')).map((c) => c.id).sort(),
      insurer: insurerList.map((c) => c.id).sort(),
      receiver: (await allItems(server, receiverStaff, '/v1/complaints')).map((c) => c.id).sort(),
      tenants: (tenants.body.items as { id: string }[]).map((t) => t.id).sort(),
    };
  }

  it('to a tenant that does not exist: 400, and nothing is created anywhere', async () => {
    const id = (await createComplaint(server, bank)).id;
    const before = await snapshot(id);
    const worldBefore = await world();
    const ghost = uniqueTenantId('ghost');
    const res = await server.call('POST', `/v1/complaints/${id}/transfer`, {
      token: bank,
      body: { toTenantId: ghost, reason: 'x' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expectErrorShape(res.body, 'invalid_request');
    expect(await snapshot(id)).toEqual(before);
    const worldAfter = await world();
    expect(worldAfter).toEqual(worldBefore);
    expect(worldAfter.tenants).not.toContain(ghost);
  });

  it('to a suspended tenant: 400, and nothing is created there', async () => {
    const suspended = await onboardTenant(server, platformAdmin);
    expect((await server.call('POST', `/admin/v1/tenants/${suspended}/suspend`, { token: platformAdmin })).status).toBe(
      200,
    );
    const id = (await createComplaint(server, bank)).id;
    const before = await snapshot(id);
    const res = await server.call('POST', `/v1/complaints/${id}/transfer`, {
      token: bank,
      body: { toTenantId: suspended, reason: 'x' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expectErrorShape(res.body, 'invalid_request');
    expect(await snapshot(id)).toEqual(before);
    expect(
      (await server.call('POST', `/admin/v1/tenants/${suspended}/reactivate`, { token: platformAdmin })).status,
    ).toBe(200);
    const staff = await server.token({ tenantId: suspended, roles: ['supervisor'], sub: 'xt-suspended' });
    expect(await allItems(server, staff, '/v1/complaints')).toEqual([]);
  });

  it('refused for a stale If-Match: 409, and nothing is registered at the receiver', async () => {
    // A refused transfer must not hand the complainant's personal data to another institution.
    const target = await onboardTenant(server, platformAdmin);
    const staff = await server.token({ tenantId: target, roles: ['supervisor'], sub: 'xt-stale-receiver' });
    const id = (await createComplaint(server, bank)).id;
    const before = await snapshot(id);
    const res = await server.call('POST', `/v1/complaints/${id}/transfer`, {
      token: bank,
      body: { toTenantId: target, reason: 'x' },
      headers: { 'If-Match': String(before.version + 5) },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(409);
    expectErrorShape(res.body, 'version_conflict');
    expect(await snapshot(id)).toEqual(before);
    const registered = await allItems(server, staff, '/v1/complaints');
    expect(registered.map((c) => ({ id: c.id, transferredFrom: c.transferredFrom }))).toEqual([]);
  });

  it('control: a transfer the bank may make does register the complaint at the receiver', async () => {
    const id = (await createComplaint(server, bank)).id;
    const before = (await allItems(server, receiverStaff, '/v1/complaints')).length;
    const res = await server.call('POST', `/v1/complaints/${id}/transfer`, {
      token: bank,
      body: { toTenantId: receiver, reason: 'x' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.status).toBe('transferred');
    expect(await allItems(server, receiverStaff, '/v1/complaints')).toHaveLength(before + 1);
  });
});

describe('the local clock', () => {
  it('GET /_local/clock says the clock is real', async () => {
    const res = await server.call('GET', '/_local/clock');
    expect(res.status).toBe(200);
    expect(res.body.mode).toBe('real');
  });

  it.each([
    ['an advance', { advance: 'P16D' }],
    ['a jump to a date', { to: '2099-01-01T00:00:00Z' }],
  ])('POST /_local/clock with %s is 409 without REDRESS_CLOCK=manual, and time does not move', async (_label, body) => {
    const res = await server.call('POST', '/_local/clock', { body });
    expect(res.status, JSON.stringify(res.body)).toBe(409);
    expectErrorShape(res.body, 'conflict');
    const now = Date.parse(await serverNow(server));
    expect(Math.abs(now - Date.now())).toBeLessThan(60_000);
  });
});
