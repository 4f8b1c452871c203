import { ulid } from 'ulid';
import type { z } from 'zod';
import type { Principal } from '../auth/principal';
import { canReadPii } from '../auth/principal';
import type { ComplaintRecord, ComplaintView } from '../domain/complaint/complaint-schema';
import { IntakeSchema } from '../domain/complaint/intake-schema';
import { currentStep } from '../domain/complaint/lifecycle';
import { type TransferSchema, transferOut } from '../domain/complaint/transitions';
import { invalid } from '../domain/errors';
import { isCategory, isReason, otherCode } from '../domain/taxonomy';
import type { Tenant } from '../domain/tenant/tenant-schema';
import { clearDescription } from '../pii/description';
import { changeComplaint } from './complaint-change';
import { renderComplaint } from './complaint-view';
import { complaintPolicy } from './effective-policy';
import { registerComplaint } from './intake';
import type { Platform } from './platform';

/**
 * Hands a complaint to the institution that should handle it. The source is ended first (with the
 * id the complaint will have at the receiver, under the caller's If-Match), so personal data reaches
 * the receiver only for a transfer that was accepted here. Registration at the receiver is
 * idempotent by the source complaint; if it fails, repeating the same transfer completes it.
 */
export async function transferComplaint(
  p: Platform,
  tenant: Tenant,
  principal: Principal,
  id: string,
  input: z.infer<typeof TransferSchema>,
  ifMatch?: number,
): Promise<ComplaintView> {
  const target = await p.directory.findActive(input.toTenantId);
  if (!target) {
    throw invalid('invalid_request', 'toTenantId: no such active institution on this platform', [
      { path: ['toTenantId'], message: 'no such active institution' },
    ]);
  }
  const toComplaintId = ulid(p.clock.now().getTime());
  // A repeat of a transfer that ended here but may not have reached the receiver finishes it,
  // whatever version the caller pinned: the first request moved the version on.
  const current = await p.complaints.get(tenant.tableName, id);
  const completing = current?.status === 'transferred' && current.ended?.toTenantId === input.toTenantId;
  const { after } = await changeComplaint(
    p,
    tenant,
    id,
    { kind: 'user', id: principal.sub },
    async (r, at, position) => {
      // A repeat of a transfer that ended here but may not have reached the receiver: finish it.
      if (r.status === 'transferred' && r.ended?.toTenantId === input.toTenantId) return null;
      return transferOut(r, input, {
        at,
        actor: principal.sub,
        policy: await complaintPolicy(p, tenant, r),
        timezone: tenant.timezone,
        step: currentStep(position),
        tenantId: tenant.id,
        toComplaintId,
      });
    },
    ifMatch === undefined || completing ? {} : { ifMatch },
  );
  await registerAtReceiver(p, tenant, target, after);
  return renderComplaint(after, p.cipher, canReadPii(principal));
}

async function registerAtReceiver(p: Platform, source: Tenant, target: Tenant, r: ComplaintRecord): Promise<void> {
  const complainant = await p.cipher.decryptFields(source.id, r.complainantEnc);
  const agent =
    r.agentEnc && r.agentMasked
      ? { ...(await p.cipher.decryptFields(source.id, r.agentEnc)), relationship: r.agentMasked.relationship }
      : undefined;
  const intake = IntakeSchema.parse({
    channel: r.channel,
    complainant,
    ...(agent && { agent }),
    // Bank and insurer taxonomies differ: an unknown code becomes the receiver's "other".
    category: isCategory(target.kind, r.category) ? r.category : otherCode(target.kind, 'category'),
    reason: isReason(target.kind, r.reason) ? r.reason : otherCode(target.kind, 'reason'),
    ...(r.product !== undefined && { product: r.product }),
    description: await clearDescription(p.cipher, r),
    ...(r.amountInDispute && { amountInDispute: r.amountInDispute }),
    attachments: r.attachments,
  });
  await registerComplaint(
    p,
    target,
    { sub: `transfer:${source.id}`, tenantId: target.id, roles: [], issuer: 'redress' },
    intake,
    `transfer-${source.id}-${r.id}`,
    {
      origin: { tenantId: source.id, complaintId: r.id, reference: r.reference },
      id: r.ended!.toComplaintId!,
    },
  );
}
