import pLimit from 'p-limit';
import type { Tenant } from '../domain/tenant/tenant-schema';
import { headOffice } from '../domain/tenant/units';
import { complaintEventPayload, referralPayload } from '../webhooks/payload';
import type { Platform } from './platform';
import { tenantUnits } from './tenant-settings';
import { deliverToSubscribers } from './webhook-delivery';

/** One change of a tenant table's item, as both runtimes' streams give it (images unmarshalled). */
export type StreamChange = {
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE';
  newImage?: Record<string, unknown>;
  oldImage?: Record<string, unknown>;
};

/** Complaints of one batch whose events are dispatched at once, at most. */
const DISPATCH_CONCURRENCY = 4;

/**
 * The dispatcher: the same code behind the local stream poller and the AWS event source mapping.
 * An event item inserted is a lifecycle event (the outbox written in its change's own transaction);
 * a referral item created or answered is news for the partner it lives with. Escalations also go to
 * the notifier here, so a notice can no longer be lost between the commit and the call.
 */
export async function dispatchChanges(p: Platform, tenant: Tenant, changes: readonly StreamChange[]): Promise<number> {
  const news = changes.flatMap((c) => {
    const item = c.newImage;
    if (!item || c.eventName === 'REMOVE') return [];
    const payload =
      item.kind === 'event'
        ? c.eventName === 'INSERT'
          ? complaintEventPayload(tenant.id, item)
          : undefined
        : item.kind === 'referral'
          ? referralPayload(tenant.id, c.oldImage, item)
          : undefined;
    return payload ? [{ item, payload }] : [];
  });
  if (news.length === 0) return 0;
  const endpoints = await p.webhooks.endpoints(tenant.tableName);
  // Each delivery is its own conditional write: one after another, a batch's round trips add up to
  // more than the stream's pace under load. A complaint's own events still go in order, so its
  // deliveries are queued (and its notices sent) as they happened.
  const byComplaint = new Map<string, typeof news>();
  for (const n of news) {
    const key = String(n.item.complaintId);
    const ofOne = byComplaint.get(key);
    if (ofOne) ofOne.push(n);
    else byComplaint.set(key, [n]);
  }
  // Cleared tasks reject (AbortError) instead of never settling.
  const limit = pLimit({ concurrency: DISPATCH_CONCURRENCY, rejectOnClear: true });
  // A failure stops what has not started, and the batch ends only when every started complaint has:
  // the batch is dispatched again from its checkpoint, and must not overlap what is still running.
  const settled = await Promise.allSettled(
    [...byComplaint.values()].map((ofOne) =>
      limit(async () => {
        let n = 0;
        try {
          for (const { item, payload } of ofOne) {
            if (payload.type === 'complaint.escalated') await notifyEscalation(p, tenant, item);
            n += await deliverToSubscribers(p, tenant, payload, { endpoints });
          }
        } catch (e) {
          limit.clearQueue();
          throw e;
        }
        return n;
      }),
    ),
  );
  const failed = settled.find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.reduce((a, r) => a + (r.status === 'fulfilled' ? r.value : 0), 0);
}

async function notifyEscalation(p: Platform, tenant: Tenant, item: Record<string, unknown>) {
  const d = item.data as {
    step?: string;
    level: number;
    unitId?: string | null;
    kind: 'checkpoint' | 'deadline' | 'overdue';
    dueAt?: string;
    deadline?: string;
    partnerTenantId?: string;
  };
  const snapshot = item.snapshot as { reference: string };
  const notice = {
    complaintId: String(item.complaintId),
    reference: snapshot.reference,
    step: d.step ?? '',
    level: d.level,
    kind: d.kind,
  };
  if (d.step === 'referral' && d.partnerTenantId) {
    // A late partner: its own head office hears of it, in its own tenant.
    const partner = await p.directory.find(d.partnerTenantId);
    const units = partner && (await tenantUnits(p, partner));
    await p.notifier.escalation({
      ...notice,
      tenantId: d.partnerTenantId,
      unitId: (units && headOffice(units)?.id) ?? null,
      deadline: d.deadline ?? '',
      partnerTenantId: d.partnerTenantId,
    });
    return;
  }
  await p.notifier.escalation({ ...notice, tenantId: tenant.id, unitId: d.unitId ?? null, deadline: d.dueAt ?? '' });
}
