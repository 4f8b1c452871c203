import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import * as t from '../../shared/domain/complaint/transitions';
import { verifyChain } from '../../shared/domain/events/hash-chain';
import { countersKey } from '../../shared/store/keys';
import { scene } from '../support/scene';

// Monday 2 November 2026, 10:00 in Shanghai. Acknowledgement: 1 working day → Tue 3 Nov.
// Decision: 15 calendar days, the day of receipt not counted → Tue 17 Nov, end of day (15:59:59.999Z).
const RECEIVED = '2026-11-02T02:00:00.000Z';
const ACK_DEADLINE = '2026-11-03T15:59:59.999Z';
const DECISION_DEADLINE = '2026-11-17T15:59:59.999Z';

const within = (at: string, from: string, ms = 2000) =>
  Date.parse(at) >= Date.parse(from) && Date.parse(at) < Date.parse(from) + ms;

describe('cn-nfra-2020 lifecycle (real ASL, manual clock, DynamoDB Local)', () => {
  it('runs the on-time path to close: acknowledge, assign, decide, tell the complainant, window ends', async () => {
    const s = await scene(RECEIVED);
    const id = await s.intake();
    expect((await s.record(id)).deadlines).toMatchObject({
      acknowledgement: ACK_DEADLINE,
      decision: DECISION_DEADLINE,
    });
    expect(await s.step(id)).toBe('acknowledgement');

    await s.act(id, (r, _i, ctx) => t.acknowledge(r, ctx), {});
    await s.act(id, async (r, i, _ctx) => t.assign(r, i, await s.p.units.get(s.tenant.tableName)), {
      unitId: 'sub-branch',
      assignee: 'handler-1',
    });
    expect(await s.step(id)).toBe('decision');
    await s.advance('2026-11-06T02:00:00Z');
    await s.act(id, (r, i, ctx) => t.decide(r, i, ctx), { outcome: 'upheld' as const, summary: '退还重复扣收的年费' });
    expect(await s.step(id)).toBe('feedback');
    await s.act(id, (r, i, ctx) => t.recordFeedback(r, i, ctx), {
      channel: 'phone' as const,
      deliveredAt: '2026-11-06T02:00:00Z',
      summary: '电话告知处理结果',
    });

    const decided = await s.record(id);
    expect(decided.status).toBe('review_window');
    // 30 days from the notice (6 Nov) is Sun 6 Dec, a rest day: the window ends Mon 7 Dec.
    expect(decided.deadlines.reviewRequest).toBe('2026-12-07T15:59:59.999Z');
    await s.advance('2026-12-08T00:00:00Z');

    const closed = await s.record(id);
    expect(closed).toMatchObject({ status: 'closed', overdue: false, escalationLevel: 0 });
    expect(await s.types(id)).toEqual([
      'received',
      'acknowledged',
      'assigned',
      'decided',
      'feedback_delivered',
      'review_window_opened',
      'closed',
    ]);
    expect(await s.execution(id)).toBe('SUCCEEDED');
    expect(await verifyChain(await s.events(id))).toBeNull();

    const stats = await s.p.db.send(
      new QueryCommand({
        TableName: s.tenant.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': countersKey('2026-11', 0).pk },
      }),
    );
    const sum = (name: string) => (stats.Items ?? []).reduce((n, i) => n + Number(i[name] ?? 0), 0);
    expect({ onTime: sum('decided.onTime'), late: sum('decided.late'), escalations: sum('escalations') }).toEqual({
      onTime: 1,
      late: 0,
      escalations: 0,
    });
  });

  it('escalates at each checkpoint up the hierarchy when nobody acts, and turns overdue on the deadline', async () => {
    const s = await scene(RECEIVED);
    const id = await s.intake();
    await s.act(id, async (r, i) => t.assign(r, i, await s.p.units.get(s.tenant.tableName)), {
      unitId: 'sub-branch',
      assignee: 'handler-1',
    });
    await s.advance('2026-11-17T12:00:00Z');
    expect((await s.record(id)).overdue).toBe(false);

    await s.advance('2026-11-18T02:00:00Z');
    const record = await s.record(id);
    expect(record).toMatchObject({ overdue: true, escalationLevel: 3, status: 'received' });
    const all = await s.escalations(id);
    const ack = all.filter((e) => e.deadline === 'acknowledgement');
    const decision = all.filter((e) => e.deadline === 'decision');
    // The acknowledgement rule: 50 % → the unit itself, 80 % → its branch, due → head office; then daily.
    expect(ack.slice(0, 3).map((e) => [e.level, e.unitId, e.kind])).toEqual([
      [1, 'sub-branch', 'checkpoint'],
      [2, 'branch', 'checkpoint'],
      [3, 'head-office', 'deadline'],
    ]);
    expect(within(ack[2]!.at as string, ACK_DEADLINE)).toBe(true);
    expect(ack.slice(3).every((e) => e.kind === 'overdue' && e.level === 3)).toBe(true);
    // The decision deadline runs from receipt though nobody acknowledged: 50 %, 80 %, then due.
    expect(decision.map((e) => [e.level, e.unitId, e.kind])).toEqual([
      [1, 'sub-branch', 'checkpoint'],
      [2, 'branch', 'checkpoint'],
      [3, 'head-office', 'deadline'],
    ]);
    expect(within(decision[0]!.at as string, '2026-11-09T20:59:59.999Z')).toBe(true);
    expect(within(decision[2]!.at as string, DECISION_DEADLINE)).toBe(true);
    const overdue = (await s.events(id)).filter((e) => e.type === 'overdue');
    expect(overdue).toHaveLength(1);
    expect(within(overdue[0]!.at, DECISION_DEADLINE)).toBe(true);
    // Every checkpoint fired once.
    const keys = all.map((e) => `${e.deadline}@${e.checkpointAt}`);
    expect(new Set(keys).size).toBe(keys.length);

    // And it keeps escalating, daily, until the step is done.
    await s.advance('2026-11-20T02:00:00Z');
    const later = (await s.escalations(id)).filter((e) => e.deadline === 'decision' && e.kind === 'overdue');
    expect(later.map((e) => e.checkpointAt)).toEqual(['2026-11-18T15:59:59.999Z', '2026-11-19T15:59:59.999Z']);
  });

  it('extends to 30 days with a notice to the complainant, and re-arms the timers on the new deadline', async () => {
    const s = await scene(RECEIVED);
    const id = await s.intake();
    await s.act(id, (r, _i, ctx) => t.acknowledge(r, ctx), {});
    await s.advance('2026-11-05T02:00:00Z');
    const extended = await s.act(id, (r, i, ctx) => t.extend(r, i, ctx), {
      tier: 'complex' as const,
      reason: '需向第三方调取交易凭证',
      notice: { channel: 'phone' as const },
    });
    // 30 calendar days after 2 Nov: Wed 2 Dec.
    expect(extended.deadlines).toMatchObject({
      decision: '2026-12-02T15:59:59.999Z',
      originalDecision: DECISION_DEADLINE,
    });
    expect((await s.types(id)).slice(-2)).toEqual(['extended', 'extension_notice_sent']);
    const notice = (await s.events(id)).at(-1)!;
    expect(notice.data).toMatchObject({ channel: 'phone', deadline: '2026-12-02T15:59:59.999Z' });

    await s.advance('2026-11-18T02:00:00Z');
    expect((await s.record(id)).overdue).toBe(false);
    const esc = await s.escalations(id);
    expect(esc.map((e) => [e.level, e.dueAt])).toEqual([[1, '2026-12-02T15:59:59.999Z']]);

    expect(
      (await s.refused(id, (r, i, ctx) => t.extend(r, i, ctx), { tier: 'complex' as const, reason: 'again' }))?.code,
    ).toBe('extension_not_later');
    expect(
      (
        await s.refused(id, (r, i, ctx) => t.extend(r, i, ctx), {
          tier: 'especially_complex' as const,
          reason: '重大疑难',
        })
      )?.code,
    ).toBe('approval_required');

    await s.advance('2026-12-03T02:00:00Z');
    expect((await s.record(id)).overdue).toBe(true);
  });

  it('extends an especially complex case to 60 days only with the superior institution’s approval', async () => {
    // Received Tue 1 Sep 2026: day 60 is Sat 31 Oct, a rest day → Mon 2 Nov.
    const s = await scene('2026-09-01T02:00:00Z');
    const id = await s.intake();
    await s.act(id, (r, _i, ctx) => t.acknowledge(r, ctx), {});
    const refused = await s.refused(id, (r, i, ctx) => t.extend(r, i, ctx), {
      tier: 'especially_complex' as const,
      reason: '涉及多家机构',
    });
    expect(refused).toMatchObject({ kind: 'rule_violation', code: 'approval_required' });
    const view = await s.act(id, (r, i, ctx) => t.extend(r, i, ctx), {
      tier: 'especially_complex' as const,
      reason: '涉及多家机构',
      approvedBy: '总行消保部 王总',
    });
    expect(view.deadlines.decision).toBe('2026-11-02T15:59:59.999Z');
    expect(view.extension).toMatchObject({ tier: 'especially_complex', approvedBy: '总行消保部 王总' });
    expect((await s.events(id)).find((e) => e.type === 'extended')?.data).toMatchObject({ approved: true });
  });

  it('turns overdue at the decision deadline when the decision was made but the complainant not told', async () => {
    const s = await scene(RECEIVED);
    const id = await s.intake();
    await s.act(id, (r, _i, ctx) => t.acknowledge(r, ctx), {});
    await s.advance('2026-11-12T02:00:00Z');
    await s.act(id, (r, i, ctx) => t.decide(r, i, ctx), {
      outcome: 'not_upheld' as const,
      summary: '扣费符合合同约定',
    });
    expect((await s.record(id)).decision?.onTime).toBe(true);
    await s.advance('2026-11-18T02:00:00Z');
    const r = await s.record(id);
    expect(r).toMatchObject({ status: 'decided', overdue: true });
    const overdue = (await s.events(id)).filter((e) => e.type === 'overdue');
    expect(overdue.map((e) => e.data.step)).toEqual(['feedback']);
    // The 50 % and 80 % checkpoints fired while deciding are not fired again for the feedback.
    const decisionCheckpoints = (await s.escalations(id)).filter(
      (e) => e.deadline === 'decision' && e.kind === 'checkpoint',
    );
    expect(decisionCheckpoints.map((e) => e.level)).toEqual([1, 2]);
    // Told late is late: the feedback is recorded as such.
    const told = await s.act(id, (rr, i, ctx) => t.recordFeedback(rr, i, ctx), {
      channel: 'letter' as const,
      deliveredAt: '2026-11-18T01:00:00Z',
      summary: '书面告知',
    });
    expect(told.feedback?.onTime).toBe(false);
  });

  it('escalates at once a letter keyed in after its acknowledgement checkpoints had passed', async () => {
    const s = await scene('2026-11-05T02:00:00Z');
    // Received Mon 2 Nov, keyed in Thu 5 Nov: the acknowledgement deadline (Tue 3 Nov) has passed.
    const id = await s.intake({ channel: 'letter', receivedAt: RECEIVED });
    const ack = (await s.escalations(id)).filter((e) => e.deadline === 'acknowledgement');
    expect(ack.map((e) => e.kind)).toEqual(['checkpoint', 'checkpoint', 'deadline', 'overdue']);
    expect((await s.record(id)).escalationLevel).toBe(3);
  });

  it('lets exactly one of two concurrent decisions win; the other is refused and writes nothing', async () => {
    const s = await scene(RECEIVED);
    const id = await s.intake();
    await s.act(id, (r, _i, ctx) => t.acknowledge(r, ctx), {});
    const results = await Promise.allSettled([
      s.act(
        id,
        (r, i, ctx) => t.decide(r, i, ctx),
        { outcome: 'upheld' as const, summary: 'A' },
        s.staff(['handler'], 'handler-a'),
      ),
      s.act(
        id,
        (r, i, ctx) => t.decide(r, i, ctx),
        { outcome: 'not_upheld' as const, summary: 'B' },
        s.staff(['handler'], 'handler-b'),
      ),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toMatchObject({
      code: 'wrong_step',
    });
    expect((await s.types(id)).filter((x) => x === 'decided')).toHaveLength(1);
    expect(await s.step(id)).toBe('feedback');
  });
});
