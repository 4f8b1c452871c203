import { describe, expect, it } from 'vitest';
import { answerReferral } from '../../shared/application/referral-tasks';
import { referralIdFor } from '../../shared/domain/complaint/referral';
import * as t from '../../shared/domain/complaint/transitions';
import { principal } from '../support/fixtures';
import { scene } from '../support/scene';

const RECEIVED = '2026-11-02T02:00:00.000Z';

async function withPartner() {
  const s = await scene(RECEIVED);
  return { s, partner: await s.institution({ id: 'ins-p', name: '伙伴保险', kind: 'insurer' }) };
}

describe('partner institutions (Map over referrals)', () => {
  it('needs the partner’s feedback before the decision; a late partner is escalated', async () => {
    const { s, partner } = await withPartner();
    const id = await s.intake({ partners: ['ins-p'], product: '银保渠道分红险' });
    await s.act(id, (r, _i, ctx) => t.acknowledge(r, ctx), {});
    expect(await s.step(id)).toBe('referrals');

    const referral = await s.p.referrals.get(partner.tableName, referralIdFor(id));
    // Asked on Mon 2 Nov with 5 days to answer: Sat 7 Nov is a rest day → Mon 9 Nov.
    expect(referral).toMatchObject({
      status: 'open',
      fromTenantId: s.tenant.id,
      deadline: '2026-11-09T15:59:59.999Z',
      product: '银保渠道分红险',
    });
    expect(JSON.stringify(referral)).not.toContain('王小明');

    const early = await s.refused(id, (r, i, ctx) => t.decide(r, i, ctx), {
      outcome: 'upheld' as const,
      summary: '先行决定',
    });
    expect(early).toMatchObject({ kind: 'conflict', code: 'wrong_step' });

    await s.advance('2026-11-10T02:00:00Z');
    const partnerEscalations = (await s.escalations(id)).filter((e) => e.step === 'referral');
    expect(partnerEscalations.map((e) => [e.partnerTenantId, e.level, e.kind])).toEqual([
      ['ins-p', 1, 'checkpoint'],
      ['ins-p', 2, 'checkpoint'],
      ['ins-p', 3, 'deadline'],
    ]);
    expect((await s.p.referrals.get(partner.tableName, referralIdFor(id)))?.escalationLevel).toBe(3);
    // The complaint's own decision deadline kept running meanwhile: its 50 % checkpoint fired too.
    expect((await s.escalations(id)).filter((e) => e.deadline === 'decision').map((e) => e.level)).toEqual([1]);

    const listed = await s.p.referrals.list(partner.tableName, { limit: 10 });
    expect(listed.items.map((r) => r.id)).toEqual([referralIdFor(id)]);
    const answered = await answerReferral(
      s.p,
      partner,
      principal(partner.id, ['handler'], 'ins-handler'),
      referralIdFor(id),
      { position: 'agrees', summary: '同意退保并返还保费' },
    );
    expect(answered.answer?.onTime).toBe(false);
    await s.settle();

    expect(await s.step(id)).toBe('decision');
    const link = (await s.record(id)).referrals[0];
    expect(link).toMatchObject({ partnerTenantId: 'ins-p', status: 'answered', position: 'agrees' });
    expect((await s.events(id)).find((e) => e.type === 'referral_answered')?.data).toMatchObject({
      partnerTenantId: 'ins-p',
      onTime: false,
    });
    const decided = await s.act(id, (r, i, ctx) => t.decide(r, i, ctx), {
      outcome: 'upheld' as const,
      summary: '与保险公司协商后支持',
    });
    expect(decided.status).toBe('decided');
    // A second answer is refused: the referral is closed.
    await expect(
      answerReferral(s.p, partner, principal(partner.id, ['handler']), referralIdFor(id), {
        position: 'disagrees',
        summary: '改主意',
      }),
    ).rejects.toMatchObject({ code: 'wrong_step' });
  });

  it('cancels the open referral when the complaint is withdrawn while partners are asked', async () => {
    const { s, partner } = await withPartner();
    const id = await s.intake({ partners: ['ins-p'] });
    await s.act(id, (r, _i, ctx) => t.acknowledge(r, ctx), {});
    await s.act(id, (r, i, ctx) => t.withdraw(r, i, ctx), { reason: '客户撤诉' });
    expect((await s.p.referrals.get(partner.tableName, referralIdFor(id)))?.status).toBe('cancelled');
    expect((await s.record(id)).referrals.map((x) => x.status)).toEqual(['cancelled']);
    expect(await s.execution(id)).toBe('SUCCEEDED');
    expect((await s.p.referrals.list(partner.tableName, { limit: 10 })).items).toEqual([]);
  });
});
