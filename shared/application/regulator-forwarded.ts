import type { ComplaintRecord } from '../domain/complaint/complaint-schema';
import type { Tenant } from '../domain/tenant/tenant-schema';
import type { Platform } from './platform';
import { supervisedTenants } from './regulator-kpis';

/** What the regulator follows of a complaint it forwarded: the institution's report back, read, never written. */
export type ForwardedComplaint = {
  regulatorReference: string;
  tenantId: string;
  institution: string;
  complaintId: string;
  reference: string;
  status: ComplaintRecord['status'];
  overdue: boolean;
  receivedAt: string;
  deadlines: ComplaintRecord['deadlines'];
  extension: { tier: string; at: string } | null;
  decision: { outcome: string; decidedAt: string; onTime: boolean } | null;
  feedback: { deliveredAt: string; onTime: boolean } | null;
  reviewDecision: { outcome: string; decidedAt: string; onTime: boolean } | null;
  ended: { kind: string; at: string } | null;
  closedAt: string | null;
};

const view = (t: Tenant, regulatorReference: string, r: ComplaintRecord): ForwardedComplaint => ({
  regulatorReference,
  tenantId: t.id,
  institution: t.name,
  complaintId: r.id,
  reference: r.reference,
  status: r.status,
  overdue: r.overdue,
  receivedAt: r.receivedAt,
  deadlines: r.deadlines,
  extension: r.extension ? { tier: r.extension.tier, at: r.extension.at } : null,
  decision: r.decision
    ? { outcome: r.decision.outcome, decidedAt: r.decision.decidedAt, onTime: r.decision.onTime }
    : null,
  feedback: r.feedback ? { deliveredAt: r.feedback.deliveredAt, onTime: r.feedback.onTime } : null,
  reviewDecision: r.reviewDecision
    ? { outcome: r.reviewDecision.outcome, decidedAt: r.reviewDecision.decidedAt, onTime: r.reviewDecision.onTime }
    : null,
  ended: r.ended ? { kind: r.ended.kind, at: r.ended.at } : null,
  closedAt: r.closedAt ?? null,
});

/**
 * Forwarded complaints across institutions, or those under one regulator reference: one Query of
 * each institution's forwarded partition and one read per forwarded complaint, newest first.
 */
export async function forwardedComplaints(
  p: Platform,
  o: { reference?: string; tenantId?: string } = {},
): Promise<ForwardedComplaint[]> {
  const out: ForwardedComplaint[] = [];
  const tenants = (await supervisedTenants(p)).filter((t) => !o.tenantId || t.id === o.tenantId);
  for (const t of tenants) {
    for (const entry of await p.forwarded.list(t.tableName, o.reference)) {
      const r = await p.complaints.get(t.tableName, entry.complaintId);
      if (r) out.push(view(t, entry.regulatorReference, r));
    }
  }
  return out.sort((a, b) => b.receivedAt.localeCompare(a.receivedAt) || a.complaintId.localeCompare(b.complaintId));
}
