import { z } from 'zod';
import { ExtensionTierIdSchema } from '../sla/policy-schema';
import { ChannelSchema } from '../taxonomy';
import { EXECUTION_NAME } from './execution-name';
import { AgentSchema, AttachmentSchema, ComplainantSchema, MoneySchema } from './intake-schema';
import { ReferralStatusSchema } from './referral';
import { ComplaintStatusSchema } from './status';
import { WaitStepSchema } from './wait-step';

export const DeadlinesSchema = z.object({
  acknowledgement: z.string(),
  decision: z.string(),
  /** The decision deadline as first computed, kept when an extension moves `decision`. */
  originalDecision: z.string().optional(),
  reviewRequest: z.string().optional(),
  reviewDecision: z.string().optional(),
});

/** Per deadline: counted over a year whose holiday schedule was not published (or loaded) yet. */
export const ProvisionalDeadlinesSchema = z.object({
  acknowledgement: z.boolean(),
  decision: z.boolean(),
  originalDecision: z.boolean().optional(),
  reviewRequest: z.boolean().optional(),
  reviewDecision: z.boolean().optional(),
});

export const OutcomeSchema = z.enum(['upheld', 'partially_upheld', 'not_upheld']);
export const ReviewOutcomeSchema = z.enum(['original_upheld', 'changed']);
/** What a decision notice must list (regulation.md: review, mediation, arbitration, litigation). */
export const RemedySchema = z.enum(['review', 'mediation', 'arbitration', 'litigation', 'ombudsman', 'regulator']);
export const FeedbackChannelSchema = z.enum(['phone', 'email', 'letter', 'sms', 'in_person', 'app', 'web']);

export const DecisionSchema = z.object({
  outcome: OutcomeSchema,
  summary: z.string(),
  remedy: z.string().optional(),
  remediesAvailable: z.array(RemedySchema),
  decidedAt: z.string(),
  decidedBy: z.string(),
  onTime: z.boolean(),
});

export const FeedbackRecordSchema = z.object({
  channel: FeedbackChannelSchema,
  deliveredAt: z.string(),
  summary: z.string(),
  recordedBy: z.string(),
  onTime: z.boolean(),
});

export const ReferralLinkSchema = z.object({
  partnerTenantId: z.string(),
  referralId: z.string(),
  status: ReferralStatusSchema,
  deadline: z.string().optional(),
  position: z.string().optional(),
  summary: z.string().optional(),
  answeredAt: z.string().optional(),
  /** Lapsed or waived: when, by whom and why the decision went ahead without the partner. */
  endedAt: z.string().optional(),
  endedBy: z.string().optional(),
  reason: z.string().optional(),
  escalationLevel: z.number().int().default(0),
  /** The referral's last escalation checkpoint recorded on this complaint. */
  firedUntil: z.string().nullable().optional(),
});

/**
 * Where the complaint's execution waits, and what of that step's escalation has fired already.
 * Stored beside the complaint, not in it: the engine's bookkeeping must not change the version
 * staff act on.
 */
export const WorkflowPositionSchema = z.object({
  step: WaitStepSchema,
  since: z.string(),
  firedUntil: z.string().nullable(),
  token: z.string().nullable(),
  /** Escalations emitted so far, for the cap on what one complaint may emit in all (past it, counting those summed up). */
  escalated: z.number().int().min(0).optional(),
  /**
   * The execution that waits here, once a restart has named it other than the complaint (absent:
   * the complaint id). Kept by every later write, so whoever signals, describes or resumes the
   * lifecycle finds the execution that runs it.
   */
  execution: z.string().regex(EXECUTION_NAME).optional(),
  /**
   * When the wait that holds `token` times out (its next checkpoint), stored with the token: a
   * restarted local engine parks the lifecycle again from here without running the definition.
   * Absent on positions stored before it was, and after a tick (the wait that follows stores it).
   */
  dueAt: z.string().optional(),
  version: z.number().int(),
});

/**
 * A stop of the clock for external appraisal, testing or valuation, and the notice that told the
 * complainant. `to` (with `days`, the calendar days it suspended) once resumed.
 */
export const PauseRecordSchema = z.object({
  from: z.string(),
  reason: z.string(),
  by: z.string(),
  at: z.string(),
  notice: z.object({ channel: FeedbackChannelSchema, sentAt: z.string() }),
  to: z.string().optional(),
  resumedBy: z.string().optional(),
  days: z.number().int().nonnegative().optional(),
});

