import { z } from 'zod';

/** Event types: the webhook catalogue's names without their `complaint.` prefix. */
export const EventTypeSchema = z.enum([
  'received',
  'acknowledged',
  'assigned',
  'escalated',
  /** A catch-up had more escalations due than one complaint may emit: the rest are summed up here. */
  'escalation_capped',
  'overdue',
  'extended',
  'extension_notice_sent',
  /** A newly loaded calendar year moved deadlines that were provisional. */
  'deadlines_recalculated',
  'referral_requested',
  'referral_answered',
  /** The decision goes ahead without a partner: `kind` lapsed (after its deadline) or waived (partner suspended). */
  'referral_lapsed',
  /** The clock stopped for external appraisal, testing or valuation. */
  'paused',
  /** The clock runs again; the decision deadline moved by the paused days. */
  'resumed',
  'decided',
  'feedback_delivered',
  'review_window_opened',
  'review_requested',
  'reviewed',
  'review_feedback_delivered',
  'closed',
  'withdrawn',
  'declined',
  'transferred',
  /** Staff spoke to or wrote to the complainant (or heard from them): channel and time; the summary is protected text. */
  'contact_recorded',
  /** An internal note on the case; its text is protected text and never leaves the institution's staff. */
  'note_added',
]);
export type EventType = z.infer<typeof EventTypeSchema>;

export const ActorSchema = z.object({
  kind: z.enum(['user', 'system']),
  id: z.string(),
});
export type Actor = z.infer<typeof ActorSchema>;

/** Event data never carries personal data: it feeds webhooks and the regulator's views. */
export const ComplaintEventSchema = z.object({
  complaintId: z.string(),
  seq: z.number().int().min(1),
  type: EventTypeSchema,
  at: z.string(),
  actor: ActorSchema,
  data: z.record(z.string(), z.unknown()),
  prevHash: z.string(),
  hash: z.string(),
});
export type ComplaintEvent = z.infer<typeof ComplaintEventSchema>;
