import type { ComplaintRecord } from '../../shared/domain/complaint/complaint-schema';
import type { ComplaintEvent } from '../../shared/domain/events/event-schema';

/**
 * The test's own reckoning of the KPIs from the stored records and their events, written without
 * the platform's KPI code: each fact is counted in the month (Shanghai time) it happened.
 */
const TZ = 'Asia/Shanghai';
const localDate = (iso: string) => new Date(iso).toLocaleDateString('sv-SE', { timeZone: TZ });
const ENDED = ['closed', 'withdrawn', 'declined', 'transferred'];

export function monthsOfPeriod(period: string): string[] {
  if (!period.includes('Q')) return [period];
  const [y, q] = period.split('Q');
  const m0 = (Number(q) - 1) * 3;
  return [1, 2, 3].map((i) => `${y}-${String(m0 + i).padStart(2, '0')}`);
}

function nearestRank(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(p * sorted.length) - 1]!;
}

export type Case = { record: ComplaintRecord; events: ComplaintEvent[] };

export function expectedKpis(cases: Case[], period: string, category?: string) {
  const months = monthsOfPeriod(period);
  const inPeriod = (iso: string | undefined) => iso !== undefined && months.includes(localDate(iso).slice(0, 7));
  const mine = cases.filter((c) => !category || c.record.category === category);
  const count = (f: (c: Case) => boolean) => mine.filter(f).length;
  const eventsOf = (type: string) => mine.flatMap((c) => c.events.filter((e) => e.type === type && inPeriod(e.at)));
  const decidedHere = mine.filter((c) => inPeriod(c.record.decision?.decidedAt));
  const days = decidedHere.map(
    (c) =>
      (Date.parse(localDate(c.record.decision!.decidedAt)) - Date.parse(localDate(c.record.receivedAt))) / 86_400_000,
  );
  const histogram: Record<string, number> = {};
  for (const d of days) histogram[String(d)] = (histogram[String(d)] ?? 0) + 1;
  const onTime = decidedHere.filter((c) => c.record.decision!.onTime).length;
  const late = decidedHere.length - onTime;
  const closed = mine.filter((c) => c.record.status === 'closed' && inPeriod(c.record.closedAt));
  const withFeedback = closed.filter((c) => c.record.feedback).length;
  const ended = (kind: string) => count((c) => c.record.ended?.kind === kind && inPeriod(c.record.ended.at));
  return {
    received: count((c) => inPeriod(c.record.receivedAt)),
    closed: closed.length,
    becameOverdue: eventsOf('overdue').length,
    decided: { onTime, late, onTimeRate: decidedHere.length ? onTime / decidedHere.length : null },
    daysToDecision: { median: nearestRank(days, 0.5), p90: nearestRank(days, 0.9), histogram },
    extensions: {
      complex: count((c) => c.record.extension?.tier === 'complex' && inPeriod(c.record.extension.at)),
      especiallyComplex: count(
        (c) => c.record.extension?.tier === 'especially_complex' && inPeriod(c.record.extension.at),
      ),
    },
    escalations: eventsOf('escalated').length,
    repeats: count((c) => c.record.repeatOf !== null && inPeriod(c.record.receivedAt)),
    feedbackBeforeClose: {
      closed: closed.length,
      withFeedback,
      rate: closed.length ? withFeedback / closed.length : null,
    },
    reviews: {
      requested: count((c) => inPeriod(c.record.reviewRequest?.requestedAt)),
      changedOutcome: count(
        (c) => c.record.reviewDecision?.outcome === 'changed' && inPeriod(c.record.reviewDecision.decidedAt),
      ),
    },
    withdrawn: ended('withdrawn'),
    declined: ended('declined'),
    transferred: ended('transferred'),
    forwarded: count((c) => c.record.channel === 'regulator_transfer' && inPeriod(c.record.receivedAt)),
  };
}

export function expectedGauges(cases: Case[]) {
  const open = cases.filter((c) => !ENDED.includes(c.record.status));
  return { openNow: open.length, overdueNow: open.filter((c) => c.record.overdue).length };
}
