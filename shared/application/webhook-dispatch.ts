import type { Tenant } from '../domain/tenant/tenant-schema';
import { complaintEventPayload, referralPayload } from '../webhooks/payload';
import type { Endpoint } from '../webhooks/subscription-schema';
import type { Platform } from './platform';
import { deliverToSubscribers } from './webhook-delivery';

/** One change of a tenant table's item, as both runtimes' streams give it (images unmarshalled). */
export type StreamChange = {
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE';
  newImage?: Record<string, unknown>;
  oldImage?: Record<string, unknown>;
};

/**
 * The dispatcher: the same code behind the local stream poller and the AWS event source mapping.
 * An event item inserted is a lifecycle event (the outbox written in its change's own transaction);
 * a referral item created or answered is news for the partner it lives with. Escalations also go to
 * the notifier here, so a notice can no longer be lost between the commit and the call.
 */
export async function dispatchChanges(p: Platform, tenant: Tenant, changes: readonly StreamChange[]): Promise<number> {
  let endpoints: Endpoint[] | undefined;
  let created = 0;
  for (const c of changes) {
    const item = c.newImage;
    if (!item || c.eventName === 'REMOVE') continue;
    const payload =
      item.kind === 'event'
        ? c.eventName === 'INSERT'
          ? complaintEventPayload(tenant.id, item)
          : undefined
        : item.kind === 'referral'
          ? referralPayload(tenant.id, c.oldImage, item)
          : undefined;
    if (!payload) continue;
    if (payload.type === 'complaint.escalated') await notifyEscalation(p, tenant, item);
    endpoints ??= await p.webhooks.endpoints(tenant.tableName);
    created += await deliverToSubscribers(p, tenant, payload, { endpoints });
  }
  return created;
}

async function notifyEscalation(p: Platform, tenant: Tenant, item: Record<string, unknown>) {
  const d = item.data as { level: number; unitId: string | null; kind: 'checkpoint' | 'deadline' | 'overdue' } & Record<
    string,
    unknown
  >;
  const snapshot = item.snapshot as { reference: string };
  await p.notifier.escalation({
    tenantId: tenant.id,
    complaintId: String(item.complaintId),
    reference: snapshot.reference,
    step: String(d.step ?? ''),
    level: d.level,
    unitId: d.unitId,
    kind: d.kind,
    deadline: String(d.dueAt ?? d.deadline ?? ''),
    ...(typeof d.partnerTenantId === 'string' && { partnerTenantId: d.partnerTenantId }),
  });
}
