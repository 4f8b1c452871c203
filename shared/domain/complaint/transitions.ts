import { z } from 'zod';
import type { CalendarResolver } from '../calendars/calendar';
import { conflict, invalid, ruleViolation } from '../errors';
import type { EventType } from '../events/event-schema';
import type { ProtectedText } from '../events/protected-text';
import { computeDeadlines, type SlaPolicy } from '../sla';
import { ExtensionTierIdSchema } from '../sla/policy-schema';
import { TenantIdSchema } from '../tenant/tenant-schema';
import { UnitIdSchema, type UnitTree } from '../tenant/units';
import { cleanText, optionalCleanText } from '../text';
import { ACTION_STATUSES } from './available-actions';
import {
  type ComplaintRecord,
  FeedbackChannelSchema,
  OutcomeSchema,
  RemedySchema,
  ReviewOutcomeSchema,
  type WorkflowPosition,
} from './complaint-schema';
import { countedPauses, extendedFlags, flagOf, withProvisional } from './deadline-flags';
import type { WaitStep } from './lifecycle';
import type { ComplaintStatus } from './status';

export const AcknowledgeSchema = z.strictObject({});
/** `assignee` is the handler's user id (the `sub` of their token): recusal in review compares it. */
export const AssignSchema = z.strictObject({ unitId: UnitIdSchema, assignee: cleanText(200) });
export const ExtendSchema = z.strictObject({
  tier: ExtensionTierIdSchema,
  reason: cleanText(2000),
  /** Who at the superior institution (or head office senior manager) approved an especially complex extension. */
  approvedBy: optionalCleanText(200),
  /** How the complainant was told the new date and the reason; defaults to the intake channel, now. */
  notice: z
    .strictObject({ channel: FeedbackChannelSchema, sentAt: z.iso.datetime({ offset: true }).optional() })
    .optional(),
});
export const DecisionInputSchema = z.strictObject({
  outcome: OutcomeSchema,
  summary: cleanText(10_000),
  remedy: optionalCleanText(2000),
  remediesAvailable: z.array(RemedySchema).min(1).optional(),
});
export const FeedbackInputSchema = z.strictObject({
  channel: FeedbackChannelSchema,
  deliveredAt: z.iso.datetime({ offset: true }),
  summary: cleanText(5000),
});
export const ReviewRequestSchema = z.strictObject({ reason: cleanText(5000) });
export const ReviewDecisionInputSchema = z.strictObject({ outcome: ReviewOutcomeSchema, summary: cleanText(10_000) });
export const WithdrawSchema = z.strictObject({ reason: optionalCleanText(2000) });
export const DeclineReasonCodeSchema = z.enum([
  'not_a_complaint',
  'duplicate',
  'outside_scope',
  'already_in_litigation_or_arbitration',
  'no_contact_possible',
  'anonymous',
  'other',
]);
export const DeclineSchema = z.strictObject({ reasonCode: DeclineReasonCodeSchema, reason: optionalCleanText(2000) });
export const TransferSchema = z.strictObject({ toTenantId: TenantIdSchema, reason: cleanText(2000) });

/**
 * What a wait in the state machine is told when an action completes it, and which step's wait: the
 * step the action was judged to complete. `current` (only for `ended` and `rearm`, which every
 * Route takes safely) is whichever step the execution waits at.
 */
export type Signal =
  | { step: WaitStep; outcome: 'done' | 'review_requested' }
  | { step: WaitStep | 'current'; outcome: 'ended' | 'rearm' };

/** What a staff action changes: new field values, the events it records, counters, and the wait it completes. */
export type Transition = {
  patch: Partial<ComplaintRecord>;
  /** `text`: protected free text stored beside its event, committed to by the event's `textDigest`. */
  events: { type: EventType; data: Record<string, unknown>; text?: ProtectedText }[];
  counts?: Record<string, number>;
  /** Complete the token of that step, if the execution waits there (and, for `ended`, every referral's). */
  signal?: Signal;
  /** The workflow's own bookkeeping: where its execution now waits (stored beside the complaint). */
  position?: Omit<WorkflowPosition, 'version'>;
};

