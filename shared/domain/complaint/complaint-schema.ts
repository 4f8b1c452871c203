import { z } from 'zod';
import { ChannelSchema } from '../taxonomy';
import { AgentSchema, AttachmentSchema, ComplainantSchema, MoneySchema } from './intake-schema';
import { ComplaintStatusSchema } from './status';

export const DeadlinesSchema = z.object({
  acknowledgement: z.string(),
  decision: z.string(),
  /** The decision deadline as first computed, kept when an extension moves `decision`. */
  originalDecision: z.string().optional(),
  reviewRequest: z.string().optional(),
  reviewDecision: z.string().optional(),
});

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
  description: z.string(),
  amountInDispute: MoneySchema.optional(),
  complainant: ComplainantSchema.or(z.record(z.string(), z.string())),
  complainantMasked: z.boolean(),
  agent: AgentSchema.optional(),
  unitId: z.string().nullable(),
  assignee: z.string().nullable(),
  partners: z.array(z.string()),
  attachments: z.array(AttachmentSchema),
  deadlines: DeadlinesSchema,
  deadlinesProvisional: z.boolean(),
  policy: z.object({ id: z.string(), version: z.string() }),
  escalationLevel: z.number().int(),
  repeatOf: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export type ComplaintView = z.infer<typeof ComplaintViewSchema>;
export type Deadlines = z.infer<typeof DeadlinesSchema>;

/**
 * The stored complaint: the view's plain fields, plus personal data as per-field ciphertext (JWE) and
 * its masked rendering, computed once at write time so lists never decrypt.
 */
export const ComplaintRecordSchema = ComplaintViewSchema.omit({ complainant: true, agent: true, complainantMasked: true }).extend({
  tenantId: z.string(),
  complainantEnc: z.record(z.string(), z.string()),
  complainantMasked: z.record(z.string(), z.string()),
  agentEnc: z.record(z.string(), z.string()).optional(),
  agentMasked: z.record(z.string(), z.string()).optional(),
  consumerKey: z.string(),
  createdBy: z.string(),
  lastSeq: z.number().int(),
  lastHash: z.string(),
});
export type ComplaintRecord = z.infer<typeof ComplaintRecordSchema>;
