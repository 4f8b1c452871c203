/**
 * The pause, resume and proceed-without-partner routes over HTTP (the real app in process, real
 * tokens, DynamoDB Local, the real engine): who may call them, the error shape, and tenant isolation.
 */
// First: it extends zod with .openapi(), which schemas need when their modules load.
import '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { onboardTenant, setTenantStatus } from '../../shared/application/tenants';
import { referralIdFor } from '../../shared/domain/complaint/referral';
import { intakeBody } from '../support/fixtures';
import type { TestClock } from '../support/test-platform';
import { testTenant } from '../support/test-platform';
import { expectErrorShape, idempotencyKey } from './helpers';
import { inProcessApp } from './in-process-app';

const env = await inProcessApp();
const p = env.platform;
const clock = p.clock as unknown as TestClock;
await testTenant(p, { id: 'bank-b', name: 'Bank B' });
const partner = await onboardTenant(p, { id: 'ins-p', name: '伙伴保险', kind: 'insurer', policy: 'cn-nfra-2020' });
await p.units.put(partner.tableName, { units: [{ id: 'hq', name: { 'zh-CN': '总公司', en: 'HQ' } }] }, 0);

const ROLES = ['intake', 'handler', 'supervisor', 'admin'] as const;
const token = (roles: string[], tenantId = 'bank-a') => env.token(roles, { tenantId, sub: `${roles.join('+')}-user` });
const staff = await token(['handler', 'supervisor']);

async function acknowledged(overrides: Record<string, unknown> = {}) {
  const created = await env.call('POST', '/v1/complaints', {
    token: staff,
    body: intakeBody(overrides),
    headers: { 'Idempotency-Key': idempotencyKey() },
  });
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  expect((await env.call('POST', `/v1/complaints/${id}/acknowledge`, { token: staff, body: {} })).status).toBe(200);
  await p.engine.settle();
  return id;
}

const pauseBody = { reason: '外部鉴定', notice: { channel: 'letter' } };

describe('POST /v1/complaints/{id}/pause and /resume', () => {
  it.each(ROLES)('%s', async (role) => {
    const id = await acknowledged();
    const who = await token([role]);
    const paused = await env.call('POST', `/v1/complaints/${id}/pause`, { token: who, body: pauseBody });
    const allowed = role === 'handler' || role === 'supervisor';
    expect(paused.status).toBe(allowed ? 200 : 403);
    if (!allowed) {
      expectErrorShape(paused.body);
      return;
    }
    expect(paused.body.pause).toMatchObject({ reason: '外部鉴定', notice: { channel: 'letter' } });
    const resumed = await env.call('POST', `/v1/complaints/${id}/resume`, { token: who, body: {} });
    expect(resumed.status).toBe(200);
    expect(resumed.body.pause).toBeUndefined();
    expect(resumed.body.pauses).toHaveLength(1);
    const events = await env.call('GET', `/v1/complaints/${id}/events`, { token: staff });
    expect(events.body.items.map((e: { type: string }) => e.type)).toEqual(
      expect.arrayContaining(['paused', 'resumed']),
    );
  });

  it('gives 409 in the documented shape outside a pending decision, and 400 on a bad body', async () => {
    const id = await acknowledged();
    const noNotice = await env.call('POST', `/v1/complaints/${id}/pause`, { token: staff, body: { reason: 'x' } });
    expect(noNotice.status).toBe(400);
    expectErrorShape(noNotice.body);
    const notPaused = await env.call('POST', `/v1/complaints/${id}/resume`, { token: staff, body: {} });
    expect(notPaused.status).toBe(409);
    expectErrorShape(notPaused.body, 'not_paused');
    expect((await env.call('POST', `/v1/complaints/${id}/pause`, { token: staff, body: pauseBody })).status).toBe(200);
    const twice = await env.call('POST', `/v1/complaints/${id}/pause`, { token: staff, body: pauseBody });
    expect(twice.status).toBe(409);
    expectErrorShape(twice.body, 'already_paused');
  });

  it("another institution's staff get 404 and change nothing", async () => {
    const id = await acknowledged();
    const other = await token(['handler', 'supervisor', 'pii:read'], 'bank-b');
    for (const action of ['pause', 'resume']) {
      const res = await env.call('POST', `/v1/complaints/${id}/${action}`, {
        token: other,
        body: action === 'pause' ? pauseBody : {},
      });
      expect(res.status, action).toBe(404);
      expectErrorShape(res.body, 'not_found');
    }
    const seen = await env.call('GET', `/v1/complaints/${id}`, { token: staff });
    expect(seen.body.pause).toBeUndefined();
    expect(seen.body.version).toBe(2);
  });
});

