import { describe, expect, it } from 'vitest';
import { renderForRegulator, WITHHELD } from '../../shared/application/complaint-view';
import { proceedWithoutPartner } from '../../shared/application/referral-lapse';
import { answerReferral } from '../../shared/application/referral-tasks';
import { setTenantStatus } from '../../shared/application/tenants';
import { referralIdFor } from '../../shared/domain/complaint/referral';
import * as t from '../../shared/domain/complaint/transitions';
import { principal } from '../support/fixtures';
import { scene } from '../support/scene';

// Mon 2 Nov 2026, 10:00 in Shanghai; the partner has 5 days, Sat 7 Nov rolls to Mon 9 Nov.
const RECEIVED = '2026-11-02T02:00:00.000Z';
const REFERRAL_DEADLINE = '2026-11-09T15:59:59.999Z';

async function withPartner() {
  const s = await scene(RECEIVED);
  const partner = await s.institution({ id: 'ins-p', name: '伙伴保险', kind: 'insurer' });
  const supervisor = s.staff(['supervisor'], 'supervisor-1');
  const proceed = (id: string, reason = '合作机构逾期未反馈') =>
    proceedWithoutPartner(s.p, s.tenant, supervisor, id, 'ins-p', { reason }).then(async (v) => {
      await s.settle();
      return v;
    });
  const answer = (id: string) =>
    answerReferral(s.p, partner, principal(partner.id, ['handler'], 'ins-handler'), referralIdFor(id), {
      position: 'agrees',
      summary: '迟到的意见',
    });
  return { s, partner, proceed, answer };
}

const decision = { outcome: 'upheld' as const, summary: '未待合作机构意见，依据现有材料支持' };

