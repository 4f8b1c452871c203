import { z } from 'zod';
import type { ComplaintRecord, ReferralLink } from '../domain/complaint/complaint-schema';
import {
  DECISION_DUTY,
  isOverdueAt,
  pendingAcknowledgement,
  REVIEW_DUTY,
  type RunningDeadline,
  runningDeadline,
} from '../domain/complaint/running-deadline';
import type { ComplaintStatus } from '../domain/complaint/status';
import { invalid } from '../domain/errors';
import type { Channel } from '../domain/taxonomy';
import type { Tenant } from '../domain/tenant/tenant-schema';
import type { UnitTree } from '../domain/tenant/units';
import type { ListFilter, QueueFilter } from '../store/complaints-repo';
import { complaintRecords } from './complaint-queries';
import type { Platform } from './platform';
import { tenantUnits } from './tenant-settings';

/** The queue's views: ways of narrowing the open complaints that a team uses every day. */
export const QueueViewSchema = z.enum(['all', 'mine', 'unit', 'overdue', 'due3', 'partners', 'review']);
export type QueueView = z.infer<typeof QueueViewSchema>;

const DAY_MS = 86_400_000;
/** "Due soon": the decision deadline falls within this many days. */
export const DUE_SOON_DAYS = 3;
/** DynamoDB takes at most 100 values in one IN: a larger subtree is filtered by the unit alone. */
export const MAX_UNIT_FILTER = 100;

export type QueueRequest = {
  view: QueueView;
  /** The signed-in user: "mine" is what is assigned to this sub. */
  sub: string;
  status?: ComplaintStatus;
  category?: string;
  reason?: string;
  channel?: Channel;
  /** A unit and the units under it. */
  unitId?: string;
  /** Instants, `receivedTo` exclusive. */
  receivedFrom?: string;
  receivedTo?: string;
  limit: number;
  cursor?: string;
};

/** A row of the queue: what a team sorts its work by, and nothing personal about the complainant. */
export type QueueEntry = {
  id: string;
  reference: string;
  status: ComplaintStatus;
  category: string;
  reason: string;
  channel: Channel;
  unitId: string | null;
  assignee: string | null;
  escalationLevel: number;
  repeatOf: string | null;
  receivedAt: string;
  deadline: RunningDeadline;
  overdue: boolean;
  provisional: boolean;
  acknowledgeBy?: string;
  partners: { tenantId: string; name: string | undefined; status: ReferralLink['status']; deadline?: string }[];
};

export type QueuePage = {
  items: QueueEntry[];
  nextCursor: string | null;
  /** The instant the views' ranges were taken at. */
  now: string;
  /** Set when the chosen unit has more units under it than one filter holds: only the unit itself was searched. */
  unitSubtreeTruncated?: boolean;
};

/** The unit and every unit under it, breadth first. */
export function unitSubtree(tree: UnitTree | undefined, unitId: string): string[] {
  if (!tree) return [unitId];
  const children = new Map<string, string[]>();
  for (const u of tree.units) if (u.parentId) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u.id]);
  const out = [unitId];
  for (let i = 0; i < out.length && out.length <= tree.units.length; i++) out.push(...(children.get(out[i]!) ?? []));
  return out;
}

/**
 * The store's filter of a view: every view reads the "open by due date" index (or, with a status,
 * the "by status" one, keyed by the same due date); "overdue" and "due in 3 days" are ranges of
 * its sort key, the others filter the index read.
 */
export function queueFilter(q: QueueRequest, now: Date, unitIds: readonly string[] | undefined): ListFilter | null {
  const iso = now.toISOString();
  const queue: QueueFilter = {};
  let status = q.status;
  let dueBefore: string | undefined;
  switch (q.view) {
    case 'mine':
      queue.assignee = q.sub;
      break;
    case 'unit':
      if (!q.unitId) throw invalid('unit_required', 'choose the unit whose complaints to show');
      break;
    case 'overdue':
      // The sort key is the decision deadline, which a review's deadline always follows: both past-due kinds lie before now.
      dueBefore = iso;
      queue.deadlines = [{ statuses: DECISION_DUTY }, { statuses: REVIEW_DUTY, reviewDecisionBefore: iso }];
      break;
    case 'due3':
      queue.dueFrom = iso;
      dueBefore = new Date(now.getTime() + DUE_SOON_DAYS * DAY_MS).toISOString();
      queue.deadlines = [{ statuses: DECISION_DUTY }];
      break;
    case 'partners':
      queue.awaitingPartners = true;
      break;
    case 'review':
      if (status && status !== 'review_requested') return null;
      status = 'review_requested';
      break;
    case 'all':
      break;
  }
  if (unitIds) queue.unitIds = unitIds;
  return {
    limit: q.limit,
    ...(status && { status }),
    ...(dueBefore && { dueBefore }),
    ...(q.category && { category: q.category }),
    ...(q.reason && { reason: q.reason }),
    ...(q.channel && { channel: q.channel }),
    ...(q.receivedFrom && { receivedFrom: q.receivedFrom }),
    ...(q.receivedTo && { receivedTo: q.receivedTo }),
    ...(Object.keys(queue).length > 0 && { queue }),
    ...(q.cursor && { cursor: q.cursor }),
  };
}

/** One page of the institution's work queue, earliest due first, as of its clock's now. */
export async function workQueue(p: Platform, tenant: Tenant, q: QueueRequest): Promise<QueuePage> {
  const now = p.clock.now();
  let unitIds: string[] | undefined;
  let unitSubtreeTruncated = false;
  if (q.unitId) {
    unitIds = unitSubtree(await tenantUnits(p, tenant), q.unitId);
    if (unitIds.length > MAX_UNIT_FILTER) {
      unitIds = [q.unitId];
      unitSubtreeTruncated = true;
    }
  }
  const filter = queueFilter(q, now, unitIds);
  const page = filter ? await complaintRecords(p, tenant, filter) : { items: [], nextCursor: null };
  const names = await partnerNames(p, page.items);
  return {
    items: page.items.map((r) => queueEntry(r, now.toISOString(), names)),
    nextCursor: page.nextCursor,
    now: now.toISOString(),
    ...(unitSubtreeTruncated && { unitSubtreeTruncated }),
  };
}

async function partnerNames(p: Platform, records: ComplaintRecord[]): Promise<Map<string, string | undefined>> {
  const ids = [...new Set(records.flatMap((r) => r.referrals.map((x) => x.partnerTenantId)))];
  const found = await Promise.all(ids.map(async (id) => [id, (await p.directory.find(id))?.name] as const));
  return new Map(found);
}

function queueEntry(r: ComplaintRecord, now: string, names: Map<string, string | undefined>): QueueEntry {
  const acknowledgeBy = pendingAcknowledgement(r);
  return {
    id: r.id,
    reference: r.reference,
    status: r.status,
    category: r.category,
    reason: r.reason,
    channel: r.channel,
    unitId: r.unitId,
    assignee: r.assignee,
    escalationLevel: r.escalationLevel,
    repeatOf: r.repeatOf,
    receivedAt: r.receivedAt,
    deadline: runningDeadline(r),
    overdue: isOverdueAt(r, now),
    provisional: r.deadlinesProvisional,
    ...(acknowledgeBy && { acknowledgeBy }),
    partners: r.referrals.map((x) => ({
      tenantId: x.partnerTenantId,
      name: names.get(x.partnerTenantId),
      status: x.status,
      ...(x.deadline && { deadline: x.deadline }),
    })),
  };
}
