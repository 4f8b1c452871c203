import type { Principal } from '../auth/principal';
import { canReadPii } from '../auth/principal';
import { localDateOf } from '../domain/calendars';
import type { ComplaintRecord, ComplaintView } from '../domain/complaint/complaint-schema';
import type { Transition } from '../domain/complaint/transitions';
import { conflict, notFound } from '../domain/errors';
import { chainEvent } from '../domain/events/hash-chain';
import type { Tenant } from '../domain/tenant/tenant-schema';
import { renderComplaint } from './complaint-view';
import type { Platform } from './platform';

/**
 * Runs one staff action: read, let the domain decide (or refuse with 409 wrong_step), then write the
 * new state and its chained event in one transaction conditioned on the version read. With
 * `ifMatch` the caller pins the version it saw, so two people acting on one screen cannot both win.
 */
export async function performAction(
  p: Platform,
  tenant: Tenant,
  principal: Principal,
  id: string,
  decide: (record: ComplaintRecord, at: string) => Transition | Promise<Transition>,
  ifMatch?: number,
): Promise<ComplaintView> {
  const record = await p.complaints.get(tenant.tableName, id);
  if (!record) throw notFound('complaint');
  if (ifMatch !== undefined && ifMatch !== record.version) {
    throw conflict('version_conflict', `the complaint is at version ${record.version}, not ${ifMatch}; read it again`, { version: record.version });
  }
  const at = p.clock.now().toISOString();
  const transition = await decide(record, at);
  const event = await chainEvent({
    complaintId: id,
    seq: record.lastSeq + 1,
    type: transition.event.type,
    at,
    actor: { kind: 'user', id: principal.sub },
    data: transition.event.data,
    prevHash: record.lastHash,
  });
  const next: ComplaintRecord = {
    ...record,
    ...transition.patch,
    version: record.version + 1,
    updatedAt: at,
    lastSeq: event.seq,
    lastHash: event.hash,
  };
  await p.complaints.update(tenant.tableName, {
    record: next,
    expectedVersion: record.version,
    event,
    ...(transition.counts && { counters: { month: localDateOf(at, tenant.timezone).slice(0, 7), shardOf: id, counts: transition.counts } }),
  });
  p.logger.info('complaint action', { tenantId: tenant.id, complaintId: id, event: event.type, version: next.version });
  return renderComplaint(next, p.cipher, canReadPii(principal));
}
