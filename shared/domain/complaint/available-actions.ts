/**
 * Which staff actions a complaint's record allows now. One table says in which statuses each action
 * fits (the transitions check exactly these lists); the other facts of the record that refuse an
 * action (a running pause, open referrals, a decision, the review window, the policy's stages) are
 * beside it, so the console offers exactly what the API would accept. Who may act is the role
 * matrix's business (shared/auth/roles), not the record's.
 */
import { z } from 'zod';
import type { SlaPolicy } from '../sla';
import type { ComplaintRecord } from './complaint-schema';
import { type ComplaintStatus, ComplaintStatusSchema, isOpen } from './status';

/** Every staff action, by the name its route carries (`POST /v1/complaints/{id}/<name>`). */
export const StaffActionNameSchema = z.enum([
  'acknowledge',
  'assign',
  'extend',
  'pause',
  'resume',
  'decision',
  'feedback',
  'review-request',
  'review-decision',
  'withdraw',
  'decline',
  'transfer',
  'proceed-without-partner',
]);
export type StaffActionName = z.infer<typeof StaffActionNameSchema>;

/** Partners are still asked, the deadline may still move, the handler may still change: before the decision. */
const BEFORE_DECISION = ['received', 'acknowledged', 'investigating'] as const;
/** Acknowledged and not yet decided: the decision is being worked on. */
const PENDING = ['acknowledged', 'investigating'] as const;
/** An ending is possible from any status that has not ended. */
const OPEN = ComplaintStatusSchema.options.filter(isOpen);

/** The statuses each action fits; any other status is 409 `wrong_step`. */
export const ACTION_STATUSES: Readonly<Record<StaffActionName, readonly ComplaintStatus[]>> = {
  acknowledge: ['received'],
  assign: BEFORE_DECISION,
  extend: BEFORE_DECISION,
  pause: PENDING,
  resume: PENDING,
  decision: PENDING,
  // The review decision is told to the complainant as the decision was.
  feedback: ['decided', 'reviewed'],
  // The window opens with the feedback; the workflow's record of it may still be on its way.
  'review-request': ['feedback_delivered', 'review_window'],
  'review-decision': ['review_requested'],
  withdraw: OPEN,
  decline: OPEN,
  transfer: OPEN,
  'proceed-without-partner': BEFORE_DECISION,
};

/** What besides the record decides: the moment, and the policy the complaint is handled under. */
export type AvailabilityContext = {
  now: string;
  policy: Pick<SlaPolicy, 'extensions' | 'reviewRequestWindow'>;
};

const hasOpenReferral = (r: ComplaintRecord) => r.referrals.some((x) => x.status === 'open');
const before = (now: string, deadline: string | undefined) => deadline === undefined || now <= deadline;

/** The record's other refusals, action by action (each transition throws the matching 409 or 422). */
const FURTHER: Partial<Record<StaffActionName, (r: ComplaintRecord, o: AvailabilityContext) => boolean>> = {
  extend: (r, o) => !r.pause && before(o.now, r.deadlines.decision) && Object.values(o.policy.extensions).some(Boolean),
  pause: (r, o) => !r.pause && before(o.now, r.deadlines.decision),
  resume: (r) => r.pause !== undefined,
  decision: (r) => !r.pause && !hasOpenReferral(r),
  'review-request': (r, o) => o.policy.reviewRequestWindow !== null && before(o.now, r.deadlines.reviewRequest),
  decline: (r) => r.decision === undefined,
  transfer: (r) => r.decision === undefined,
  'proceed-without-partner': hasOpenReferral,
};

/** Whether the record allows that action now (the input may still be refused). */
export const actionAllowed = (r: ComplaintRecord, name: StaffActionName, o: AvailabilityContext): boolean =>
  ACTION_STATUSES[name].includes(r.status) && (FURTHER[name]?.(r, o) ?? true);

/** The actions the record allows now, in the table's order. */
export const availableActions = (r: ComplaintRecord, o: AvailabilityContext): StaffActionName[] =>
  StaffActionNameSchema.options.filter((name) => actionAllowed(r, name, o));
