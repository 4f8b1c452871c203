import { describe, expect, it } from 'vitest';
import * as t from '../../shared/domain/complaint/transitions';
import { scene } from '../support/scene';

const RECEIVED = '2026-11-02T02:00:00.000Z';

/** Acknowledged, decided on 6 Nov and told the same day: the review window ends Mon 7 Dec (6 Dec is a Sunday). */
async function decidedAndTold(s: Awaited<ReturnType<typeof scene>>) {
  const id = await s.intake();
  await s.act(id, (r, _i, ctx) => t.acknowledge(r, ctx), {});
  return id;
}

describe('review (核查) on request, cn-nfra-2020', () => {
  it('accepts a request on the last day of the window, refuses one the day after with 422, and closes after the review feedback', async () => {
    const s = await scene(RECEIVED);
    const a = await decidedAndTold(s);
    const b = await decidedAndTold(s);
    await s.advance('2026-11-06T02:00:00Z');
    for (const id of [a, b]) {
      await s.act(
        id,
        (r, i, ctx) => t.decide(r, i, ctx),
        { outcome: 'not_upheld' as const, summary: '维持原处理' },
        s.staff(['handler'], 'handler-1'),
      );
      await s.act(id, (r, i, ctx) => t.recordFeedback(r, i, ctx), {
        channel: 'letter' as const,
        deliveredAt: '2026-11-06T02:00:00Z',
        summary: '书面告知及救济途径',
      });
    }
    expect((await s.record(a)).deadlines.reviewRequest).toBe('2026-12-07T15:59:59.999Z');
    expect((await s.record(a)).decision?.remediesAvailable).toEqual([
      'review',
      'mediation',
      'arbitration',
      'litigation',
    ]);

    // 22:00 in Shanghai on the last day.
    await s.advance('2026-12-07T14:00:00Z');
    const requested = await s.act(a, (r, i, ctx) => t.requestReview(r, i, ctx), {
      reason: '对处理结果不满意，申请核查',
    });
    expect(requested.status).toBe('review_requested');
    // Review decision: 30 days from the request (7 Dec) → Wed 6 Jan 2027, a year whose holiday
    // schedule is not published yet: computed, and flagged provisional by the engine's basis.
    expect(requested.deadlines.reviewDecision).toBe('2027-01-06T15:59:59.999Z');
    expect(await s.step(a)).toBe('review_decision');

    await s.advance('2026-12-08T01:00:00Z');
    const late = await s.refused(b, (r, i, ctx) => t.requestReview(r, i, ctx), { reason: '迟到的申请' });
    expect(late).toMatchObject({ kind: 'rule_violation', code: 'review_window_closed' });
    expect((await s.record(b)).status).toBe('closed');
    expect((await s.events(b)).at(-1)?.data).toMatchObject({ reason: 'review_window_ended' });

    // Recusal: neither the original decision maker nor the assignee may decide the review.
    const recused = await s.refused(
      a,
      (r, i, ctx) => t.decideReview(r, i, ctx),
      { outcome: 'original_upheld' as const, summary: '维持' },
      s.staff(['supervisor'], 'handler-1'),
    );
    expect(recused).toMatchObject({ kind: 'rule_violation', code: 'recusal' });
    await s.act(
      a,
      (r, i, ctx) => t.decideReview(r, i, ctx),
      { outcome: 'changed' as const, summary: '改为部分支持' },
      s.staff(['supervisor'], 'reviewer-9'),
    );
    expect(await s.step(a)).toBe('review_feedback');
    await s.act(a, (r, i, ctx) => t.recordFeedback(r, i, ctx), {
      channel: 'phone' as const,
      deliveredAt: '2026-12-08T01:00:00Z',
      summary: '告知核查结果',
    });

    const closed = await s.record(a);
    expect(closed.status).toBe('closed');
    expect(await s.types(a)).toEqual([
      'received',
      'acknowledged',
      'decided',
      'feedback_delivered',
      'review_window_opened',
      'review_requested',
      'reviewed',
      'review_feedback_delivered',
      'closed',
    ]);
    expect(await s.execution(a)).toBe('SUCCEEDED');
  });

  it('cannot close without the feedback: a decided complaint waits at the feedback step, whatever time passes', async () => {
    const s = await scene(RECEIVED);
    const id = await decidedAndTold(s);
    await s.act(id, (r, i, ctx) => t.decide(r, i, ctx), { outcome: 'upheld' as const, summary: '支持' });
    await s.advance('2027-03-01T00:00:00Z');
    const r = await s.record(id);
    expect(r.status).toBe('decided');
    expect(await s.step(id)).toBe('feedback');
    expect(await s.execution(id)).toBe('RUNNING');
  });
});
