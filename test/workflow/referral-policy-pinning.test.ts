/**
 * A referral's clock runs in the partner's table under the partner's policy version of the day it
 * was asked, as a complaint's runs under the version it was registered with: a later change of the
 * partner's policy (here, a release whose preset escalates differently) leaves open referrals as
 * they were. Real ASL on the local engine, manual clock, DynamoDB Local.
 */
import { describe, expect, it } from 'vitest';
import { referralIdFor } from '../../shared/domain/complaint/referral';
import * as t from '../../shared/domain/complaint/transitions';
import { escalationCheckpoints, presetById, type SlaPolicy } from '../../shared/domain/sla';
import { scene } from '../support/scene';

const RECEIVED = '2026-11-02T02:00:00.000Z';

/** The preset as an earlier release had it: two checkpoints, at a quarter of the time and at the deadline. */
const EARLIER: SlaPolicy = {
  ...presetById('cn-nfra-2020'),
  version: '2019.1',
  escalation: {
    checkpoints: [
      { fraction: 0.25, level: 1 },
      { fraction: 1, level: 2 },
    ],
    afterDeadlineEvery: 'P1D',
  },
};
const EARLIER_REF = { id: 'cn-nfra-2020', version: '2019.1', revision: 0 };

describe("a referral keeps the partner's policy version it was asked under", () => {
  it('escalates by the pinned version, not by the policy the partner has now', async () => {
    const s = await scene(RECEIVED);
    const partner = await s.institution({ id: 'ins-p', name: '伙伴保险', kind: 'insurer' });

    const id = await s.intake({ partners: ['ins-p'] });
    await s.act(id, (r, _i, ctx) => t.acknowledge(r, ctx), {});
    const asked = (await s.p.referrals.get(partner.tableName, referralIdFor(id)))!;
    // New referrals are pinned to the partner's version in force.
    expect(asked.policy).toEqual({ id: 'cn-nfra-2020', version: '2020.1', revision: 0 });

    // As if it had been asked before the release that brought today's preset: pinned to the earlier one.
    await s.p.policies.ensureVersion(partner.tableName, EARLIER_REF, EARLIER, {}, RECEIVED);
    await s.p.referrals.save(partner.tableName, { ...asked, policy: EARLIER_REF }, asked.version);

    await s.advance('2026-11-10T02:00:00Z');
    const fired = (await s.escalations(id)).filter((e) => e.step === 'referral');
    const expected = escalationCheckpoints({
      startAt: asked.createdAt,
      deadline: asked.deadline,
      policy: EARLIER,
      timezone: partner.timezone,
    }).filter((c) => c.kind !== 'overdue');
    expect(fired.map((e) => [e.level, e.kind, e.checkpointAt])).toEqual(expected.map((c) => [c.level, c.kind, c.at]));
    // Today's preset would have escalated three times (50 %, 80 %, deadline).
    expect(fired.map((e) => e.level)).toEqual([1, 2]);
    const after = (await s.p.referrals.get(partner.tableName, referralIdFor(id)))!;
    expect(after).toMatchObject({ escalationLevel: 2, policy: EARLIER_REF });
  });
});
