import type { ComplaintRecord, ComplaintView, WorkflowPosition } from '../domain/complaint/complaint-schema';
import { type DeadlineAxis, deadlineAxis } from '../domain/complaint/deadline-axis';
import type { ComplaintStatus } from '../domain/complaint/status';
import { notFound } from '../domain/errors';
import { type ChainStatus, checkChain } from '../domain/events/chain-check';
import type { ComplaintEvent } from '../domain/events/event-schema';
import type { Tenant } from '../domain/tenant/tenant-schema';
import type { UnitTree } from '../domain/tenant/units';
import { renderComplaint } from './complaint-view';
import { complaintPolicy } from './effective-policy';
import type { Platform } from './platform';
import { tenantUnits } from './tenant-settings';

/** Another complaint of the same tenant, by what identifies it on the desk: nothing personal. */
export type RelatedComplaint = { id: string; reference: string; status: ComplaintStatus; receivedAt: string };

/** Everything the complaint page shows, personal data masked (a reveal replaces `view`). */
export type ComplaintDossier = {
  record: ComplaintRecord;
  position: WorkflowPosition | undefined;
  view: ComplaintView;
  events: ComplaintEvent[];
  chain: ChainStatus;
  axis: DeadlineAxis;
  /** The earlier complaint intake linked this one to; `missing` if it is no longer there. */
  repeatOf: RelatedComplaint | { id: string; missing: true } | null;
  repeatedBy: RelatedComplaint[];
  /** Partner institutions' names by id (the ones the directory still knows). */
  partnerNames: Record<string, string>;
  units: UnitTree | undefined;
};

const EVENT_PAGE = 100;
const REPEATS_SHOWN = 20;

const related = (r: ComplaintRecord): RelatedComplaint => ({
  id: r.id,
  reference: r.reference,
  status: r.status,
  receivedAt: r.receivedAt,
});

/** The complaint, its whole event log checked link by link, its deadlines on one axis and its links. */
export async function complaintDossier(p: Platform, tenant: Tenant, id: string): Promise<ComplaintDossier> {
  const table = tenant.tableName;
  // Another tenant's id simply is not in this tenant's table: the same 404 as an id that never existed.
  const { record, position } = await p.complaints.getWithPosition(table, id);
  if (!record) throw notFound('complaint');
  const [view, events, policy, units, earlier, later] = await Promise.all([
    renderComplaint(record, p.cipher, false, position),
    allEvents(p, table, id),
    complaintPolicy(p, tenant, record),
    tenantUnits(p, tenant),
    record.repeatOf ? p.complaints.get(table, record.repeatOf) : undefined,
    p.complaints.repeatsOf(table, record, REPEATS_SHOWN),
  ]);
  const partnerIds = [...new Set([...record.partners, ...record.referrals.map((x) => x.partnerTenantId)])];
  const partners = await Promise.all(partnerIds.map((pid) => p.directory.find(pid)));
  return {
    record,
    position,
    view,
    events,
    chain: await checkChain(events, record),
    axis: deadlineAxis({ record, events, policy, timezone: tenant.timezone, now: p.clock.now().toISOString() }),
    repeatOf: record.repeatOf ? (earlier ? related(earlier) : { id: record.repeatOf, missing: true }) : null,
    repeatedBy: later.map(related),
    partnerNames: Object.fromEntries(partners.flatMap((t) => (t ? [[t.id, t.name]] : []))),
    units,
  };
}

/** Every event from the first: the chain is checked from its genesis, so no page of it can be skipped. */
async function allEvents(p: Platform, table: string, id: string): Promise<ComplaintEvent[]> {
  const events: ComplaintEvent[] = [];
  let cursor: string | undefined;
  do {
    const page = await p.complaints.events(table, id, EVENT_PAGE, cursor);
    events.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return events;
}