/**
 * What an action may know besides the complaint: who, when, the policy in force, the calendars. Not
 * where the workflow's execution is: an action is judged by the complaint's record alone, so one
 * the record allows is accepted at once, however far the execution has got.
 */
export type ActionContext = {
  at: string;
  actor: string;
  policy: SlaPolicy;
  timezone: string;
  /** The calendars with the operator's loaded years; the shipped data when absent. */
  calendars?: CalendarResolver;
};

/** The one conflict the record justifies: the action does not fit the status it recorded. */
export function requireStatus(r: ComplaintRecord, allowed: readonly ComplaintStatus[], action: string) {
  if (!allowed.includes(r.status)) {
    throw conflict('wrong_step', `${action} is not possible while the complaint is ${r.status.replaceAll('_', ' ')}`, {
      status: r.status,
    });
  }
}

/** Partners asked for feedback must have answered (or the referral ended) before the decision. */
function requireReferralsClosed(r: ComplaintRecord) {
  const open = r.referrals.filter((x) => x.status === 'open').map((x) => x.partnerTenantId);
  if (open.length > 0) {
    throw conflict('wrong_step', `decision is not possible while partner feedback is awaited from ${open.join(', ')}`, {
      status: r.status,
      awaitingPartners: open,
    });
  }
}

/** Actions the decision deadline depends on wait for a running pause to end. */
function requireNotPaused(r: ComplaintRecord, action: string) {
  if (r.pause) {
    throw conflict(
      'paused',
      `${action} is not possible while the complaint is paused (since ${r.pause.from}); resume it first`,
      { pausedSince: r.pause.from },
    );
  }
}

/** Ending the complaint ends a running pause with it. */
const endPause = (r: ComplaintRecord, at: string): Partial<ComplaintRecord> =>
  r.pause ? { pause: undefined, pauses: [...(r.pauses ?? []), { ...r.pause, to: at }] } : {};

export const notAfter = (field: string, at: string, limit: string, message: string) => {
  if (Date.parse(at) > Date.parse(limit))
    throw invalid('invalid_request', `${field}: ${message}`, [{ path: [field], message }]);
};

export function acknowledge(r: ComplaintRecord, ctx: ActionContext): Transition {
  requireStatus(r, ACTION_STATUSES.acknowledge, 'acknowledge');
  const onTime = ctx.at <= r.deadlines.acknowledgement;
  return {
    patch: { status: 'acknowledged' },
    events: [{ type: 'acknowledged', data: { onTime } }],
    counts: { [onTime ? 'acknowledged.onTime' : 'acknowledged.late']: 1 },
    signal: { step: 'acknowledgement', outcome: 'done' },
  };
}

/**
 * Assignment starts the investigation; before the decision it may be changed as often as needed.
 * Only to a unit of the institution's own hierarchy: escalation walks up from it.
 */
export function assign(
  r: ComplaintRecord,
  input: z.infer<typeof AssignSchema>,
  units: UnitTree | undefined,
): Transition {
  if (!units?.units.some((u) => u.id === input.unitId)) {
    throw invalid('invalid_request', 'unitId: no such unit; see GET /v1/units', [
      { path: ['unitId'], message: 'no such unit; see GET /v1/units' },
    ]);
  }
  requireStatus(r, ACTION_STATUSES.assign, 'assign');
  return {
    patch: {
      unitId: input.unitId,
      assignee: input.assignee,
      ...(r.status === 'acknowledged' && { status: 'investigating' as const }),
    },
    events: [{ type: 'assigned', data: { unitId: input.unitId, assignee: input.assignee, previousUnitId: r.unitId } }],
  };
}

/**
 * Moves the decision deadline to the tier's total (counted from receipt) before it has passed. An
 * especially complex extension needs the superior institution's approval; the complainant is told.
 */
