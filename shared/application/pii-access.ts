import { monotonicFactory } from 'ulid';
import type { Principal } from '../auth/principal';
import { canReadPii } from '../auth/principal';
import type { ComplaintRecord, ComplaintView, WorkflowPosition } from '../domain/complaint/complaint-schema';
import {
  type AccessEntry,
  type PiiField,
  partlyRevealed,
  type RevealInput,
  revealableFields,
} from '../domain/complaint/pii-access';
import { forbidden, invalid } from '../domain/errors';
import type { Tenant } from '../domain/tenant/tenant-schema';
import { renderComplaint } from './complaint-view';
import type { Platform } from './platform';

// Monotonic: two reveals in the same millisecond keep their order in the log.
const nextId = monotonicFactory();

export type Revealed = { view: ComplaintView; fields: PiiField[] };

/**
 * Shows a complaint's personal data in clear, only to a holder of pii:read and only the fields asked
 * for. The reveal is stored in the access log first: if that write fails, nothing is decrypted.
 */
export async function revealPersonalData(
  p: Platform,
  tenant: Tenant,
  principal: Principal,
  loaded: { record: ComplaintRecord; position: WorkflowPosition | undefined },
  input: RevealInput,
): Promise<Revealed> {
  if (!canReadPii(principal)) throw forbidden('pii_read_required', 'showing personal data needs the pii:read grant');
  const { record, position } = loaded;
  const held = revealableFields(record);
  const fields = input.fields.filter((f) => held.includes(f));
  if (fields.length === 0)
    throw invalid('invalid_request', 'fields: none of these is held by this complaint', [
      { path: ['fields'], message: 'none of these is held by this complaint' },
    ]);
  const now = p.clock.now();
  const entry: AccessEntry = {
    id: nextId(now.getTime()),
    at: now.toISOString(),
    sub: principal.sub,
    issuer: principal.issuer,
    complaintId: record.id,
    reference: record.reference,
    fields,
  };
  await p.accessLog.put(tenant.tableName, entry);
  p.logger.info('personal data revealed', {
    tenantId: tenant.id,
    complaintId: record.id,
    sub: principal.sub,
    fields: fields.join(','),
  });
  const [masked, clear] = await Promise.all([
    renderComplaint(record, p.cipher, false, position),
    renderComplaint(record, p.cipher, true, position),
  ]);
  return { view: partlyRevealed(masked, clear, fields), fields };
}

/** The tenant's access log, newest first: one month, or every month since the tenant was onboarded. */
export function accessLog(
  p: Platform,
  tenant: Tenant,
  q: { month?: string; limit: number; cursor?: string },
): Promise<{ items: AccessEntry[]; nextCursor: string | null }> {
  const newest = q.month ?? p.clock.now().toISOString().slice(0, 7);
  const onboarded = tenant.createdAt.slice(0, 7);
  // A clock set back before onboarding (tests, a skewed host) still reads the current month.
  const oldest = q.month ?? [onboarded, newest].sort()[0]!;
  return p.accessLog.page(tenant.tableName, {
    newest,
    oldest,
    limit: q.limit,
    ...(q.cursor && { cursor: q.cursor }),
  });
}