describe('proceeding without a partner (real ASL, manual clock, DynamoDB Local)', () => {
  it('is refused before the deadline, lapses after it, and the lifecycle then ends normally', async () => {
    const { s, partner, proceed, answer } = await withPartner();
    const id = await s.intake({ partners: ['ins-p'] });
    await s.act(id, (r, _i, ctx) => t.acknowledge(r, ctx), {});
    expect(await s.step(id)).toBe('referrals');

    await s.advance('2026-11-09T15:00:00Z');
    await expect(proceed(id)).rejects.toMatchObject({
      kind: 'rule_violation',
      code: 'referral_deadline_not_passed',
      message: expect.stringContaining(REFERRAL_DEADLINE),
    });
    expect((await s.p.referrals.get(partner.tableName, referralIdFor(id)))?.status).toBe('open');
    expect(await s.types(id)).not.toContain('referral_lapsed');

    await s.advance('2026-11-10T02:00:00Z');
    const view = await proceed(id);
    expect(view.referrals[0]).toMatchObject({
      partnerTenantId: 'ins-p',
      status: 'lapsed',
      deadline: REFERRAL_DEADLINE,
      reason: '合作机构逾期未反馈',
      endedBy: 'supervisor-1',
      endedAt: '2026-11-10T02:00:00.000Z',
    });
    expect(renderForRegulator(await s.record(id)).referrals[0]?.reason).toBe(WITHHELD);
    const lapsed = (await s.events(id)).find((e) => e.type === 'referral_lapsed');
    expect(lapsed?.data).toEqual({ partnerTenantId: 'ins-p', kind: 'lapsed', deadline: REFERRAL_DEADLINE });
    expect(lapsed?.actor).toEqual({ kind: 'user', id: 'supervisor-1' });

    // The partner's side: lapsed, out of its open list, in the lapsed one, and no late answer.
    expect(await s.p.referrals.get(partner.tableName, referralIdFor(id))).toMatchObject({
      status: 'lapsed',
      endedAt: '2026-11-10T02:00:00.000Z',
      token: null,
    });
    expect((await s.p.referrals.list(partner.tableName, { limit: 10 })).items).toEqual([]);
    expect(
      (await s.p.referrals.list(partner.tableName, { status: 'lapsed', limit: 10 })).items.map((r) => r.id),
    ).toEqual([referralIdFor(id)]);
    await expect(answer(id)).rejects.toMatchObject({
      kind: 'conflict',
      code: 'referral_lapsed',
      message: expect.stringContaining('no longer accepted'),
    });
    // A second go finds it ended: one event, not two.
    await expect(proceed(id)).rejects.toMatchObject({ kind: 'conflict', code: 'referral_closed' });
    expect((await s.types(id)).filter((x) => x === 'referral_lapsed')).toHaveLength(1);

    // The referrals step is complete: the execution waits for the decision, which is accepted.
    expect(await s.step(id)).toBe('decision');
    expect((await s.act(id, (r, i, ctx) => t.decide(r, i, ctx), decision)).status).toBe('decided');
    await s.act(id, (r, i, ctx) => t.recordFeedback(r, i, ctx), {
      channel: 'phone' as const,
      deliveredAt: '2026-11-10T02:00:00Z',
      summary: '电话告知',
    });
    await s.advance('2026-12-12T00:00:00Z');
    expect((await s.record(id)).status).toBe('closed');
    expect(await s.execution(id)).toBe('SUCCEEDED');
    expect((await s.record(id)).referrals[0]?.status).toBe('lapsed');
  });

  it("waives a suspended partner's referral at once, without waiting for its deadline", async () => {
    const { s, partner, proceed, answer } = await withPartner();
    const id = await s.intake({ partners: ['ins-p'] });
    await s.act(id, (r, _i, ctx) => t.acknowledge(r, ctx), {});
    await setTenantStatus(s.p, 'ins-p', 'suspended');

    const view = await proceed(id, '合作机构已被暂停');
    expect(view.referrals[0]).toMatchObject({ status: 'waived', reason: '合作机构已被暂停' });
    expect((await s.events(id)).find((e) => e.type === 'referral_lapsed')?.data).toMatchObject({
      partnerTenantId: 'ins-p',
      kind: 'waived',
    });
    expect((await s.p.referrals.get(partner.tableName, referralIdFor(id)))?.status).toBe('waived');
    expect(await s.step(id)).toBe('decision');
    expect((await s.act(id, (r, i, ctx) => t.decide(r, i, ctx), decision)).status).toBe('decided');
    // Reactivated later, the partner still cannot answer what was waived.
    await setTenantStatus(s.p, 'ins-p', 'active');
    await expect(answer(id)).rejects.toMatchObject({ kind: 'conflict', code: 'referral_waived' });
  });

  it('needs a reason, and refuses a partner the complaint never asked', async () => {
    const { s, proceed } = await withPartner();
    const id = await s.intake();
    await expect(proceed(id)).rejects.toMatchObject({ kind: 'not_found' });
    // Named at intake but not asked before the acknowledgement: there is no deadline to have passed.
    const unasked = await s.intake({ partners: ['ins-p'] });
    await expect(proceed(unasked)).rejects.toMatchObject({
      code: 'referral_deadline_not_passed',
      message: expect.stringContaining('not been asked yet'),
    });
    const { ProceedWithoutSchema } = await import('../../shared/domain/complaint/referral-lapse');
    expect(ProceedWithoutSchema.safeParse({}).success).toBe(false);
    expect(ProceedWithoutSchema.safeParse({ reason: '' }).success).toBe(false);
  });

  it('a partner answering first wins: going ahead afterwards is refused, the answer stands', async () => {
    const { s, proceed, answer } = await withPartner();
    const id = await s.intake({ partners: ['ins-p'] });
    await s.act(id, (r, _i, ctx) => t.acknowledge(r, ctx), {});
    await s.advance('2026-11-10T02:00:00Z');
    await answer(id);
    await s.settle();
    await expect(proceed(id)).rejects.toMatchObject({ kind: 'conflict', code: 'referral_closed' });
    expect((await s.record(id)).referrals[0]?.status).toBe('answered');
    expect(await s.step(id)).toBe('decision');
  });
});
