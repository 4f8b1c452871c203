/**
 * The complaint page's time axis: each duty's window, due time and state, escalations fired (from
 * the event log) and ahead (from the policy), pauses, and where now falls. Records are moved through
 * the real transitions, as the actions move them.
 */
import { describe, expect, it } from 'vitest';
import type { ComplaintRecord } from '../../../shared/domain/complaint/complaint-schema';
import { deadlineAxis } from '../../../shared/domain/complaint/deadline-axis';
import { pause, resume } from '../../../shared/domain/complaint/pause';
import * as t from '../../../shared/domain/complaint/transitions';
import type { ComplaintEvent } from '../../../shared/domain/events/event-schema';
import { computeDeadlines, presetById } from '../../../shared/domain/sla';

const policy = presetById('cn-nfra-2020');
const timezone = 'Asia/Shanghai';
const RECEIVED = '2026-03-02T02:00:00.000Z';

function registered(): ComplaintRecord {
  const d = computeDeadlines({ policy, receivedAt: RECEIVED, timezone });
  return {
    id: '01JTESTTESTTESTTESTTESTTES',
    tenantId: 'bank-a',
    reference: 'BA-20260302-TEST',
    status: 'received',
    overdue: false,
    receivedAt: RECEIVED,
    channel: 'phone',
    category: 'B-CAT-01',
    reason: 'B-RSN-01',
    complainantEnc: {},
    complainantMasked: {},
    consumerKey: 'k',
    unitId: 'branch',
    assignee: null,
    partners: [],
    referrals: [],
    attachments: [],
    deadlines: { acknowledgement: d.acknowledgement, decision: d.decision },
    deadlinesProvisional: d.provisional,
    provisionalDeadlines: d.provisionalBy,
    policy: { id: policy.id, version: policy.version },
    escalationLevel: 0,
    repeatOf: null,
    version: 1,
    createdBy: 'intake-1',
    createdAt: RECEIVED,
    updatedAt: RECEIVED,
    lastSeq: 1,
    lastHash: 'x',
  } as ComplaintRecord;
}

const ctx = (at: string): t.ActionContext => ({ at, actor: 'sup-1', policy, timezone });
const apply = (r: ComplaintRecord, tr: t.Transition): ComplaintRecord => ({ ...r, ...tr.patch }) as ComplaintRecord;
let seq = 0;
const event = (type: ComplaintEvent['type'], at: string, data: Record<string, unknown> = {}): ComplaintEvent => ({
  complaintId: 'c',
  seq: ++seq,
  type,
  at,
  actor: { kind: 'user', id: 'sup-1' },
  data,
  prevHash: '',
  hash: '',
});
const axisAt = (record: ComplaintRecord, now: string, events: ComplaintEvent[] = []) =>
  deadlineAxis({ record, events, policy, timezone, now });
const row = (axis: ReturnType<typeof axisAt>, key: string) => axis.rows.find((x) => x.key === key);

