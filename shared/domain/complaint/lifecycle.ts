import { z } from 'zod';
import { type CalendarResolver, calendarById } from '../calendars/calendar';
import { endOfLocalDay, localDateOf } from '../calendars/time-zone';
import { type Checkpoint, escalationCheckpoints, type SlaPolicy } from '../sla';
import { periodEnd } from '../sla/periods';
import { afterDeadlineDays } from '../sla/policy-schema';
import type { ComplaintRecord, WorkflowPosition } from './complaint-schema';
import { type ComplaintStatus, isOpen } from './status';

/**
 * The steps a complaint's execution waits at, in order. Each is a `.waitForTaskToken` task in the
 * state machine; `referrals` is the Map over partner institutions, one `referral` wait per partner.
 */
export const WaitStepSchema = z.enum([
  'acknowledgement',
  'referrals',
  'decision',
  'feedback',
  'review_window',
  'review_decision',
  'review_feedback',
]);
export type WaitStep = z.infer<typeof WaitStepSchema>;

/** The step a complaint waits at: before the execution's first tick stores one, it is the first. */
export const currentStep = (position: WorkflowPosition | undefined): WaitStep => position?.step ?? 'acknowledgement';

const AFTER: Record<WaitStep, readonly ComplaintStatus[]> = {
  acknowledgement: [
    'acknowledged',
    'investigating',
    'decided',
    'feedback_delivered',
    'review_window',
    'review_requested',
    'reviewed',
    'review_feedback_delivered',
    'closed',
  ],
  referrals: [],
  decision: [
    'decided',
    'feedback_delivered',
    'review_window',
    'review_requested',
    'reviewed',
    'review_feedback_delivered',
    'closed',
  ],
  feedback: [
    'feedback_delivered',
    'review_window',
    'review_requested',
    'reviewed',
    'review_feedback_delivered',
    'closed',
  ],
  review_window: ['review_requested', 'reviewed', 'review_feedback_delivered', 'closed'],
  review_decision: ['reviewed', 'review_feedback_delivered', 'closed'],
  review_feedback: ['review_feedback_delivered', 'closed'],
};

/**
 * What a waiting task answers when it finds its step already done (the action raced the task, or
 * the execution resumed after a restart): `ended` for a side exit, else the step's own outcome.
 */
export function stepOutcome(step: WaitStep, r: ComplaintRecord): 'ended' | 'done' | 'review_requested' | undefined {
  if (!isOpen(r.status) && r.status !== 'closed') return 'ended';
  if (step === 'referrals') return r.referrals.every((x) => x.status !== 'open') ? 'done' : undefined;
  if (!AFTER[step].includes(r.status)) return undefined;
  if (step === 'review_window') return 'review_requested';
  return 'done';
}

/** A deadline and the start its escalation checkpoints are spaced from. */
export type DeadlineWindow = {
  name: 'acknowledgement' | 'decision' | 'review';
  startAt: string;
  deadline: string;
  duty: boolean;
};

/**
 * The deadlines that run while the complaint waits at a step. The regulatory decision deadline runs
 * from receipt whatever the institution has done so far, so it is watched from the first step on: a
 * complaint nobody acknowledges still turns overdue on its 15th day. `duty` marks the deadlines
 * whose passing makes the complaint overdue (the acknowledgement rule is a local one: escalated, not
 * counted as overdue).
 */
export function stepWindows(step: WaitStep, r: ComplaintRecord): DeadlineWindow[] {
  // Notice of the decision is part of the same duty (cn-nfra-2020: "made and told within 15 days";
  // DISP and PSD2 count the final response): the feedback is due by the decision deadline too.
  const decision: DeadlineWindow = {
    name: 'decision',
    startAt: r.receivedAt,
    deadline: r.deadlines.decision,
    duty: true,
  };
  switch (step) {
    case 'acknowledgement':
      return [
        { name: 'acknowledgement', startAt: r.receivedAt, deadline: r.deadlines.acknowledgement, duty: false },
        decision,
      ];
    case 'referrals':
    case 'decision':
    case 'feedback':
      return [decision];
    case 'review_decision':
    case 'review_feedback':
      return r.deadlines.reviewDecision && r.reviewRequest
        ? [{ name: 'review', startAt: r.reviewRequest.requestedAt, deadline: r.deadlines.reviewDecision, duty: true }]
        : [];
    // The review window is the complainant's time, not a duty of the institution: nothing to escalate.
    case 'review_window':
      return [];
  }
}

export type DueEscalation = Checkpoint & { window: DeadlineWindow };

/**
 * Checkpoints of the given deadlines that fell due after `firedUntil` and by `now`, oldest first,
 * and when the next one falls. Recording `firedUntil` with the escalations in one transaction makes
 * each checkpoint fire exactly once, however often a timer or a resumed execution asks.
 */
export function dueEscalations(o: {
  windows: readonly DeadlineWindow[];
  policy: SlaPolicy;
  timezone: string;
  firedUntil: string | null;
  now: string;
}): { due: DueEscalation[]; next: string | undefined } {
  const after = o.firedUntil ? Date.parse(o.firedUntil) : -Infinity;
  const now = Date.parse(o.now);
  const all = o.windows
    .flatMap((window) =>
      // Reminders after `now` matter only as far as the next one: a few days ahead, not a year of them.
      escalationCheckpoints({
        startAt: window.startAt,
        deadline: window.deadline,
        policy: o.policy,
        timezone: o.timezone,
        until: lookAhead(o.now, afterDeadlineDays(o.policy.escalation)),
      }).map((c) => ({ ...c, window })),
    )
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const due = all.filter((c) => Date.parse(c.at) > after && Date.parse(c.at) <= now);
  const next = all.find((c) => Date.parse(c.at) > now)?.at;
  return { due, next };
}

/** Whether the checkpoints fired for `from` also stand for `to` (they share its main deadline). */
export function sharesDeadline(from: WaitStep, to: WaitStep, r: ComplaintRecord): boolean {
  const main = stepWindows(to, r).at(-1);
  return main !== undefined && stepWindows(from, r).some((w) => w.deadline === main.deadline);
}

/** Far enough past `now` to hold the next overdue reminder whatever the zone's DST does. */
const lookAhead = (iso: string, everyDays: number) =>
  new Date(Date.parse(iso) + (everyDays + 2) * 86_400_000).toISOString();

/**
 * A partner institution's time to answer a referral. Not set by regulation (CBIRC Order 2020 No. 3
 * Art. 10 only obliges the partner to help): 5 calendar days, rolled to a working day, is our default.
 */
export const REFERRAL_RESPONSE_DAYS = 5;

export function referralDeadline(
  createdAt: string,
  policy: SlaPolicy,
  timezone: string,
  calendars: CalendarResolver = calendarById,
): string {
  const basis = periodEnd(
    localDateOf(createdAt, timezone),
    { amount: REFERRAL_RESPONSE_DAYS, unit: 'calendar_days' },
    calendars(policy.calendar),
    policy.rollToWorkingDay,
  );
  return endOfLocalDay(basis.lastDay, timezone);
}

/** Longest single timer: Node's setTimeout overflows past 2^31 ms (24.8 days); AWS allows a year. */
export const MAX_TIMER_SECONDS = 20 * 86_400;

export function timerSeconds(now: string, next: string | undefined): number {
  if (!next) return MAX_TIMER_SECONDS;
  return Math.min(MAX_TIMER_SECONDS, Math.max(1, Math.ceil((Date.parse(next) - Date.parse(now)) / 1000)));
}
