/**
 * Pauses for external appraisal, testing or valuation (CBIRC Order 2020 No. 3: that time does not
 * count towards the decision period). A pause is recorded with the notice that told the complainant;
 * while it runs the decision deadline is not escalated; on resume the deadline is counted again from
 * receipt with the paused calendar days added (`pausedCalendarDays`), its provisional flag with it.
 */
import { z } from 'zod';
import { calendarById } from '../calendars/calendar';
import { conflict, invalid, ruleViolation } from '../errors';
import { pausedCalendarDays } from '../sla/pauses';
import { cleanText } from '../text';
import { ACTION_STATUSES } from './available-actions';
import { type ComplaintRecord, FeedbackChannelSchema, type PauseRecord } from './complaint-schema';
import { recomputeDeadlines, withProvisional } from './deadline-flags';
import { type ActionContext, notAfter, requireStatus, type Transition } from './transitions';

const Instant = z.iso.datetime({ offset: true });

export const PauseInputSchema = z.strictObject({
  reason: cleanText(2000),
  /** When the appraisal began; now when absent. Not in the future, not before receipt or the last pause's end. */
  from: Instant.optional(),
  /** How the complainant was told; `sentAt` now when absent. */
  notice: z.strictObject({ channel: FeedbackChannelSchema, sentAt: Instant.optional() }),
});
export const ResumeInputSchema = z.strictObject({
  /** When the appraisal ended; now when absent. */
  at: Instant.optional(),
});

const iso = (s: string) => new Date(s).toISOString();

const notBefore = (field: string, at: string, limit: string, message: string) => {
  if (Date.parse(at) < Date.parse(limit))
    throw invalid('invalid_request', `${field}: ${message}`, [{ path: [field], message }]);
};

export function pause(r: ComplaintRecord, input: z.infer<typeof PauseInputSchema>, ctx: ActionContext): Transition {
  requireStatus(r, ACTION_STATUSES.pause, 'pause');
  if (r.pause) {
    throw conflict('already_paused', `the complaint is already paused since ${r.pause.from}; resume it first`, {
      pausedSince: r.pause.from,
    });
  }
  if (ctx.at > r.deadlines.decision)
    throw ruleViolation('deadline_passed', 'the decision deadline has passed; the clock can no longer be paused');
  const from = input.from ? iso(input.from) : ctx.at;
  notAfter('from', from, ctx.at, 'must not be in the future');
  const lastEnd = r.pauses?.at(-1)?.to;
  notBefore(
    'from',
    from,
    lastEnd ?? r.receivedAt,
    lastEnd ? 'must not be before the last pause ended' : 'must not be before receipt',
  );
  const sentAt = input.notice.sentAt ? iso(input.notice.sentAt) : ctx.at;
  notAfter('notice.sentAt', sentAt, ctx.at, 'must not be in the future');
  const record: PauseRecord = {
    from,
    reason: input.reason,
    by: ctx.actor,
    at: ctx.at,
    notice: { channel: input.notice.channel, sentAt },
  };
  return {
    patch: { pause: record },
    // The reason is free text staff wrote: on the record, never in the event.
    events: [
      {
        type: 'paused',
        data: { from, channel: input.notice.channel, noticeSentAt: sentAt, deadline: r.deadlines.decision },
      },
    ],
    counts: { paused: 1 },
    // The waiting step's next checkpoint may be one of the decision deadline's: its tick skips them now.
    signal: { step: 'current', outcome: 'rearm' },
  };
}

export function resume(r: ComplaintRecord, input: z.infer<typeof ResumeInputSchema>, ctx: ActionContext): Transition {
  requireStatus(r, ACTION_STATUSES.resume, 'resume');
  if (!r.pause) throw conflict('not_paused', 'the complaint is not paused');
  const to = input.at ? iso(input.at) : ctx.at;
  notAfter('at', to, ctx.at, 'must not be in the future');
  notBefore('at', to, r.pause.from, 'must not be before the pause began');
  const days = pausedCalendarDays([{ from: r.pause.from, to }], ctx.timezone);
  const ended: PauseRecord = { ...r.pause, to, resumedBy: ctx.actor, days };
  const pauses = [...(r.pauses ?? []), ended];
  // Counted again from receipt with every ended pause: the same arithmetic as a calendar load's recount.
  const next = recomputeDeadlines({ ...r, pauses }, ctx.policy, ctx.timezone, ctx.calendars ?? calendarById);
  const deadlines = {
    ...r.deadlines,
    decision: next.deadlines.decision,
    ...(next.deadlines.originalDecision && { originalDecision: next.deadlines.originalDecision }),
  };
  const flags = withProvisional(r, {
    decision: next.provisionalDeadlines.decision,
    ...(next.provisionalDeadlines.originalDecision !== undefined && {
      originalDecision: next.provisionalDeadlines.originalDecision,
    }),
  });
  const moved = deadlines.decision !== r.deadlines.decision;
  return {
    patch: { pause: undefined, pauses, deadlines, ...flags },
    events: [
      { type: 'resumed', data: { from: r.pause.from, to, pausedDays: days, deadline: deadlines.decision } },
      ...(moved
        ? [
            {
              type: 'deadlines_recalculated' as const,
              data: { cause: 'pause', previous: r.deadlines, deadlines, provisional: flags.deadlinesProvisional },
            },
          ]
        : []),
    ],
    counts: { resumed: 1 },
    // Checkpoints re-armed: the waiting step's tick counts to the new deadline.
    signal: { step: 'current', outcome: 'rearm' },
  };
}