describe('POST /v1/complaints/{id}/referrals/{partnerTenantId}/proceed-without', () => {
  const path = (id: string) => `/v1/complaints/${id}/referrals/ins-p/proceed-without`;

  it('is 422 before the deadline, then lapses it; the partner sees it lapsed and its late answer is 409', async () => {
    const id = await acknowledged({ partners: ['ins-p'] });
    const early = await env.call('POST', path(id), { token: staff, body: { reason: '逾期' } });
    expect(early.status).toBe(422);
    expectErrorShape(early.body, 'referral_deadline_not_passed');

    const referral = (await p.referrals.get(partner.tableName, referralIdFor(id)))!;
    await clock.advanceTo(new Date(Date.parse(referral.deadline) + 60_000).toISOString());
    await p.engine.settle();
    const lapsed = await env.call('POST', path(id), { token: staff, body: { reason: '逾期' } });
    expect(lapsed.status).toBe(200);
    expect(lapsed.body.referrals[0]).toMatchObject({ status: 'lapsed', reason: '逾期' });
    await p.engine.settle();

    const partnerStaff = await token(['handler'], 'ins-p');
    const listed = await env.call('GET', '/v1/referrals?status=lapsed', { token: partnerStaff });
    expect(listed.body.items.map((r: { id: string; status: string }) => [r.id, r.status])).toContainEqual([
      referralIdFor(id),
      'lapsed',
    ]);
    const late = await env.call('POST', `/v1/referrals/${referralIdFor(id)}/feedback`, {
      token: partnerStaff,
      body: { position: 'agrees', summary: '迟到' },
    });
    expect(late.status).toBe(409);
    expectErrorShape(late.body, 'referral_lapsed');
    const decided = await env.call('POST', `/v1/complaints/${id}/decision`, {
      token: staff,
      body: { outcome: 'upheld', summary: '依现有材料' },
    });
    expect(decided.status).toBe(200);
  });

  it.each(ROLES)('%s (a suspended partner, waived at once)', async (role) => {
    const id = await acknowledged({ partners: ['ins-p'] });
    await setTenantStatus(p, 'ins-p', 'suspended');
    try {
      const res = await env.call('POST', path(id), { token: await token([role]), body: { reason: '合作机构暂停' } });
      expect(res.status).toBe(role === 'supervisor' ? 200 : 403);
      if (role === 'supervisor') expect(res.body.referrals[0].status).toBe('waived');
      else expectErrorShape(res.body);
    } finally {
      await setTenantStatus(p, 'ins-p', 'active');
    }
  });

  it("another institution's supervisor gets 404 and the referral stays open", async () => {
    const id = await acknowledged({ partners: ['ins-p'] });
    await setTenantStatus(p, 'ins-p', 'suspended');
    try {
      const other = await token(['supervisor'], 'bank-b');
      const res = await env.call('POST', path(id), { token: other, body: { reason: 'x' } });
      expect(res.status).toBe(404);
      expectErrorShape(res.body, 'not_found');
      // Nor can the partner itself end a referral of someone else's complaint.
      const asPartner = await env.call('POST', path(id), {
        token: await token(['supervisor'], 'ins-p'),
        body: { reason: 'x' },
      });
      expect([403, 404]).toContain(asPartner.status);
    } finally {
      await setTenantStatus(p, 'ins-p', 'active');
    }
    expect((await p.referrals.get(partner.tableName, referralIdFor(id)))?.status).toBe('open');
    const seen = await env.call('GET', `/v1/complaints/${id}`, { token: staff });
    expect(seen.body.referrals[0].status).toBe('open');
  });
});
