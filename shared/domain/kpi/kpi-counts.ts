import { localDateOf } from '../calendars';
import type { ComplaintRecord } from '../complaint/complaint-schema';
import { isOpen } from '../complaint/status';

/**
 * The regulator's KPI counters: which increments one change of a complaint produces, judged from
 * the record before and after it (null before: just received) and the types of events it records.
 * The one writer of complaints adds them to the change's own transaction, so the aggregates never
 * drift from the records and dashboards never read complaints.
 *
 * Month counters are named `kpi.<name>` for the institution and `kpi.<name>@<category>` for its
 * business category (the quarterly return's rows); gauges (`open`, `overdue`) live beside them in
 * one item that is not per month.
 */
export type KpiIncrements = { month: Record<string, number>; gauges: Record<string, number> };

/** Days to decision are counted in single days up to this; beyond it in one bucket. */
export const DAYS_BUCKET_CAP = 90;
export const daysBucket = (days: number) => (days > DAYS_BUCKET_CAP ? `${DAYS_BUCKET_CAP + 1}+` : String(days));

/** Calendar days in the institution's time zone from receipt to decision (0: decided the day it came in). */
export function daysToDecision(receivedAt: string, decidedAt: string, timezone: string): number {
  const from = Date.parse(`${localDateOf(receivedAt, timezone)}T00:00:00Z`);
  const to = Date.parse(`${localDateOf(decidedAt, timezone)}T00:00:00Z`);
  return Math.max(0, Math.round((to - from) / 86_400_000));
}

export const KPI_PREFIX = 'kpi.';
export const GAUGE_OPEN = 'kpi.open';
export const GAUGE_OVERDUE = 'kpi.overdue';

const overdueOpen = (r: ComplaintRecord | null) => r !== null && isOpen(r.status) && r.overdue;

/** The month counters one complaint contributes by itself (no category split, no prefix). */
function facts(before: ComplaintRecord | null, after: ComplaintRecord, escalations: number, timezone: string) {
  const f: Record<string, number> = {};
  const add = (name: string, by = 1) => {
    if (by !== 0) f[name] = (f[name] ?? 0) + by;
  };
  if (!before) {
    add('received');
    if (after.repeatOf) add('repeats');
    if (after.channel === 'regulator_transfer') add('forwarded');
  }
  if (!before?.overdue && after.overdue) add('becameOverdue');
  if (!before?.decision && after.decision) {
    add(after.decision.onTime ? 'decided.onTime' : 'decided.late');
    add(`daysToDecision.${daysBucket(daysToDecision(after.receivedAt, after.decision.decidedAt, timezone))}`);
  }
  if (!before?.extension && after.extension) add(`extended.${after.extension.tier}`);
  add('escalations', escalations);
  if (!before?.reviewRequest && after.reviewRequest) add('reviewRequested');
  if (!before?.reviewDecision && after.reviewDecision?.outcome === 'changed') add('reviewChanged');
  if (before?.status !== 'closed' && after.status === 'closed') {
    add('closed');
    if (after.feedback) add('closed.withFeedback');
  }
  if (!before?.ended && after.ended) add(after.ended.kind);
  return f;
}

/**
 * The increments of one change: month counters (for the institution and its category; receipt
 * dimensions only when received) and the gauges' moves.
 */
export function kpiCounts(
  before: ComplaintRecord | null,
  after: ComplaintRecord,
  eventTypes: readonly string[],
  timezone: string,
): KpiIncrements {
  const escalations = eventTypes.filter((t) => t === 'escalated').length;
  const month: Record<string, number> = {};
  for (const [name, by] of Object.entries(facts(before, after, escalations, timezone))) {
    month[`${KPI_PREFIX}${name}`] = by;
    month[`${KPI_PREFIX}${name}@${after.category}`] = by;
  }
  if (!before) {
    month[`${KPI_PREFIX}channel.${after.channel}`] = 1;
    month[`${KPI_PREFIX}reason.${after.reason}`] = 1;
  }
  const gauges: Record<string, number> = {};
  const open = Number(isOpen(after.status)) - (before ? Number(isOpen(before.status)) : 0);
  const overdue = Number(overdueOpen(after)) - Number(overdueOpen(before));
  if (open !== 0) gauges[GAUGE_OPEN] = open;
  if (overdue !== 0) gauges[GAUGE_OVERDUE] = overdue;
  return { month, gauges };
}
