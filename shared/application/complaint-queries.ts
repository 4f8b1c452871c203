import type { Principal } from '../auth/principal';
import { canReadPii } from '../auth/principal';
import type { ComplaintView, RegulatorComplaintView } from '../domain/complaint/complaint-schema';
import { notFound } from '../domain/errors';
import type { ComplaintEvent } from '../domain/events/event-schema';
import { regulatorEvent } from '../domain/kpi/regulator-event';
import type { Tenant } from '../domain/tenant/tenant-schema';
import type { ListFilter } from '../store/complaints-repo';
import { renderComplaint, renderForRegulator } from './complaint-view';
import type { Platform } from './platform';

export async function getComplaint(
  p: Platform,
  tenant: Tenant,
  principal: Principal,
  id: string,
): Promise<ComplaintView> {
  const { record, position } = await p.complaints.getWithPosition(tenant.tableName, id);
  // Another tenant's id simply is not in this tenant's table: the same 404 as an id that never existed.
  if (!record) throw notFound('complaint');
  return renderComplaint(record, p.cipher, canReadPii(principal), position);
}

/**
 * One page of the institution's complaints from an index (never a Scan): what the API's list and the
 * console's work queue both read, each rendering it for its own reader.
 */
export const complaintRecords = (p: Platform, tenant: Tenant, filter: ListFilter) =>
  p.complaints.list(tenant.tableName, filter);

export async function listComplaints(
  p: Platform,
  tenant: Tenant,
  principal: Principal,
  filter: ListFilter,
): Promise<{ items: ComplaintView[]; nextCursor: string | null }> {
  const page = await complaintRecords(p, tenant, filter);
  const clear = canReadPii(principal);
  return {
    items: await Promise.all(page.items.map((r) => renderComplaint(r, p.cipher, clear))),
    nextCursor: page.nextCursor,
  };
}

/** A 404 unless the complaint is in this tenant's table. */
export async function requireComplaint(p: Platform, tenant: Tenant, id: string): Promise<void> {
  if (!(await p.complaints.get(tenant.tableName, id))) throw notFound('complaint');
}

export async function listEvents(
  p: Platform,
  tenant: Tenant,
  id: string,
  limit: number,
  cursor?: string,
): Promise<{ items: ComplaintEvent[]; nextCursor: string | null }> {
  const page = await p.complaints.events(tenant.tableName, id, limit, cursor);
  if (page.items.length === 0 && !cursor && !(await p.complaints.get(tenant.tableName, id)))
    throw notFound('complaint');
  return page;
}

/** An institution the regulator may look into: any that has its table (suspended ones included). */
export async function supervised(p: Platform, tenantId: string): Promise<Tenant> {
  const tenant = await p.directory.find(tenantId);
  if (!tenant || tenant.status === 'provisioning') throw notFound('institution');
  return tenant;
}

export async function regulatorComplaint(p: Platform, tenantId: string, id: string): Promise<RegulatorComplaintView> {
  const tenant = await supervised(p, tenantId);
  const { record, position } = await p.complaints.getWithPosition(tenant.tableName, id);
  if (!record) throw notFound('complaint');
  return renderForRegulator(record, position);
}

export async function regulatorComplaints(
  p: Platform,
  tenantId: string,
  filter: ListFilter,
): Promise<{ items: RegulatorComplaintView[]; nextCursor: string | null }> {
  const tenant = await supervised(p, tenantId);
  const page = await p.complaints.list(tenant.tableName, filter);
  return {
    items: page.items.map((r) => renderForRegulator(r)),
    nextCursor: page.nextCursor,
  };
}

/** A complaint's timeline for the regulator: its events with any free text dropped. */
export async function regulatorEvents(
  p: Platform,
  tenantId: string,
  id: string,
  limit: number,
  cursor?: string,
): Promise<{ items: ComplaintEvent[]; nextCursor: string | null }> {
  const tenant = await supervised(p, tenantId);
  const page = await listEvents(p, tenant, id, limit, cursor);
  return { items: page.items.map(regulatorEvent), nextCursor: page.nextCursor };
}
