import { localDateOf } from '../calendars';
import type { ComplaintRecord } from '../complaint/complaint-schema';
import type { ComplaintSnapshot } from '../complaint/snapshot';
import { isOpen } from '../complaint/status';
import { daysBucket, daysToDecision, GAUGE_OPEN, GAUGE_OVERDUE, KPI_PREFIX } from './kpi-counts';

/** An event as stored: its type and time, and the complaint as it stood right after it. */
export type HistoryEvent = { type: string; at: string; snapshot?: Pick<ComplaintSnapshot, 'overdue'> };

/**
 * The KPI counters one complaint has contributed so far, month by month, read back from its record
 * and its stored events: what `kpiCounts` adds change by change, summed up afterwards. Rebuilding
 * the aggregates of complaints received before they were kept (or checking them) adds these up.
 */
export function historyCounts(
  r: ComplaintRecord,
  events: readonly HistoryEvent[],
  timezone: string,
): { months: Map<string, Record<string, number>>; gauges: Record<string, number> } {
  const months = new Map<string, Record<string, number>>();
  const add = (at: string | undefined, name: string, by = 1, split = true) => {
    if (at === undefined || by === 0) return;
    const month = localDateOf(at, timezone).slice(0, 7);
    const m = months.get(month) ?? {};
    const keys = split ? [`${KPI_PREFIX}${name}`, `${KPI_PREFIX}${name}@${r.category}`] : [`${KPI_PREFIX}${name}`];
    for (const k of keys) m[k] = (m[k] ?? 0) + by;
    months.set(month, m);
  };
  add(r.receivedAt, 'received');
  if (r.repeatOf) add(r.receivedAt, 'repeats');
  if (r.channel === 'regulator_transfer') add(r.receivedAt, 'forwarded');
  add(r.receivedAt, `channel.${r.channel}`, 1, false);
  add(r.receivedAt, `reason.${r.reason}`, 1, false);
  // The overdue flag's rises, as the event snapshots recorded them (a review request clears it).
  let overdue = false;
  for (const e of events) {
    if (e.type === 'escalated') add(e.at, 'escalations');
    // Events stored before snapshots were: an `overdue` event is the rise.
    const flag: boolean = e.snapshot ? e.snapshot.overdue : overdue || e.type === 'overdue';
    if (flag && !overdue) add(e.at, 'becameOverdue');
    overdue = flag;
  }
  if (r.decision) {
    add(r.decision.decidedAt, r.decision.onTime ? 'decided.onTime' : 'decided.late');
    add(
      r.decision.decidedAt,
      `daysToDecision.${daysBucket(daysToDecision(r.receivedAt, r.decision.decidedAt, timezone))}`,
    );
  }
  if (r.extension) add(r.extension.at, `extended.${r.extension.tier}`);
  if (r.reviewRequest) add(r.reviewRequest.requestedAt, 'reviewRequested');
  if (r.reviewDecision?.outcome === 'changed') add(r.reviewDecision.decidedAt, 'reviewChanged');
  if (r.status === 'closed' && r.closedAt) {
    add(r.closedAt, 'closed');
    if (r.feedback) add(r.closedAt, 'closed.withFeedback');
  }
  if (r.ended) add(r.ended.at, r.ended.kind);
  const open = isOpen(r.status);
  return { months, gauges: { [GAUGE_OPEN]: Number(open), [GAUGE_OVERDUE]: Number(open && r.overdue) } };
}