describe('the deadline axis', () => {
  it('marks the acknowledgement met, the decision pending, fired escalations from the log and the rest ahead', () => {
    const ackAt = '2026-03-02T05:00:00.000Z';
    const r = apply(registered(), t.acknowledge(registered(), ctx(ackAt)));
    const now = '2026-03-11T02:00:00.000Z';
    const fired = event('escalated', '2026-03-09T16:00:00.000Z', {
      step: 'decision',
      deadline: 'decision',
      level: 1,
      kind: 'checkpoint',
      checkpointAt: '2026-03-09T16:00:00.000Z',
    });
    const axis = axisAt(r, now, [event('acknowledged', ackAt), fired]);
    expect(row(axis, 'acknowledgement')).toMatchObject({ state: 'met', doneAt: ackAt });
    expect(row(axis, 'decision')).toMatchObject({ state: 'pending', dueAt: r.deadlines.decision });
    expect(row(axis, 'feedback')).toMatchObject({ state: 'pending', dueAt: r.deadlines.decision });
    expect(axis.checkpoints.filter((c) => c.fired)).toEqual([
      { at: '2026-03-09T16:00:00.000Z', level: 1, kind: 'checkpoint', deadline: 'decision', fired: true },
    ]);
    const ahead = axis.checkpoints.filter((c) => !c.fired);
    expect(ahead.map((c) => c.level)).toEqual([2, 3]);
    expect(ahead.every((c) => c.at > now && c.deadline === 'decision')).toBe(true);
    expect(ahead.at(-1)).toMatchObject({ at: r.deadlines.decision, kind: 'deadline' });
    expect(axis).toMatchObject({ from: RECEIVED, to: r.deadlines.decision, now, nowShown: true });
  });

  it('keeps the original decision deadline beside the extended one', () => {
    const acked = apply(registered(), t.acknowledge(registered(), ctx('2026-03-02T05:00:00.000Z')));
    const extended = apply(
      acked,
      t.extend(acked, { tier: 'complex', reason: '需调阅录音' }, ctx('2026-03-05T02:00:00.000Z')),
    );
    const decision = row(axisAt(extended, '2026-03-06T02:00:00.000Z'), 'decision')!;
    expect(decision.originalDueAt).toBe(acked.deadlines.decision);
    expect(decision.dueAt).toBe(extended.deadlines.decision);
    expect(decision.dueAt > decision.originalDueAt!).toBe(true);
  });

  it('turns an undone duty overdue once its time passed, and a late one late', () => {
    const acked = apply(registered(), t.acknowledge(registered(), ctx('2026-03-04T05:00:00.000Z')));
    const late = '2026-03-20T02:00:00.000Z';
    const overdue = axisAt(acked, late, [event('acknowledged', '2026-03-04T05:00:00.000Z')]);
    expect(row(overdue, 'acknowledgement')!.state).toBe('late');
    expect(row(overdue, 'decision')!.state).toBe('overdue');
    expect(overdue.checkpoints.filter((c) => !c.fired)).toEqual([]);
    const decided = apply(acked, t.decide(acked, { outcome: 'upheld', summary: '退还年费' }, ctx(late)));
    expect(row(axisAt(decided, late), 'decision')).toMatchObject({ state: 'late', doneAt: late });
  });

  it('shows the review window, closed once it passed unused, and the review rows once asked', () => {
    const acked = apply(registered(), t.acknowledge(registered(), ctx('2026-03-02T05:00:00.000Z')));
    const decided = apply(
      acked,
      t.decide(acked, { outcome: 'not_upheld', summary: '符合约定' }, ctx('2026-03-06T02:00:00.000Z')),
    );
    const told = apply(
      decided,
      t.recordFeedback(
        decided,
        { channel: 'phone', deliveredAt: '2026-03-06T03:00:00.000Z', summary: '电话告知' },
        ctx('2026-03-06T03:00:00.000Z'),
      ),
    );
    const window = row(axisAt(told, '2026-03-07T02:00:00.000Z'), 'review_window')!;
    expect(window).toMatchObject({
      state: 'pending',
      startAt: '2026-03-06T03:00:00.000Z',
      dueAt: told.deadlines.reviewRequest,
    });
    expect(row(axisAt(told, '2026-06-01T02:00:00.000Z'), 'review_window')!.state).toBe('closed');
    const asked = apply(told, t.requestReview(told, { reason: '不服' }, ctx('2026-03-08T02:00:00.000Z')));
    const axis = axisAt(asked, '2026-03-09T02:00:00.000Z');
    expect(row(axis, 'review_window')!.state).toBe('met');
    expect(row(axis, 'review_decision')).toMatchObject({ state: 'pending', dueAt: asked.deadlines.reviewDecision });
    expect(row(axis, 'review_feedback')!.state).toBe('pending');
    expect(axis.checkpoints.filter((c) => !c.fired).every((c) => c.deadline === 'review')).toBe(true);
  });

  it('shades a running pause up to now and holds back the decision checkpoints while it runs', () => {
    const acked = apply(registered(), t.acknowledge(registered(), ctx('2026-03-02T05:00:00.000Z')));
    const paused = apply(
      acked,
      pause(
        acked,
        { reason: '外部鉴定', notice: { channel: 'phone', sentAt: '2026-03-04T02:00:00.000Z' } },
        ctx('2026-03-04T02:00:00.000Z'),
      ),
    );
    const now = '2026-03-07T02:00:00.000Z';
    const axis = axisAt(paused, now);
    expect(axis.pauses).toEqual([{ from: paused.pause!.from, to: now, running: true }]);
    expect(axis.checkpoints).toEqual([]);
    const resumed = apply(paused, resume(paused, {}, ctx(now)));
    const after = axisAt(resumed, '2026-03-08T02:00:00.000Z');
    expect(after.pauses).toEqual([{ from: paused.pause!.from, to: now, running: false }]);
    expect(after.checkpoints.length).toBeGreaterThan(0);
  });

  it('ends what was not done when the complaint ended, and leaves a far later now off the chart', () => {
    const r = apply(registered(), t.withdraw(registered(), {}, ctx('2026-03-03T02:00:00.000Z')));
    const axis = axisAt(r, '2027-03-03T02:00:00.000Z');
    expect(row(axis, 'acknowledgement')!.state).toBe('ended');
    expect(row(axis, 'decision')!.state).toBe('ended');
    expect(axis.checkpoints).toEqual([]);
    expect(axis.nowShown).toBe(false);
    expect(axis.to).toBe(r.deadlines.decision);
  });
});