/** Lifecycle facts shared by the stored record and the view. */
const LifecycleFields = {
  /** The pause running now: the decision deadline does not run meanwhile. */
  pause: PauseRecordSchema.optional(),
  /** Pauses that ended, oldest first: each moved the decision deadline by its days. */
  pauses: z.array(PauseRecordSchema).optional(),
  decision: DecisionSchema.optional(),
  feedback: FeedbackRecordSchema.optional(),
  extension: z
    .object({
      tier: ExtensionTierIdSchema,
      reason: z.string(),
      approvedBy: z.string().optional(),
      at: z.string(),
      by: z.string(),
      noticeChannel: z.string(),
    })
    .optional(),
  reviewRequest: z.object({ reason: z.string(), requestedAt: z.string() }).optional(),
  reviewDecision: z
    .object({
      outcome: ReviewOutcomeSchema,
      summary: z.string(),
      decidedAt: z.string(),
      decidedBy: z.string(),
      onTime: z.boolean(),
    })
    .optional(),
  reviewFeedback: FeedbackRecordSchema.optional(),
  ended: z
    .object({
      kind: z.enum(['withdrawn', 'declined', 'transferred']),
      at: z.string(),
      by: z.string(),
      reason: z.string().optional(),
      reasonCode: z.string().optional(),
      toTenantId: z.string().optional(),
      toComplaintId: z.string().optional(),
    })
    .optional(),
  transferredFrom: z.object({ tenantId: z.string(), complaintId: z.string(), reference: z.string() }).optional(),
  referrals: z.array(ReferralLinkSchema).default([]),
  closedAt: z.string().optional(),
  /** When staff last recorded a contact with the complainant (`POST /v1/complaints/{id}/contacts`). */
  lastContactAt: z.string().optional(),
};

/**
 * The policy version a complaint was registered under: preset id and version, and the tenant's
 * override revision (absent on complaints registered before policies were versioned).
 */
export const PolicyRefSchema = z.object({
  id: z.string(),
  version: z.string(),
  revision: z.number().int().nonnegative().optional(),
});
export type PolicyRef = { id: string; version: string; revision: number };

/** What the API returns: personal data either clear (pii:read) or masked, never the ciphertext. */
export const ComplaintViewSchema = z.object({
  id: z.string(),
  reference: z.string(),
  status: ComplaintStatusSchema,
  overdue: z.boolean(),
  receivedAt: z.string(),
  channel: ChannelSchema,
  category: z.string(),
  reason: z.string(),
  product: z.string().optional(),
  /** In clear for pii:read, else the copy redacted at write time (`descriptionMasked` says which). */
  description: z.string(),
  descriptionMasked: z.boolean(),
  amountInDispute: MoneySchema.optional(),
  complainant: ComplainantSchema.or(z.record(z.string(), z.string())),
  complainantMasked: z.boolean(),
  agent: AgentSchema.optional(),
  unitId: z.string().nullable(),
  assignee: z.string().nullable(),
  partners: z.array(z.string()),
  attachments: z.array(AttachmentSchema),
  deadlines: DeadlinesSchema,
  /** Any of `provisionalDeadlines`. */
  deadlinesProvisional: z.boolean(),
  /** Absent on complaints registered before deadlines were flagged one by one. */
  provisionalDeadlines: ProvisionalDeadlinesSchema.optional(),
  policy: PolicyRefSchema,
  escalationLevel: z.number().int(),
  repeatOf: z.string().nullable(),
  /** The regulator's reference when it forwarded the complaint (channel `regulator_transfer`). */
  regulatorReference: z.string().optional(),
  ...LifecycleFields,
  /** The step the lifecycle waits at (null once it ended). */
  waitingFor: z.string().nullable().optional(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export type ComplaintView = z.infer<typeof ComplaintViewSchema>;

/** What the regulator sees of a complaint: no complainant or agent at all, the description always redacted. */
export const RegulatorComplaintViewSchema = ComplaintViewSchema.omit({
  complainant: true,
  agent: true,
  complainantMasked: true,
});
export type RegulatorComplaintView = z.infer<typeof RegulatorComplaintViewSchema>;
export type Deadlines = z.infer<typeof DeadlinesSchema>;
export type ProvisionalDeadlines = z.infer<typeof ProvisionalDeadlinesSchema>;
export type ReferralLink = z.infer<typeof ReferralLinkSchema>;
export type PauseRecord = z.infer<typeof PauseRecordSchema>;
export type WorkflowPosition = z.infer<typeof WorkflowPositionSchema>;

/**
 * The stored complaint: the view's plain fields, plus personal data as per-field ciphertext (JWE) and
 * its masked rendering, computed once at write time so lists never decrypt.
 */
export const ComplaintRecordSchema = ComplaintViewSchema.omit({
  complainant: true,
  agent: true,
  complainantMasked: true,
  description: true,
  descriptionMasked: true,
  waitingFor: true,
}).extend({
  tenantId: z.string(),
  complainantEnc: z.record(z.string(), z.string()),
  complainantMasked: z.record(z.string(), z.string()),
  /** The description as JWE (field `description`); absent on records stored before it was encrypted. */
  descriptionEnc: z.string().optional(),
  /** The redacted copy, computed with the ciphertext. */
  descriptionMasked: z.string().optional(),
  /** Records stored before descriptions were encrypted hold it here in clear; new records never do. */
  description: z.string().optional(),
  agentEnc: z.record(z.string(), z.string()).optional(),
  agentMasked: z.record(z.string(), z.string()).optional(),
  consumerKey: z.string(),
  createdBy: z.string(),
  lastSeq: z.number().int(),
  lastHash: z.string(),
});
export type ComplaintRecord = z.infer<typeof ComplaintRecordSchema>;
