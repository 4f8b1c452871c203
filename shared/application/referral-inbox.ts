import type { Referral } from '../domain/complaint/referral';
import { notFound } from '../domain/errors';
import type { Tenant } from '../domain/tenant/tenant-schema';
import type { Platform } from './platform';

/** The referrals addressed to this institution as a partner: open ones by deadline, or one status by deadline. */
export function referralInbox(
  p: Platform,
  partner: Tenant,
  f: { status?: Referral['status']; limit: number; cursor?: string },
): Promise<{ items: Referral[]; nextCursor: string | null }> {
  return p.referrals.list(partner.tableName, f);
}

/** One referral of this institution's; another institution's looks exactly like one that never existed. */
export async function referralOf(p: Platform, partner: Tenant, id: string): Promise<Referral> {
  const r = await p.referrals.get(partner.tableName, id);
  if (!r) throw notFound('referral');
  return r;
}
