/**
 * Absolute deadlines for one complaint, as ISO UTC instants at the end of the last local day in the
 * tenant's zone. Pure and deterministic: the workflow recomputes them after a restart and gets the
 * same answer, and the API can show `basis` to explain each one.
 */

import { type CalendarResolver, calendarById } from '../calendars/calendar';
import { addDays } from '../calendars/local-date';
import { endOfLocalDay, localDateOf } from '../calendars/time-zone';
import { ruleViolation } from '../errors';
import type { ComputeDeadlinesInput, DeadlinesResult, PeriodBasis } from './deadline-schema';
import { pausedCalendarDays } from './pauses';
import { periodEnd } from './periods';

/** `calendars`: the shipped data unless the caller has operator-loaded years to count with. */
export function computeDeadlines(
  input: ComputeDeadlinesInput,
  calendars: CalendarResolver = calendarById,
): DeadlinesResult {
  const { policy } = input;
  const timezone = input.timezone ?? policy.timezone;
  const calendar = calendars(policy.calendar);
  const receivedDate = localDateOf(input.receivedAt, timezone);
  const pausedDays = pausedCalendarDays(input.pauses ?? [], timezone);
  const period = (startDate: string, rule: Parameters<typeof periodEnd>[1]) =>
    periodEnd(startDate, rule, calendar, policy.rollToWorkingDay);

  // The acknowledgement is due before any appraisal could start, so pauses never move it.
  const acknowledgement = period(receivedDate, policy.acknowledgement);
  // Pausing moves the start of counting: the same as adding the paused days to the period.
  const decisionStart = addDays(receivedDate, pausedDays);
  const decision = period(decisionStart, policy.decision);

  let extendedDecision: PeriodBasis | undefined;
  if (input.extension) {
    const tier = policy.extensions[input.extension];
    if (!tier) {
      throw ruleViolation('extension_not_in_policy', `policy ${policy.id} has no ${input.extension} extension`, {
        policy: policy.id,
        extension: input.extension,
      });
    }
    extendedDecision = period(decisionStart, tier.total);
  }

  const reviewFromInstant = input.feedbackAt ?? input.decidedAt;
  const reviewRequest =
    reviewFromInstant && policy.reviewRequestWindow
      ? period(localDateOf(reviewFromInstant, timezone), policy.reviewRequestWindow)
      : undefined;
  const reviewDecision =
    input.reviewRequestedAt && policy.reviewDecision
      ? period(localDateOf(input.reviewRequestedAt, timezone), policy.reviewDecision)
      : undefined;

  const periods = { acknowledgement, decision, extendedDecision, reviewRequest, reviewDecision };
  const end = (p: PeriodBasis | undefined) => (p ? endOfLocalDay(p.lastDay, timezone) : undefined);
  const isProvisional = (p: PeriodBasis | undefined) => (p ? p.uncoveredYears.length > 0 : undefined);
  const provisionalBy = stripUndefined({
    acknowledgement: acknowledgement.uncoveredYears.length > 0,
    decision: decision.uncoveredYears.length > 0,
    extendedDecision: isProvisional(extendedDecision),
    reviewRequest: isProvisional(reviewRequest),
    reviewDecision: isProvisional(reviewDecision),
  });
  const provisional = Object.values(provisionalBy).some(Boolean);

  return stripUndefined({
    acknowledgement: endOfLocalDay(acknowledgement.lastDay, timezone),
    decision: endOfLocalDay(decision.lastDay, timezone),
    extendedDecision: end(extendedDecision),
    reviewRequest: end(reviewRequest),
    reviewDecision: end(reviewDecision),
    provisional,
    provisionalBy,
    basis: stripUndefined({
      policy: { id: policy.id, version: policy.version },
      timezone,
      calendar: policy.calendar,
      receivedDate,
      pausedDays,
      reviewWindowFrom: reviewRequest ? (input.feedbackAt ? 'feedbackAt' : 'decidedAt') : undefined,
      periods: stripUndefined(periods),
    }),
  });
}

/** Absent deadlines are left out rather than stored as undefined (DynamoDB marshalling rejects it). */
function stripUndefined<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
