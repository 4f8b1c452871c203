import { type CalendarResolver, calendarById } from '../calendars/calendar';
import { endOfLocalDay, localDateOf } from '../calendars/time-zone';
import { type Checkpoint, escalationCheckpoints, type SlaPolicy } from '../sla';
import { periodEnd } from '../sla/periods';
import { afterDeadlineDays } from '../sla/policy-schema';
import type { ComplaintRecord, WorkflowPosition } from './complaint-schema';
import { countedPauses } from './deadline-flags';
import { type ComplaintStatus, isOpen } from './status';
import type { WaitStep } from './wait-step';

export { type WaitStep, WaitStepSchema } from './wait-step';

/** The step a complaint waits at: before the execution's first tick stores one, it is the first. */
export const currentStep = (position: WorkflowPosition | undefined): WaitStep => position?.step ?? 'acknowledgement';

const DECIDED = ['decided', 'feedback_delivered', 'review_window', 'review_requested', 'reviewed'] as const;
const REVIEWED = ['reviewed', 'review_feedback_delivered'] as const;

/**
 * The one table of the lifecycle's waiting steps, read by the actions' judgement, the tick and wait
 * tasks, the state machine's resume list and the tests:
 * - `done`: the statuses that mean the step's action is recorded (the wait then moves on by itself);
 * - `outcome`: the signal its Route moves forward on (anything else loops back to its tick).
 * The deadlines each step watches are `stepWindows` below.
 */
export const STEPS: Record<WaitStep, { done: readonly ComplaintStatus[]; outcome: 'done' | 'review_requested' }> = {
  acknowledgement: {
    done: ['acknowledged', 'investigating', ...DECIDED, 'review_feedback_delivered'],
    outcome: 'done',
  },
  // Done when no referral is open: judged on the complaint's links, not by status.
  referrals: { done: [], outcome: 'done' },
  decision: { done: [...DECIDED, 'review_feedback_delivered'], outcome: 'done' },
  feedback: {
    done: ['feedback_delivered', 'review_window', 'review_requested', ...REVIEWED],
    outcome: 'done',
  },
  review_window: { done: ['review_requested', ...REVIEWED], outcome: 'review_requested' },
  review_decision: { done: REVIEWED, outcome: 'done' },
  review_feedback: { done: ['review_feedback_delivered'], outcome: 'done' },
};

/**
 * What a waiting task answers when it finds its step already done (the action came before the
 * wait, or the execution resumed after a restart): `ended` once the complaint has ended, else the
 * step's outcome.
 */
export function stepOutcome(
  step: WaitStep,
  r: Pick<ComplaintRecord, 'status' | 'referrals'>,
): 'ended' | 'done' | 'review_requested' | undefined {
  // Closed or ended by a side exit: whatever step the execution is at, it ends.
  if (!isOpen(r.status)) return 'ended';
  if (step === 'referrals') return r.referrals.every((x) => x.status !== 'open') ? 'done' : undefined;
  return STEPS[step].done.includes(r.status) ? STEPS[step].outcome : undefined;
}

/**
 * Where the record says the lifecycle stands: the step whose action is due next, `close` when
 * nothing but closing is left, `ended` after a side exit. `windowOpen` says whether the review
 * window the rules opened is still running (the complainant's time must not be cut short).
 */
export function recordedStep(r: ComplaintRecord, windowOpen: boolean): WaitStep | 'close' | 'closed' | 'ended' {
  switch (r.status) {
    case 'received':
      return 'acknowledgement';
    case 'acknowledged':
    case 'investigating':
      return r.referrals.some((x) => x.status === 'open') ? 'referrals' : 'decision';
    case 'decided':
      return 'feedback';
    case 'feedback_delivered':
    case 'review_window':
      return windowOpen ? 'review_window' : 'close';
    case 'review_requested':
      return 'review_decision';
    case 'reviewed':
      return 'review_feedback';
    case 'review_feedback_delivered':
      return 'close';
    case 'closed':
      return 'closed';
    default:
      return 'ended';
  }
}

/** Whether the complainant's window to ask for a review is still running at `now`. */
export const reviewWindowOpen = (r: ComplaintRecord, policyHasWindow: boolean, now: string): boolean =>
  policyHasWindow && r.deadlines.reviewRequest !== undefined && now < r.deadlines.reviewRequest;

/** A deadline and the start its escalation checkpoints are spaced from. */
export type DeadlineWindow = {
  name: 'acknowledgement' | 'decision' | 'review';
  startAt: string;
  deadline: string;
  duty: boolean;
  /** Ended pauses: checkpoints are spaced over the time that ran, so each falls later by the pauses before it. */
  pauses?: { from: string; to: string }[];
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
    ...(r.pauses?.length && { pauses: countedPauses(r) }),
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

/**
 * The windows a tick escalates: while a pause runs the decision deadline does not, so its
 * checkpoints wait (its end is unknown until the resume moves it).
 */
export const runningWindows = (step: WaitStep, r: ComplaintRecord): DeadlineWindow[] =>
  stepWindows(step, r).filter((w) => !(r.pause && w.name === 'decision'));

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
        ...(window.pauses && { pauses: window.pauses }),
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

/** When a wait armed at `at` with `timerSeconds` falls due: what the position stores beside its token. */
export const timerDueAt = (at: string, seconds: number): string =>
  new Date(Date.parse(at) + seconds * 1000).toISOString();
