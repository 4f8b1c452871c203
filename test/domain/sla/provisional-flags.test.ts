/**
 * Provisional flags follow every recomputation, deadline by deadline (issue 7, item 4): an
 * extension, the feedback that opens the review window and a review request each refresh the flag
 * of the deadline they compute, and `deadlinesProvisional` is always the OR of them all.
 */
import { describe, expect, it } from 'vitest';
import { calendarById } from '../../../shared/domain/calendars/calendar';
import { calendarsWith } from '../../../shared/domain/calendars/loaded-years';
import type { ComplaintRecord } from '../../../shared/domain/complaint/complaint-schema';
import { recomputeDeadlines } from '../../../shared/domain/complaint/deadline-flags';
import * as t from '../../../shared/domain/complaint/transitions';
import { computeDeadlines, presetById } from '../../../shared/domain/sla';

const policy = presetById('cn-nfra-2020');
const timezone = 'Asia/Shanghai';
const endOfDayCn = (date: string) => new Date(Date.parse(`${date}T23:59:59.999+08:00`)).toISOString();

/** A complaint as intake stores it, received at `receivedAt` in Shanghai. */
function registered(receivedAt: string, status: ComplaintRecord['status'] = 'investigating'): ComplaintRecord {
  const d = computeDeadlines({ policy, receivedAt, timezone });
  return {
    id: '01JTESTTESTTESTTESTTESTTES',
    tenantId: 'bank-a',
    reference: 'BA-20261208-TEST',
    status,
    overdue: false,
    receivedAt,
    channel: 'phone',
    category: 'B-CAT-01',
    reason: 'B-RSN-01',
    description: '信用卡年费重复扣收',
    complainantEnc: {},
    complainantMasked: {},
    consumerKey: 'k',
    unitId: 'branch',
    assignee: 'handler-1',
    partners: [],
    referrals: [],
    attachments: [],
    deadlines: { acknowledgement: d.acknowledgement, decision: d.decision },
    deadlinesProvisional: d.provisional,
    provisionalDeadlines: d.provisionalBy,
    policy: { id: policy.id, version: policy.version },
    escalationLevel: 0,
    repeatOf: null,
    version: 3,
    createdBy: 'intake-1',
    createdAt: receivedAt,
    updatedAt: receivedAt,
    lastSeq: 3,
    lastHash: 'x',
  } as ComplaintRecord;
}

const ctx = (at: string, step: t.ActionContext['step'], extra: Partial<t.ActionContext> = {}): t.ActionContext => ({
  at,
  actor: 'supervisor-1',
  policy,
  timezone,
  step,
  ...extra,
});
const apply = (r: ComplaintRecord, tr: t.Transition): ComplaintRecord => ({ ...r, ...tr.patch }) as ComplaintRecord;

describe('an extension recomputes the flag', () => {
  const r = registered('2026-12-08T02:00:00.000Z');

  it('the 15-day deadline (23 Dec 2026) is final at intake', () => {
    expect(r.deadlines.decision).toBe(endOfDayCn('2026-12-23'));
    expect(r.deadlinesProvisional).toBe(false);
  });

  it('60 days from 8 Dec 2026 end on Sat 6 Feb 2027 (正月初一): rolled past 初三 to Tue 9 Feb, flagged provisional', () => {
    const extended = apply(
      r,
      t.extend(
        r,
        { tier: 'especially_complex', reason: '需外部鉴定', approvedBy: '总行消保部负责人' },
        ctx('2026-12-10T02:00:00.000Z', 'decision'),
      ),
    );
    expect(extended.deadlines.decision).toBe(endOfDayCn('2027-02-09'));
    expect(extended.deadlines.decision).not.toBe(endOfDayCn('2027-02-08'));
    expect(extended.deadlinesProvisional).toBe(true);
    expect(extended.provisionalDeadlines).toEqual({ acknowledgement: false, decision: true, originalDecision: false });
  });

  it('the same extension counted with a loaded 2027 schedule is final', () => {
    const calendars = calendarsWith([
      {
        calendar: 'cn',
        year: 2027,
        holidays: ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08'],
        workingDays: [],
      },
    ]);
    const extended = apply(
      r,
      t.extend(
        r,
        { tier: 'especially_complex', reason: '需外部鉴定', approvedBy: '总行消保部负责人' },
        ctx('2026-12-10T02:00:00.000Z', 'decision', { calendars }),
      ),
    );
    expect(extended.deadlines.decision).toBe(endOfDayCn('2027-02-09'));
    expect(extended.deadlinesProvisional).toBe(false);
  });
});

