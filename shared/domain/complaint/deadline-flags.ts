/**
 * A complaint's deadlines as its recorded facts determine them, with a provisional flag per
 * deadline. Every recomputation (an extension, the feedback that opens the review window, a review
 * request, a newly loaded calendar year) refreshes the flags of what it recomputed, and
 * `deadlinesProvisional` is always their OR: it can never stay "final" over a guessed holiday.
 */
import type { CalendarResolver } from '../calendars/calendar';
import { computeDeadlines, type DeadlinesResult, type SlaPolicy } from '../sla';
import type { ComplaintRecord, Deadlines, ProvisionalDeadlines } from './complaint-schema';

type Flagged = Pick<ComplaintRecord, 'deadlines' | 'deadlinesProvisional' | 'provisionalDeadlines'>;

/** The flags before any were recorded one by one: each deadline inherits the summary flag. */
function currentFlags(r: Flagged): ProvisionalDeadlines {
  if (r.provisionalDeadlines) return r.provisionalDeadlines;
  const old = r.deadlinesProvisional;
  return Object.fromEntries(
    Object.keys(r.deadlines)
      .filter((k) => r.deadlines[k as keyof Deadlines] !== undefined)
      .map((k) => [k, old]),
  ) as ProvisionalDeadlines;
}

/** The record's flags after the deadlines in `changed` were recomputed. */
export function withProvisional(
  r: Flagged,
  changed: Partial<ProvisionalDeadlines>,
): Pick<ComplaintRecord, 'deadlinesProvisional' | 'provisionalDeadlines'> {
  const provisionalDeadlines = { ...currentFlags(r), ...changed };
  return { provisionalDeadlines, deadlinesProvisional: Object.values(provisionalDeadlines).some(Boolean) };
}

/** A recomputed period's flag, false when the result has no such period. */
export const flagOf = (result: DeadlinesResult, period: keyof DeadlinesResult['provisionalBy']): boolean =>
  result.provisionalBy[period] ?? false;

/** After an extension: the decision takes the extended period's flag, the original keeps its own. */
export function extendedFlags(r: Flagged, computed: DeadlinesResult) {
  const flags = currentFlags(r);
  return withProvisional(r, {
    decision: flagOf(computed, 'extendedDecision'),
    originalDecision: flags.originalDecision ?? flags.decision,
  });
}

/** The pauses that count towards the deadlines: the ended ones (an open pause has no length yet). */
export const countedPauses = (r: Pick<ComplaintRecord, 'pauses'>): { from: string; to: string }[] =>
  (r.pauses ?? []).flatMap((x) => (x.to ? [{ from: x.from, to: x.to }] : []));

export type RecomputedDeadlines = Pick<ComplaintRecord, 'deadlines' | 'deadlinesProvisional'> & {
  provisionalDeadlines: ProvisionalDeadlines;
};

/**
 * Every deadline the complaint has reached so far, recomputed from its facts (receipt, extension
 * tier, pauses, feedback, review request) — what intake and each action computed, counted again with
 * `calendars`. Used when a calendar year is loaded: the difference is what that year changed.
 */
export function recomputeDeadlines(
  r: ComplaintRecord,
  policy: SlaPolicy,
  timezone: string,
  calendars: CalendarResolver,
): RecomputedDeadlines {
  const result = computeDeadlines(
    {
      policy,
      receivedAt: r.receivedAt,
      timezone,
      ...(r.extension && { extension: r.extension.tier }),
      pauses: countedPauses(r),
      ...(r.feedback && { feedbackAt: r.feedback.deliveredAt }),
      ...(r.reviewRequest && { reviewRequestedAt: r.reviewRequest.requestedAt }),
    },
    calendars,
  );
  const extended = r.extension !== undefined && result.extendedDecision !== undefined;
  const deadlines: Deadlines = {
    acknowledgement: result.acknowledgement,
    decision: extended ? result.extendedDecision! : result.decision,
    ...(extended && { originalDecision: result.decision }),
    ...(r.feedback && result.reviewRequest && { reviewRequest: result.reviewRequest }),
    ...(r.reviewRequest && result.reviewDecision && { reviewDecision: result.reviewDecision }),
  };
  const provisionalDeadlines: ProvisionalDeadlines = {
    acknowledgement: flagOf(result, 'acknowledgement'),
    decision: flagOf(result, extended ? 'extendedDecision' : 'decision'),
    ...(extended && { originalDecision: flagOf(result, 'decision') }),
    ...(deadlines.reviewRequest && { reviewRequest: flagOf(result, 'reviewRequest') }),
    ...(deadlines.reviewDecision && { reviewDecision: flagOf(result, 'reviewDecision') }),
  };
  return {
    deadlines,
    provisionalDeadlines,
    deadlinesProvisional: Object.values(provisionalDeadlines).some(Boolean),
  };
}
