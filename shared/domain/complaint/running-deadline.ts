import type { ComplaintRecord } from './complaint-schema';
import type { ComplaintStatus } from './status';

/** The institution works to the (possibly extended) decision deadline: notice of the decision is part of it. */
export const DECISION_DUTY: readonly ComplaintStatus[] = ['received', 'acknowledged', 'investigating', 'decided'];
/** After a review request the review decision's deadline is the one that runs. */
export const REVIEW_DUTY: readonly ComplaintStatus[] = ['review_requested', 'reviewed'];

/**
 * The deadline a complaint's handlers work to now, by its status: `decision` or `review` are duties
 * (past them the complaint is overdue); `review_window` is the complainant's time to ask for a
 * review (nothing is due from the institution); `none` once only closing is left.
 */
export type RunningDeadline =
  | { kind: 'decision' | 'review'; at: string; duty: true }
  | { kind: 'review_window'; at: string | undefined; duty: false }
  | { kind: 'none'; duty: false };

export function runningDeadline(r: Pick<ComplaintRecord, 'status' | 'deadlines'>): RunningDeadline {
  if (DECISION_DUTY.includes(r.status)) return { kind: 'decision', at: r.deadlines.decision, duty: true };
  if (REVIEW_DUTY.includes(r.status) && r.deadlines.reviewDecision)
    return { kind: 'review', at: r.deadlines.reviewDecision, duty: true };
  if (r.status === 'feedback_delivered' || r.status === 'review_window')
    return { kind: 'review_window', at: r.deadlines.reviewRequest, duty: false };
  return { kind: 'none', duty: false };
}

/**
 * Overdue at `now`: the duty deadline that runs has passed. Judged by the clock, not by the record's
 * `overdue` flag: that one is history (it stays set after an extension) and the lifecycle raises it
 * only when its timer fires.
 */
export function isOverdueAt(r: Pick<ComplaintRecord, 'status' | 'deadlines'>, now: string): boolean {
  const d = runningDeadline(r);
  return d.duty && d.at <= now;
}

/** The acknowledgement still to give, while it is: a local rule, escalated but never counted as overdue. */
export const pendingAcknowledgement = (r: Pick<ComplaintRecord, 'status' | 'deadlines'>): string | undefined =>
  r.status === 'received' ? r.deadlines.acknowledgement : undefined;