describe('the feedback that opens the review window and a review request recompute their flags', () => {
  const decided: ComplaintRecord = {
    ...registered('2026-11-20T02:00:00.000Z', 'decided'),
    decision: {
      outcome: 'not_upheld',
      summary: '经核查扣费符合合同约定',
      remediesAvailable: ['review'],
      decidedAt: '2026-12-03T02:00:00.000Z',
      decidedBy: 'handler-1',
      onTime: true,
    },
  };

  /** The complainant told the decision at `deliveredAt`, recorded an hour later. */
  const told = (r: ComplaintRecord, deliveredAt: string) =>
    apply(
      r,
      t.recordFeedback(
        r,
        { channel: 'phone', deliveredAt, summary: '电话告知' },
        ctx(new Date(Date.parse(deliveredAt) + 3_600_000).toISOString(), 'feedback'),
      ),
    );

  it('a window from 3 Dec 2026 ends Mon 4 Jan 2027 (after Sat 2 Jan): provisional, though every earlier deadline was final', () => {
    expect(decided.deadlinesProvisional).toBe(false);
    const feedback = told(decided, '2026-12-03T03:00:00.000Z');
    expect(feedback.deadlines.reviewRequest).toBe(endOfDayCn('2027-01-04'));
    expect(feedback.provisionalDeadlines?.reviewRequest).toBe(true);
    expect(feedback.deadlinesProvisional).toBe(true);

    // The request on 10 Dec: 30 days → Sat 9 Jan 2027, rolled to Mon 11 Jan, again over 2027.
    const inWindow = { ...feedback, status: 'review_window' as const };
    const requested = apply(
      inWindow,
      t.requestReview(inWindow, { reason: '不认可处理结果' }, ctx('2026-12-10T02:00:00.000Z', 'review_window')),
    );
    expect(requested.deadlines.reviewDecision).toBe(endOfDayCn('2027-01-11'));
    expect(requested.provisionalDeadlines?.reviewDecision).toBe(true);
    expect(requested.deadlinesProvisional).toBe(true);
  });

  it('a window wholly inside a covered year keeps the summary flag false', () => {
    const early = { ...decided, decision: { ...decided.decision!, decidedAt: '2026-11-21T02:00:00.000Z' } };
    const feedback = told(early, '2026-11-21T03:00:00.000Z');
    expect(feedback.provisionalDeadlines?.reviewRequest).toBe(false);
    expect(feedback.deadlinesProvisional).toBe(false);
  });
});

describe('a complaint registered before per-deadline flags', () => {
  it('inherits the old summary flag for every deadline it had', () => {
    const { provisionalDeadlines: _dropped, ...legacy } = registered('2026-12-20T02:00:00.000Z');
    const old = legacy as ComplaintRecord;
    expect(old.deadlinesProvisional).toBe(true);
    const extended = apply(
      old,
      t.extend(old, { tier: 'complex', reason: '案情复杂' }, ctx('2026-12-21T02:00:00.000Z', 'decision')),
    );
    expect(extended.provisionalDeadlines).toEqual({ acknowledgement: true, decision: true, originalDecision: true });
  });
});

describe('recomputeDeadlines', () => {
  it('reproduces exactly what intake and the actions stored, with the same calendars', () => {
    const r = registered('2026-12-08T02:00:00.000Z');
    const extended = apply(
      r,
      t.extend(
        r,
        { tier: 'especially_complex', reason: '需外部鉴定', approvedBy: '总行' },
        ctx('2026-12-10T02:00:00.000Z', 'decision'),
      ),
    );
    const again = recomputeDeadlines(extended, policy, timezone, calendarById);
    expect(again.deadlines).toEqual(extended.deadlines);
    expect(again.provisionalDeadlines).toEqual(extended.provisionalDeadlines);
  });

  it('moves a provisional deadline when the year is loaded, and clears its flag', () => {
    // Received Mon 25 Jan 2027: the 15th day is Tue 9 Feb, a working day under the statutory fallback.
    const r = registered('2027-01-25T02:00:00.000Z');
    expect(r.deadlines.decision).toBe(endOfDayCn('2027-02-09'));
    expect(r.deadlinesProvisional).toBe(true);
    const loaded = calendarsWith([
      {
        calendar: 'cn',
        year: 2027,
        holidays: ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11'],
        workingDays: [],
      },
    ]);
    const again = recomputeDeadlines(r, policy, timezone, loaded);
    expect(again.deadlines.decision).toBe(endOfDayCn('2027-02-12'));
    expect(again).toMatchObject({ deadlinesProvisional: false, provisionalDeadlines: { decision: false } });
  });
});