export function extend(r: ComplaintRecord, input: z.infer<typeof ExtendSchema>, ctx: ActionContext): Transition {
  requireStatus(r, ACTION_STATUSES.extend, 'extend');
  requireNotPaused(r, 'extend');
  const tier = ctx.policy.extensions[input.tier];
  if (!tier)
    throw ruleViolation('extension_not_in_policy', `policy ${ctx.policy.id} allows no ${input.tier} extension`);
  if (tier.requiresApproval && !input.approvedBy) {
    throw ruleViolation(
      'approval_required',
      `a ${input.tier} extension needs approvedBy: the superior institution or a head-office senior manager`,
    );
  }
  if (ctx.at > r.deadlines.decision)
    throw ruleViolation('deadline_passed', 'the decision deadline has passed; it can no longer be extended');
  const computed = computeDeadlines(
    {
      policy: ctx.policy,
      receivedAt: r.receivedAt,
      timezone: ctx.timezone,
      extension: input.tier,
      pauses: countedPauses(r),
    },
    ctx.calendars,
  );
  const extended = computed.extendedDecision!;
  if (extended <= r.deadlines.decision) {
    throw ruleViolation(
      'extension_not_later',
      `a ${input.tier} extension would not move the decision deadline (${r.deadlines.decision}) later`,
    );
  }
  const noticeChannel = input.notice?.channel ?? r.channel;
  const noticeAt = input.notice?.sentAt ? new Date(input.notice.sentAt).toISOString() : ctx.at;
  notAfter('notice.sentAt', noticeAt, ctx.at, 'must not be in the future');
  return {
    patch: {
      deadlines: {
        ...r.deadlines,
        decision: extended,
        originalDecision: r.deadlines.originalDecision ?? r.deadlines.decision,
      },
      ...extendedFlags(r, computed),
      extension: {
        tier: input.tier,
        reason: input.reason,
        ...(input.approvedBy && { approvedBy: input.approvedBy }),
        at: ctx.at,
        by: ctx.actor,
        noticeChannel,
      },
    },
    events: [
      {
        type: 'extended',
        data: {
          tier: input.tier,
          previousDeadline: r.deadlines.decision,
          deadline: extended,
          approved: Boolean(input.approvedBy),
        },
      },
      { type: 'extension_notice_sent', data: { channel: noticeChannel, sentAt: noticeAt, deadline: extended } },
    ],
    counts: { [`extended.${input.tier}`]: 1 },
    // The waiting step's timer may depend on the decision deadline: its tick computes it again.
    signal: { step: 'current', outcome: 'rearm' },
  };
}

export function decide(r: ComplaintRecord, input: z.infer<typeof DecisionInputSchema>, ctx: ActionContext): Transition {
  requireStatus(r, ACTION_STATUSES.decision, 'decision');
  requireReferralsClosed(r);
  requireNotPaused(r, 'decision');
  const onTime = ctx.at <= r.deadlines.decision;
  const remedies =
    input.remediesAvailable ??
    (ctx.policy.reviewRequestWindow
      ? ['review', 'mediation', 'arbitration', 'litigation']
      : ['ombudsman', 'litigation']);
  return {
    patch: {
      status: 'decided',
      decision: {
        outcome: input.outcome,
        summary: input.summary,
        ...(input.remedy && { remedy: input.remedy }),
        remediesAvailable: remedies,
        decidedAt: ctx.at,
        decidedBy: ctx.actor,
        onTime,
      },
    },
    events: [{ type: 'decided', data: { outcome: input.outcome, onTime, remediesAvailable: remedies } }],
    counts: { [onTime ? 'decided.onTime' : 'decided.late']: 1, [`decided.${input.outcome}`]: 1 },
    signal: { step: 'decision', outcome: 'done' },
  };
}

