import type { Principal } from '../auth/principal';
import type { ComplaintView } from '../domain/complaint/complaint-schema';
import { type Referral, referralIdFor } from '../domain/complaint/referral';
import { openLink, type ProceedWithout, proceedWithout, referralEnd } from '../domain/complaint/referral-lapse';
import { conflict, DomainError, notFound } from '../domain/errors';
import type { Tenant } from '../domain/tenant/tenant-schema';
import { performAction } from './complaint-actions';
import { sendWithRetry } from './complaint-change';
import type { Platform } from './platform';
import { changeReferral } from './referral-change';
import { ensureReferral } from './referral-tasks';

/**
 * A supervisor goes ahead without a partner: after the referral's deadline (`lapsed`), or at once
 * when the partner institution is suspended (`waived`). The partner's referral item decides a race
 * with a late answer: it is ended first, conditioned on its version, so either the answer or the
 * lapse wins, never both. Then the complaint's link records it with its event, and the partner's
 * waiting branch is completed, so the referrals step ends and the decision can be made. A retry
 * after a failure between the two writes finds the item already ended and finishes the link.
 */
export async function proceedWithoutPartner(
  p: Platform,
  tenant: Tenant,
  principal: Principal,
  complaintId: string,
  partnerTenantId: string,
  input: ProceedWithout,
  ifMatch?: number,
): Promise<ComplaintView> {
  const complaint = await p.complaints.get(tenant.tableName, complaintId);
  if (!complaint) throw notFound('complaint');
  if (ifMatch !== undefined && ifMatch !== complaint.version) {
    throw new DomainError(
      'conflict',
      'version_conflict',
      `the complaint is at version ${complaint.version}, not ${ifMatch}; read it again`,
      {
        version: complaint.version,
      },
    );
  }
  openLink(complaint, partnerTenantId);
  const partner = await p.directory.find(partnerTenantId);
  if (!partner) throw notFound('partner institution');
  const suspended = partner.status === 'suspended';
  const id = referralIdFor(complaintId);
  // A suspended partner may not have been asked yet: its referral is created to be waived, so it sees why.
  const existing =
    (await p.referrals.get(partner.tableName, id)) ??
    (suspended ? await ensureReferral(p, tenant, complaint, partner) : undefined);
  const at = p.clock.now().toISOString();
  const end = referralEnd({ partnerSuspended: suspended, deadline: existing?.deadline, at });

  const changed = await changeReferral(p, partner.tableName, id, (r) => {
    if (r.status === end) return null;
    if (r.status !== 'open') throw answeredMeanwhile(r);
    return { ...r, status: end, token: null, endedAt: at, updatedAt: at };
  });
  if (!changed) throw notFound('referral');
  const view = await performAction(p, tenant, principal, complaintId, (r, ctx) =>
    proceedWithout(r, { ...input, partnerTenantId, end, deadline: changed.before.deadline }, ctx),
  );
  p.logger.info('referral ended without an answer', { tenantId: tenant.id, complaintId, partnerTenantId, end });
  if (changed.before.token) await sendWithRetry(p, changed.before.token, { step: 'referrals', outcome: 'done' });
  return view;
}

/** The partner's answer won the race: it goes onto the complaint as any answer does. */
function answeredMeanwhile(r: Referral) {
  return conflict('referral_closed', `the partner's referral is already ${r.status}`, { status: r.status });
}
