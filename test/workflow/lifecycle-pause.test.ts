import { describe, expect, it } from 'vitest';
import { renderForRegulator, WITHHELD } from '../../shared/application/complaint-view';
import { answerReferral } from '../../shared/application/referral-tasks';
import { pause, resume } from '../../shared/domain/complaint/pause';
import { referralIdFor } from '../../shared/domain/complaint/referral';
import * as t from '../../shared/domain/complaint/transitions';
import { principal } from '../support/fixtures';
import { scene } from '../support/scene';

// Mon 21 Sep 2026, 10:00 in Shanghai. 15 calendar days end on Tue 6 Oct, inside National Day
// (1–7 Oct): the decision deadline rolls to Thu 8 Oct.
const RECEIVED = '2026-09-21T02:00:00.000Z';
const DEADLINE = '2026-10-08T15:59:59.999Z';
// Paused Thu 24 Sep → Thu 8 Oct, across the holiday: 14 calendar days (25 Sep … 8 Oct) do not count.
// Counting starts again as if received on 5 Oct: 15 days end on Tue 20 Oct, a working day. (Adding 14
// days to the rolled deadline would give 22 Oct: the roll belongs to the old last day, not the new.)
const PAUSED_FROM = '2026-09-24T02:00:00.000Z';
const RESUMED_AT = '2026-10-08T02:00:00.000Z';
const MOVED_DEADLINE = '2026-10-20T15:59:59.999Z';
// Checkpoints at 50 % / 80 % of the time that ran (receipt → new deadline, less the 14 days paused),
// each after the pause pushed on by its 14 days. Without the pause they were 29 Sep 21:00 and 5 Oct 03:35:59.999.
const NEW_50 = '2026-10-12T21:00:00.000Z';
const NEW_80 = '2026-10-17T13:11:59.999Z';
const OLD_50 = '2026-09-29T21:00:00.000Z';

const within = (at: string, from: string, ms = 2000) =>
  Date.parse(at) >= Date.parse(from) && Date.parse(at) < Date.parse(from) + ms;

async function investigating() {
  const s = await scene(RECEIVED);
  const id = await s.intake();
  await s.act(id, (r, _i, ctx) => t.acknowledge(r, ctx), {});
  await s.act(id, async (r, i) => t.assign(r, i, await s.p.units.get(s.tenant.tableName)), {
    unitId: 'sub-branch',
    assignee: 'handler-1',
  });
  return { s, id };
}

const appraisal = { reason: '委托第三方司法鉴定交易签名', notice: { channel: 'letter' as const } };