/** Records that the complainant was told the decision (or the review decision); mandatory before closing. */
export function recordFeedback(
  r: ComplaintRecord,
  input: z.infer<typeof FeedbackInputSchema>,
  ctx: ActionContext,
): Transition {
  requireStatus(r, ACTION_STATUSES.feedback, 'feedback');
  const deliveredAt = new Date(input.deliveredAt).toISOString();
  notAfter('deliveredAt', deliveredAt, ctx.at, 'must not be in the future');
  const review = r.status === 'reviewed';
  const since = review ? r.reviewDecision?.decidedAt : r.decision?.decidedAt;
  if (since && deliveredAt < since) {
    throw invalid('invalid_request', 'deliveredAt: must not be before the decision', [
      { path: ['deliveredAt'], message: 'must not be before the decision' },
    ]);
  }
  if (review) {
    const onTime = !r.deadlines.reviewDecision || deliveredAt <= r.deadlines.reviewDecision;
    return {
      patch: {
        status: 'review_feedback_delivered',
        reviewFeedback: { channel: input.channel, deliveredAt, summary: input.summary, recordedBy: ctx.actor, onTime },
      },
      events: [{ type: 'review_feedback_delivered', data: { channel: input.channel, deliveredAt, onTime } }],
      signal: { step: 'review_feedback', outcome: 'done' },
    };
  }
  const onTime = deliveredAt <= r.deadlines.decision;
  const computed = computeDeadlines(
    { policy: ctx.policy, receivedAt: r.receivedAt, timezone: ctx.timezone, feedbackAt: deliveredAt },
    ctx.calendars,
  );
  const window = computed.reviewRequest;
  return {
    patch: {
      status: 'feedback_delivered',
      feedback: { channel: input.channel, deliveredAt, summary: input.summary, recordedBy: ctx.actor, onTime },
      deadlines: { ...r.deadlines, ...(window && { reviewRequest: window }) },
      ...(window && withProvisional(r, { reviewRequest: flagOf(computed, 'reviewRequest') })),
      // The notice is part of the duty: told late is late, whenever the decision itself was made.
      ...(!onTime && { overdue: true }),
    },
    events: [
      {
        type: 'feedback_delivered',
        data: { channel: input.channel, deliveredAt, onTime, reviewRequestDeadline: window ?? null },
      },
    ],
    counts: { [onTime ? 'feedback.onTime' : 'feedback.late']: 1 },
    signal: { step: 'feedback', outcome: 'done' },
  };
}

export function requestReview(
  r: ComplaintRecord,
  input: z.infer<typeof ReviewRequestSchema>,
  ctx: ActionContext,
): Transition {
  if (!ctx.policy.reviewRequestWindow)
    throw ruleViolation('no_review_stage', `policy ${ctx.policy.id} has no internal review stage`);
  // A late request is refused for its lateness, also after the lifecycle closed at the window's end.
  if (r.deadlines.reviewRequest && ctx.at > r.deadlines.reviewRequest) {
    throw ruleViolation('review_window_closed', `the window to request a review ended at ${r.deadlines.reviewRequest}`);
  }
  requireStatus(r, ACTION_STATUSES['review-request'], 'review-request');
  const computed = computeDeadlines(
    { policy: ctx.policy, receivedAt: r.receivedAt, timezone: ctx.timezone, reviewRequestedAt: ctx.at },
    ctx.calendars,
  );
  const reviewDecision = computed.reviewDecision;
  return {
    patch: {
      status: 'review_requested',
      reviewRequest: { reason: input.reason, requestedAt: ctx.at },
      deadlines: { ...r.deadlines, ...(reviewDecision && { reviewDecision }) },
      ...(reviewDecision && withProvisional(r, { reviewDecision: flagOf(computed, 'reviewDecision') })),
      // A new deadline, a new duty: overdue from here is about the review.
      overdue: false,
      escalationLevel: 0,
    },
    events: [
      ...(r.status === 'feedback_delivered'
        ? [{ type: 'review_window_opened' as const, data: { until: r.deadlines.reviewRequest ?? null } }]
        : []),
      { type: 'review_requested', data: { reviewDecisionDeadline: reviewDecision ?? null } },
    ],
    counts: { reviewRequested: 1 },
    signal: { step: 'review_window', outcome: 'review_requested' },
  };
}

/** Whether that person had a hand in the original handling or decision: then they may not decide the review. */
export const recused = (r: ComplaintRecord, actor: string) => actor === r.decision?.decidedBy || actor === r.assignee;

