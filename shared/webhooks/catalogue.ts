import { z } from 'zod';
import { ReferralStatusSchema } from '../domain/complaint/referral';
import { ComplaintSnapshotSchema } from '../domain/complaint/snapshot';
import type { EventType } from '../domain/events/event-schema';

/**
 * Every webhook event type, and where each comes from. One table: the subscription schema, the
 * dispatcher and `GET /v1/webhooks/event-types` all read it.
 */
export const WEBHOOK_EVENTS = {
  'complaint.received': 'A complaint was registered (any channel).',
  'complaint.acknowledged': 'Receipt was acknowledged to the complainant.',
  'complaint.assigned': 'The complaint was assigned to a unit and handler.',
  'complaint.escalated': 'An escalation checkpoint fell due: the named unit must act.',
  'complaint.escalation_capped': 'Catch-up escalation stopped at its cap instead of flooding.',
  'complaint.overdue': 'The decision deadline passed without a decision.',
  'complaint.extended': 'The decision deadline was extended (complex / especially complex).',
  'complaint.extension_notice_sent': 'The complainant was told of the extension.',
  'complaint.paused': 'The clock stopped for external appraisal, testing or valuation.',
  'complaint.resumed': 'The clock runs again after a pause.',
  'complaint.decided': 'The decision was recorded.',
  'complaint.feedback_recorded': 'The complainant was told the decision (or the review decision).',
  'complaint.review_window_opened': 'The window for the complainant to request a review opened.',
  'complaint.review_requested': 'The complainant requested a review.',
  'complaint.reviewed': 'The review decision was recorded.',
  'complaint.closed': 'The procedure closed.',
  'complaint.withdrawn': 'The complainant withdrew.',
  'complaint.declined': 'The institution declined to handle the complaint, with a reason code.',
  'complaint.transferred': 'The complaint was transferred to another institution.',
  'complaint.deadlines_recalculated': 'Deadlines moved because a calendar or pause changed them.',
  'complaint.contact_recorded':
    'Staff recorded a contact with the complainant: channel, direction and time only, never what was said. Internal notes are not published.',
  'referral.requested': 'Another institution asks yours for feedback on a complaint you are involved in.',
  'referral.answered': 'A partner institution answered a referral.',
  'referral.lapsed':
    'A referral ended without the answer: lapsed after its deadline, or waived while the partner was suspended (`kind` / `status`).',
  'webhook.endpoint_disabled': 'One of your endpoints was disabled after persistent failure or 410 Gone.',
  'webhook.test': 'Sent on request by POST /v1/webhooks/{id}/test.',
} as const;

export const WebhookEventTypeSchema = z.enum(Object.keys(WEBHOOK_EVENTS) as [keyof typeof WEBHOOK_EVENTS]);
export type WebhookEventType = z.infer<typeof WebhookEventTypeSchema>;

/** A complaint event's webhook name; feedback at either stage is one type, told apart by `data.stage`. */
export function webhookTypeOf(type: EventType | string): WebhookEventType | undefined {
  const name =
    type === 'feedback_delivered' || type === 'review_feedback_delivered'
      ? 'complaint.feedback_recorded'
      : type === 'referral_requested'
        ? 'referral.requested'
        : type === 'referral_answered'
          ? 'referral.answered'
          : type === 'referral_lapsed'
            ? 'referral.lapsed'
            : `complaint.${type}`;
  return WebhookEventTypeSchema.safeParse(name).success ? (name as WebhookEventType) : undefined;
}

/** The non-personal facts an event's own data may pass on (no summaries, reasons or names). */
export const EVENT_DATA_FIELDS = [
  'onTime',
  'unitId',
  'level',
  'kind',
  'step',
  'dueAt',
  'checkpointAt',
  'deadline',
  'partnerTenantId',
  'outcome',
  'tier',
  'channel',
  'reasonCode',
  'toTenantId',
  'from',
  'to',
  'old',
  'new',
  'pausedDays',
  'direction',
  'contactedAt',
] as const;

const ComplaintPayloadData = z.object({
  complaintId: z.string(),
  reference: z.string(),
  seq: z.number().int().describe('Per-complaint sequence number: order and de-duplicate by it.'),
  occurredAt: z.string(),
  status: ComplaintSnapshotSchema.shape.status,
  overdue: z.boolean(),
  receivedAt: z.string(),
  category: z.string(),
  unitId: z.string().nullable(),
  deadlines: ComplaintSnapshotSchema.shape.deadlines,
  stage: z.enum(['decision', 'review']).optional(),
  details: z
    .record(z.string(), z.unknown())
    .describe(`Only these fields of the event: ${EVENT_DATA_FIELDS.join(', ')}`),
});

const ReferralPayloadData = z.object({
  referralId: z.string(),
  complaintId: z.string(),
  reference: z.string(),
  fromTenantId: z.string(),
  partnerTenantId: z.string(),
  status: ReferralStatusSchema,
  deadline: z.string().optional(),
  position: z.string().optional(),
  occurredAt: z.string(),
});

const EndpointDisabledData = z.object({
  endpointId: z.string(),
  url: z.string(),
  reason: z.enum(['gone', 'failing']),
  disabledAt: z.string(),
});

const TestData = z.object({ endpointId: z.string(), message: z.string() });

/** The envelope every delivery's body has (Standard Webhooks: `type`, `timestamp`, `data`). */
const envelope = <T extends z.ZodType>(type: WebhookEventType, data: T) =>
  z.object({
    id: z.string().describe('The event id; equals the `webhook-id` header, stable across retries.'),
    type: z.literal(type),
    timestamp: z.string(),
    tenantId: z.string(),
    data,
  });

export function payloadSchemaOf(type: WebhookEventType) {
  if (type.startsWith('complaint.')) return envelope(type, ComplaintPayloadData);
  if (type.startsWith('referral.')) return envelope(type, ReferralPayloadData);
  if (type === 'webhook.endpoint_disabled') return envelope(type, EndpointDisabledData);
  return envelope(type, TestData);
}

export type WebhookPayload = {
  id: string;
  type: WebhookEventType;
  timestamp: string;
  tenantId: string;
  data: Record<string, unknown>;
};

/** The catalogue as served: each type, what it means and the JSON Schema of its body. */
export const eventCatalogue = () =>
  WebhookEventTypeSchema.options.map((type) => ({
    type,
    description: WEBHOOK_EVENTS[type],
    schema: z.toJSONSchema(payloadSchemaOf(type)),
  }));