describe('pauses for external appraisal (real ASL, manual clock, DynamoDB Local)', () => {
  it('moves the decision deadline by the paused days across National Day, and escalates at the new times', async () => {
    const { s, id } = await investigating();
    expect((await s.record(id)).deadlines.decision).toBe(DEADLINE);

    await s.advance(PAUSED_FROM);
    const paused = await s.act(id, (r, i, ctx) => pause(r, i, ctx), appraisal);
    expect(paused.pause).toMatchObject({
      from: PAUSED_FROM,
      reason: appraisal.reason,
      by: 'handler-1',
      notice: { channel: 'letter', sentAt: PAUSED_FROM },
    });
    expect(paused.deadlines.decision).toBe(DEADLINE);
    // The reason is free text staff wrote: the regulator sees it withheld.
    expect(renderForRegulator(await s.record(id)).pause?.reason).toBe(WITHHELD);

    // The old checkpoints and the old deadline pass while paused: nothing fires, nothing is overdue.
    await s.advance('2026-10-08T01:00:00Z');
    expect(await s.escalations(id)).toEqual([]);
    expect((await s.record(id)).overdue).toBe(false);

    await s.advance(RESUMED_AT);
    const resumed = await s.act(id, (r, i, ctx) => resume(r, i, ctx), {});
    expect(resumed.pause).toBeUndefined();
    expect(resumed.pauses).toEqual([expect.objectContaining({ from: PAUSED_FROM, to: RESUMED_AT, days: 14 })]);
    expect(resumed.deadlines.decision).toBe(MOVED_DEADLINE);
    expect(resumed.deadlinesProvisional).toBe(false);
    expect(resumed.provisionalDeadlines?.decision).toBe(false);

    const events = await s.events(id);
    expect(events.find((e) => e.type === 'paused')?.data).toEqual({
      from: PAUSED_FROM,
      channel: 'letter',
      noticeSentAt: PAUSED_FROM,
      deadline: DEADLINE,
    });
    expect(events.find((e) => e.type === 'resumed')?.data).toEqual({
      from: PAUSED_FROM,
      to: RESUMED_AT,
      pausedDays: 14,
      deadline: MOVED_DEADLINE,
    });
    expect(events.find((e) => e.type === 'deadlines_recalculated')?.data).toMatchObject({
      cause: 'pause',
      previous: { decision: DEADLINE },
      deadlines: { decision: MOVED_DEADLINE },
    });
    expect(JSON.stringify(events)).not.toContain(appraisal.reason);

    await s.advance('2026-10-19T02:00:00Z');
    const fired = await s.escalations(id);
    expect(fired.map((e) => [e.level, e.kind, e.checkpointAt, e.dueAt])).toEqual([
      [1, 'checkpoint', NEW_50, MOVED_DEADLINE],
      [2, 'checkpoint', NEW_80, MOVED_DEADLINE],
    ]);
    expect(within(fired[0]!.at, NEW_50)).toBe(true);
    expect(within(fired[1]!.at, NEW_80)).toBe(true);
    expect(fired.some((e) => e.checkpointAt === OLD_50 || e.checkpointAt === DEADLINE)).toBe(false);

    // Past the old deadline, before the new one: the decision is on time.
    const decided = await s.act(id, (r, i, ctx) => t.decide(r, i, ctx), {
      outcome: 'upheld' as const,
      summary: '鉴定后支持',
    });
    expect(decided.decision?.onTime).toBe(true);
    expect(decided.overdue).toBe(false);
    await s.act(id, (r, i, ctx) => t.recordFeedback(r, i, ctx), {
      channel: 'phone' as const,
      deliveredAt: '2026-10-19T02:00:00Z',
      summary: '电话告知',
    });
    await s.advance('2026-11-25T00:00:00Z');
    expect((await s.record(id)).status).toBe('closed');
    expect(await s.execution(id)).toBe('SUCCEEDED');
  });

  it('turns overdue on the moved deadline, not the old one', async () => {
    const { s, id } = await investigating();
    await s.advance(PAUSED_FROM);
    await s.act(id, (r, i, ctx) => pause(r, i, ctx), appraisal);
    // Resumed later than the appraisal ended, recording when it did.
    await s.advance('2026-10-09T02:00:00Z');
    await s.act(id, (r, i, ctx) => resume(r, i, ctx), { at: RESUMED_AT });
    expect((await s.record(id)).deadlines.decision).toBe(MOVED_DEADLINE);
    await s.advance('2026-10-20T15:00:00Z');
    expect((await s.record(id)).overdue).toBe(false);
    await s.advance('2026-10-21T01:00:00Z');
    const deadline = (await s.escalations(id)).filter((e) => e.kind === 'deadline');
    expect(deadline.map((e) => e.checkpointAt)).toEqual([MOVED_DEADLINE]);
    expect((await s.events(id)).find((e) => e.type === 'overdue')?.data).toMatchObject({ dueAt: MOVED_DEADLINE });
    expect((await s.record(id)).overdue).toBe(true);
  });

  it('only while a decision is pending, one at a time; the decision and an extension wait for the resume', async () => {
    const s = await scene(RECEIVED);
    const id = await s.intake();
    expect(await s.refused(id, (r, i, ctx) => pause(r, i, ctx), appraisal)).toMatchObject({ code: 'wrong_step' });
    await s.act(id, (r, _i, ctx) => t.acknowledge(r, ctx), {});
    expect(await s.refused(id, (r, i, ctx) => resume(r, i, ctx), {})).toMatchObject({ code: 'not_paused' });
    expect(
      await s.refused(id, (r, i, ctx) => pause(r, i, ctx), { ...appraisal, from: '2026-09-22T02:00:00Z' }),
    ).toMatchObject({ kind: 'invalid' });
    expect(
      await s.refused(id, (r, i, ctx) => pause(r, i, ctx), { ...appraisal, from: '2026-09-20T02:00:00Z' }),
    ).toMatchObject({ kind: 'invalid' });

    await s.act(id, (r, i, ctx) => pause(r, i, ctx), appraisal);
    expect(await s.refused(id, (r, i, ctx) => pause(r, i, ctx), appraisal)).toMatchObject({ code: 'already_paused' });
    expect(
      await s.refused(id, (r, i, ctx) => t.decide(r, i, ctx), { outcome: 'upheld' as const, summary: 'x' }),
    ).toMatchObject({ kind: 'conflict', code: 'paused' });
    expect(
      await s.refused(id, (r, i, ctx) => t.extend(r, i, ctx), { tier: 'complex' as const, reason: 'x' }),
    ).toMatchObject({ kind: 'conflict', code: 'paused' });
    expect(await s.refused(id, (r, i, ctx) => resume(r, i, ctx), { at: '2026-09-20T02:00:00Z' })).toMatchObject({
      kind: 'invalid',
    });

    // Withdrawn while paused: the pause ends with the complaint.
    const withdrawn = await s.act(id, (r, i, ctx) => t.withdraw(r, i, ctx), {});
    expect(withdrawn.pause).toBeUndefined();
    expect(withdrawn.pauses?.[0]?.to).toBe(RECEIVED);
    expect(await s.execution(id)).toBe('SUCCEEDED');
  });

  it('refreshes the provisional flag when the pause carries the deadline into an unpublished year', async () => {
    // Thu 10 Dec 2026: 15 days end on Fri 25 Dec, in a published year: final.
    const s = await scene('2026-12-10T02:00:00.000Z');
    const id = await s.intake();
    await s.act(id, (r, _i, ctx) => t.acknowledge(r, ctx), {});
    expect((await s.record(id)).provisionalDeadlines?.decision).toBe(false);
    await s.advance('2026-12-14T02:00:00Z');
    await s.act(id, (r, i, ctx) => pause(r, i, ctx), appraisal);
    await s.advance('2026-12-28T02:00:00Z');
    const resumed = await s.act(id, (r, i, ctx) => resume(r, i, ctx), {});
    // 14 days paused: 15 days counted from 24 Dec end on Fri 8 Jan 2027, whose schedule is not published.
    expect(resumed.deadlines.decision).toBe('2027-01-08T15:59:59.999Z');
    expect(resumed.provisionalDeadlines).toMatchObject({ acknowledgement: false, decision: true });
    expect(resumed.deadlinesProvisional).toBe(true);
  });

  it('while partners are asked: the rearm wakes their branches, the lifecycle goes on after the answer', async () => {
    const s = await scene(RECEIVED);
    const partner = await s.institution({ id: 'ins-p', name: '伙伴保险', kind: 'insurer' });
    const id = await s.intake({ partners: ['ins-p'] });
    await s.act(id, (r, _i, ctx) => t.acknowledge(r, ctx), {});
    expect(await s.step(id)).toBe('referrals');
    await s.advance(PAUSED_FROM);
    await s.act(id, (r, i, ctx) => pause(r, i, ctx), appraisal);
    await s.advance(RESUMED_AT);
    await s.act(id, (r, i, ctx) => resume(r, i, ctx), {});
    // The branch ticked the decision deadline while paused and not since: its old checkpoints never fired.
    expect((await s.escalations(id)).filter((e) => e.deadline === 'decision')).toEqual([]);
    await answerReferral(s.p, partner, principal('ins-p', ['handler'], 'ins-h'), referralIdFor(id), {
      position: 'agrees',
      summary: '同意',
    });
    await s.settle();
    expect(await s.step(id)).toBe('decision');
    await s.advance('2026-10-13T00:00:00Z');
    // The decision's 50 % checkpoint at its new time, watched by the decision step now.
    expect((await s.escalations(id)).filter((e) => e.deadline === 'decision').map((e) => e.checkpointAt)).toEqual([
      NEW_50,
    ]);
    const decided = await s.act(id, (r, i, ctx) => t.decide(r, i, ctx), {
      outcome: 'upheld' as const,
      summary: '支持',
    });
    expect(decided.decision?.onTime).toBe(true);
  });

  it('an extension after a pause keeps the paused days', async () => {
    const { s, id } = await investigating();
    await s.advance(PAUSED_FROM);
    await s.act(id, (r, i, ctx) => pause(r, i, ctx), appraisal);
    await s.advance(RESUMED_AT);
    await s.act(id, (r, i, ctx) => resume(r, i, ctx), {});
    const extended = await s.act(id, (r, i, ctx) => t.extend(r, i, ctx), { tier: 'complex' as const, reason: '复杂' });
    // 30 days counted as if received on 5 Oct: Wed 4 Nov.
    expect(extended.deadlines).toMatchObject({
      decision: '2026-11-04T15:59:59.999Z',
      originalDecision: MOVED_DEADLINE,
    });
  });
});
