import { z } from 'zod';
import { DAYS_BUCKET_CAP, GAUGE_OPEN, GAUGE_OVERDUE, KPI_PREFIX } from './kpi-counts';

const Rate = z.number().min(0).max(1).nullable();

/** One institution's (or one category's) figures for a period; rates are null when nothing was counted. */
export const KpisSchema = z.object({
  received: z.number().int(),
  closed: z.number().int(),
  becameOverdue: z.number().int(),
  decided: z.object({ onTime: z.number().int(), late: z.number().int(), onTimeRate: Rate }),
  daysToDecision: z.object({
    median: z.number().nullable(),
    p90: z.number().nullable(),
    /** Decisions per day count; the last bucket holds every decision after more than 90 days. */
    histogram: z.record(z.string(), z.number().int()),
  }),
  extensions: z.object({ complex: z.number().int(), especiallyComplex: z.number().int() }),
  escalations: z.number().int(),
  repeats: z.number().int(),
  feedbackBeforeClose: z.object({ closed: z.number().int(), withFeedback: z.number().int(), rate: Rate }),
  reviews: z.object({ requested: z.number().int(), changedOutcome: z.number().int() }),
  withdrawn: z.number().int(),
  declined: z.number().int(),
  transferred: z.number().int(),
  forwarded: z.number().int(),
});
export type Kpis = z.infer<typeof KpisSchema>;

export const GaugesSchema = z.object({ openNow: z.number().int(), overdueNow: z.number().int() });
export type Gauges = z.infer<typeof GaugesSchema>;

/** Counter items added up (shards, months): attribute by attribute. */
export function sumCounters(items: readonly Record<string, unknown>[]): Record<string, number> {
  const total: Record<string, number> = {};
  for (const item of items)
    for (const [k, v] of Object.entries(item))
      if (k.startsWith(KPI_PREFIX) && typeof v === 'number') total[k] = (total[k] ?? 0) + v;
  return total;
}

const rate = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/** The nearest-rank percentile of a day histogram (the capped bucket counts as 91 days). */
export function percentile(histogram: Record<string, number>, p: number): number | null {
  const days = Object.entries(histogram)
    .map(([bucket, n]) => [bucket.endsWith('+') ? DAYS_BUCKET_CAP + 1 : Number(bucket), n] as const)
    .sort((a, b) => a[0] - b[0]);
  const total = days.reduce((s, [, n]) => s + n, 0);
  if (total === 0) return null;
  const rank = Math.ceil(p * total);
  let seen = 0;
  for (const [day, n] of days) {
    seen += n;
    if (seen >= rank) return day;
  }
  return null;
}

/** The KPIs from summed counters, for the institution (`category` absent) or one of its categories. */
export function kpisFrom(totals: Record<string, number>, category?: string): Kpis {
  const get = (name: string) => totals[`${KPI_PREFIX}${name}${category ? `@${category}` : ''}`] ?? 0;
  const histogram: Record<string, number> = {};
  const suffix = category ? `@${category}` : '';
  const head = `${KPI_PREFIX}daysToDecision.`;
  for (const [k, n] of Object.entries(totals)) {
    if (!k.startsWith(head) || n === 0) continue;
    const rest = k.slice(head.length);
    const at = rest.indexOf('@');
    if ((at === -1 ? '' : rest.slice(at)) === suffix) histogram[at === -1 ? rest : rest.slice(0, at)] = n;
  }
  const onTime = get('decided.onTime');
  const late = get('decided.late');
  const closed = get('closed');
  const withFeedback = get('closed.withFeedback');
  return {
    received: get('received'),
    closed,
    becameOverdue: get('becameOverdue'),
    decided: { onTime, late, onTimeRate: rate(onTime, onTime + late) },
    daysToDecision: { median: percentile(histogram, 0.5), p90: percentile(histogram, 0.9), histogram },
    extensions: { complex: get('extended.complex'), especiallyComplex: get('extended.especially_complex') },
    escalations: get('escalations'),
    repeats: get('repeats'),
    feedbackBeforeClose: { closed, withFeedback, rate: rate(withFeedback, closed) },
    reviews: { requested: get('reviewRequested'), changedOutcome: get('reviewChanged') },
    withdrawn: get('withdrawn'),
    declined: get('declined'),
    transferred: get('transferred'),
    forwarded: get('forwarded'),
  };
}

export const gaugesFrom = (totals: Record<string, number>): Gauges => ({
  openNow: totals[GAUGE_OPEN] ?? 0,
  overdueNow: totals[GAUGE_OVERDUE] ?? 0,
});

/** The receipt counts of one dimension (`category`, `channel`, `reason`) by code. */
export function receivedBy(totals: Record<string, number>, dimension: 'category' | 'channel' | 'reason') {
  const out: Record<string, number> = {};
  if (dimension === 'category') {
    const head = `${KPI_PREFIX}received@`;
    for (const [k, n] of Object.entries(totals)) if (k.startsWith(head) && n) out[k.slice(head.length)] = n;
    return out;
  }
  const head = `${KPI_PREFIX}${dimension}.`;
  for (const [k, n] of Object.entries(totals)) if (k.startsWith(head) && n) out[k.slice(head.length)] = n;
  return out;
}

/** The categories that have any counter in the totals (the return's rows). */
export function categoriesIn(totals: Record<string, number>): string[] {
  const set = new Set<string>();
  for (const k of Object.keys(totals)) {
    const at = k.indexOf('@');
    if (k.startsWith(KPI_PREFIX) && at !== -1) set.add(k.slice(at + 1));
  }
  return [...set].sort();
}
