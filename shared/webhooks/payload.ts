import { type ComplaintSnapshot, ComplaintSnapshotSchema } from '../domain/complaint/snapshot';
import { ComplaintEventSchema } from '../domain/events/event-schema';
import { EVENT_DATA_FIELDS, type WebhookEventType, type WebhookPayload, webhookTypeOf } from './catalogue';

/** Standard Webhooks ids are opaque; ours say which complaint event they carry, so a replay is the same id. */
export const complaintEventId = (complaintId: string, seq: number) => `evt_${complaintId}_${seq}`;

const pick = (data: Record<string, unknown>) =>
  Object.fromEntries(EVENT_DATA_FIELDS.filter((k) => data[k] !== undefined).map((k) => [k, data[k]]));

/**
 * The thin payload of a complaint event item read from the stream, or undefined for an item that is
 * not an event or a type with no webhook. Built from an allow-list: the event's free text (reasons,
 * summaries) and the complainant never leave.
 */
export function complaintEventPayload(tenantId: string, item: Record<string, unknown>): WebhookPayload | undefined {
  if (item.kind !== 'event') return undefined;
  const event = ComplaintEventSchema.safeParse(item);
  const snapshot = ComplaintSnapshotSchema.safeParse(item.snapshot);
  if (!event.success || !snapshot.success) return undefined;
  const type = webhookTypeOf(event.data.type);
  if (!type) return undefined;
  const s: ComplaintSnapshot = snapshot.data;
  const e = event.data;
  return {
    id: complaintEventId(e.complaintId, e.seq),
    type,
    timestamp: e.at,
    tenantId,
    data: {
      complaintId: e.complaintId,
      reference: s.reference,
      seq: e.seq,
      occurredAt: e.at,
      status: s.status,
      overdue: s.overdue,
      receivedAt: s.receivedAt,
      category: s.category,
      unitId: s.unitId,
      deadlines: s.deadlines,
      ...(type === 'complaint.feedback_recorded' && {
        stage: e.type === 'review_feedback_delivered' ? 'review' : 'decision',
      }),
      details: pick(e.data),
    },
  };
}

/**
 * A partner's referral item as the stream shows it: new → `referral.requested`, answered →
 * `referral.answered`, lapsed or waived → `referral.lapsed`,
 * to the partner's own subscriptions.
 */
export function referralPayload(
  partnerTenantId: string,
  before: Record<string, unknown> | undefined,
  after: Record<string, unknown> | undefined,
): WebhookPayload | undefined {
  if (after?.kind !== 'referral') return undefined;
  let type: WebhookEventType;
  if (!before) type = 'referral.requested';
  else if (before.status !== 'answered' && after.status === 'answered') type = 'referral.answered';
  else if (before.status === 'open' && (after.status === 'lapsed' || after.status === 'waived'))
    type = 'referral.lapsed';
  else return undefined;
  const at = String(type === 'referral.requested' ? after.createdAt : (after.updatedAt ?? after.createdAt));
  const answer = after.answer as { position?: string } | undefined;
  return {
    id: `evt_${String(after.id)}_${type.slice('referral.'.length)}`,
    type,
    timestamp: at,
    tenantId: partnerTenantId,
    data: {
      referralId: after.id,
      complaintId: after.complaintId,
      reference: after.complaintReference,
      fromTenantId: after.fromTenantId,
      partnerTenantId,
      status: after.status,
      deadline: after.deadline,
      ...(answer?.position && { position: answer.position }),
      occurredAt: at,
    },
  };
}