/** The reviewer must have had no hand in the original decision (recusal). */
export function decideReview(
  r: ComplaintRecord,
  input: z.infer<typeof ReviewDecisionInputSchema>,
  ctx: ActionContext,
): Transition {
  requireStatus(r, ACTION_STATUSES['review-decision'], 'review-decision');
  if (recused(r, ctx.actor)) {
    throw ruleViolation('recusal', 'the reviewer must not be the original handler or decision maker');
  }
  const onTime = !r.deadlines.reviewDecision || ctx.at <= r.deadlines.reviewDecision;
  return {
    patch: {
      status: 'reviewed',
      reviewDecision: {
        outcome: input.outcome,
        summary: input.summary,
        decidedAt: ctx.at,
        decidedBy: ctx.actor,
        onTime,
      },
    },
    events: [{ type: 'reviewed', data: { outcome: input.outcome, onTime } }],
    counts: { [onTime ? 'reviewed.onTime' : 'reviewed.late']: 1, [`reviewed.${input.outcome}`]: 1 },
    signal: { step: 'review_decision', outcome: 'done' },
  };
}

/** An ending closes the partners' referrals too: their links on the complaint say so. */
const cancelledLinks = (r: ComplaintRecord) =>
  r.referrals.map((x) => (x.status === 'open' ? { ...x, status: 'cancelled' as const } : x));

const endable = (r: ComplaintRecord, action: 'withdraw' | 'decline' | 'transfer') => {
  if (!ACTION_STATUSES[action].includes(r.status))
    throw conflict('wrong_step', `${action} is not possible: the complaint is already ${r.status}`, {
      status: r.status,
    });
};

/** A withdrawal ends the procedure on the day it is received (CBIRC Order 2020 No. 3 Art. 15). */
export function withdraw(r: ComplaintRecord, input: z.infer<typeof WithdrawSchema>, ctx: ActionContext): Transition {
  endable(r, 'withdraw');
  return {
    patch: {
      status: 'withdrawn',
      referrals: cancelledLinks(r),
      ...endPause(r, ctx.at),
      ended: { kind: 'withdrawn', at: ctx.at, by: ctx.actor, ...(input.reason && { reason: input.reason }) },
    },
    events: [{ type: 'withdrawn', data: { fromStatus: r.status } }],
    counts: { withdrawn: 1 },
    signal: { step: 'current', outcome: 'ended' },
  };
}

export function decline(r: ComplaintRecord, input: z.infer<typeof DeclineSchema>, ctx: ActionContext): Transition {
  endable(r, 'decline');
  if (r.decision) throw conflict('wrong_step', 'a decided complaint cannot be declined', { status: r.status });
  return {
    patch: {
      status: 'declined',
      referrals: cancelledLinks(r),
      ...endPause(r, ctx.at),
      ended: {
        kind: 'declined',
        at: ctx.at,
        by: ctx.actor,
        reasonCode: input.reasonCode,
        ...(input.reason && { reason: input.reason }),
      },
    },
    events: [{ type: 'declined', data: { reasonCode: input.reasonCode, fromStatus: r.status } }],
    counts: { declined: 1, [`declined.${input.reasonCode}`]: 1 },
    signal: { step: 'current', outcome: 'ended' },
  };
}

/** The source side of a transfer; the application creates the complaint at the receiving institution. */
export function transferOut(
  r: ComplaintRecord,
  input: z.infer<typeof TransferSchema>,
  ctx: ActionContext & { tenantId: string; toComplaintId: string },
): Transition {
  endable(r, 'transfer');
  if (r.decision) throw conflict('wrong_step', 'a decided complaint cannot be transferred', { status: r.status });
  if (input.toTenantId === ctx.tenantId)
    throw invalid('invalid_request', 'toTenantId: cannot transfer to the same institution', [
      { path: ['toTenantId'], message: 'cannot transfer to the same institution' },
    ]);
  return {
    patch: {
      status: 'transferred',
      referrals: cancelledLinks(r),
      ...endPause(r, ctx.at),
      ended: {
        kind: 'transferred',
        at: ctx.at,
        by: ctx.actor,
        reason: input.reason,
        toTenantId: input.toTenantId,
        toComplaintId: ctx.toComplaintId,
      },
    },
    events: [
      {
        type: 'transferred',
        data: { toTenantId: input.toTenantId, toComplaintId: ctx.toComplaintId, fromStatus: r.status },
      },
    ],
    counts: { transferredOut: 1 },
    signal: { step: 'current', outcome: 'ended' },
  };
}
