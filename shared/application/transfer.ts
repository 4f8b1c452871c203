import type { z } from 'zod';
import type { Principal } from '../auth/principal';
import { canReadPii } from '../auth/principal';
import type { ComplaintView } from '../domain/complaint/complaint-schema';
import { IntakeSchema } from '../domain/complaint/intake-schema';
import { transferOut, type TransferSchema } from '../domain/complaint/transitions';
import { currentStep } from '../domain/complaint/lifecycle';
import { invalid, notFound } from '../domain/errors';
import { isCategory, isReason, otherCode } from '../domain/taxonomy';
import type { Tenant } from '../domain/tenant/tenant-schema';
import { changeComplaint } from './complaint-change';
import { renderComplaint } from './complaint-view';
import { effectivePolicy } from './effective-policy';
import { registerComplaint } from './intake';
import type { Platform } from './platform';

/**
 * Hands a complaint to the institution that should handle it: registers it there first (idempotent
 * by the source complaint, personal data re-encrypted under the receiver's key, its clock starting
 * on receipt there), then ends it here as `transferred`. A retry after a crash in between finishes
 * the second half without a second complaint at the receiver.
 */
export async function transferComplaint(p: Platform, tenant: Tenant, principal: Principal, id: string, input: z.infer<typeof TransferSchema>, ifMatch?: number): Promise<ComplaintView> {
  const target = await p.directory.find(input.toTenantId);
  if (!target || target.status !== 'active') {
    throw invalid('invalid_request', 'toTenantId: no such active institution on this platform', [{ path: ['toTenantId'], message: 'no such active institution' }]);
  }
  const source = await p.complaints.get(tenant.tableName, id);
  if (!source) throw notFound('complaint');
  // Refuse before creating anything at the receiver when the action cannot apply here.
  const policy = await effectivePolicy(p, tenant);
  transferOut(source, input, { at: p.clock.now().toISOString(), actor: principal.sub, policy, timezone: tenant.timezone, step: 'acknowledgement', tenantId: tenant.id, toComplaintId: 'pending' });

  const complainant = await p.cipher.decryptFields(tenant.id, source.complainantEnc);
  const agent = source.agentEnc && source.agentMasked ? { ...(await p.cipher.decryptFields(tenant.id, source.agentEnc)), relationship: source.agentMasked.relationship } : undefined;
  const intake = IntakeSchema.parse({
    channel: source.channel,
    complainant,
    ...(agent && { agent }),
    // Bank and insurer taxonomies differ: an unknown code becomes the receiver's "other".
    category: isCategory(target.kind, source.category) ? source.category : otherCode(target.kind, 'category'),
    reason: isReason(target.kind, source.reason) ? source.reason : otherCode(target.kind, 'reason'),
    ...(source.product !== undefined && { product: source.product }),
    description: source.description,
    ...(source.amountInDispute && { amountInDispute: source.amountInDispute }),
    attachments: source.attachments,
  });
  const received = await registerComplaint(p, target, { sub: `transfer:${tenant.id}`, tenantId: target.id, roles: [], issuer: 'redress' }, intake, `transfer-${tenant.id}-${id}`, {
    tenantId: tenant.id,
    complaintId: id,
    reference: source.reference,
  });

  const { after } = await changeComplaint(
    p,
    tenant,
    id,
    { kind: 'user', id: principal.sub },
    (r, at, position) => transferOut(r, input, { at, actor: principal.sub, policy, timezone: tenant.timezone, step: currentStep(position), tenantId: tenant.id, toComplaintId: received.complaint.id }),
    ifMatch === undefined ? {} : { ifMatch },
  );
  return renderComplaint(after, p.cipher, canReadPii(principal));
}
