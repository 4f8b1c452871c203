import { consumerIdentity } from '../domain/complaint/consumer-key';
import type { IntakeInput } from '../domain/complaint/intake-schema';
import type { Tenant } from '../domain/tenant/tenant-schema';
import { earlierComplaint } from './intake';
import type { Platform } from './platform';

/** The earlier complaint a registration would be linked to as a repeat: nothing personal. */
export type RepeatCandidate = { id: string; reference: string; receivedAt: string; category: string };

/**
 * What registering `input` would record as `repeatOf`, asked before saving so the desk can warn
 * first: the same blind index and window as intake itself. Nothing when the key already filed a
 * complaint, whose registration then replays instead of warning of itself.
 */
export async function repeatBeforeIntake(
  p: Platform,
  tenant: Tenant,
  input: IntakeInput,
  idempotencyKey: string,
): Promise<RepeatCandidate | undefined> {
  if (await complaintFiledWith(p, tenant, idempotencyKey)) return undefined;
  const receivedAt = input.receivedAt ? new Date(input.receivedAt) : p.clock.now();
  const consumerKey = await p.hasher.hash(tenant.id, consumerIdentity(input.complainant));
  const r = await earlierComplaint(p, tenant, consumerKey, input.category, receivedAt);
  return r && { id: r.id, reference: r.reference, receivedAt: r.receivedAt, category: r.category };
}

/** The complaint a key filed, if it filed one. */
export async function complaintFiledWith(p: Platform, tenant: Tenant, idempotencyKey: string) {
  return (await p.complaints.getIdempotency(tenant.tableName, idempotencyKey))?.complaintId;
}
