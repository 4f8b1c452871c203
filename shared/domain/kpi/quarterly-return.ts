import type { InstitutionKind } from '../institution-kind';
import { categoriesIn, type Kpis, kpisFrom } from './kpi-report';
import { labelled } from './labels';

/**
 * The quarterly return's columns, in order: one row per institution and business category with any
 * figure in the period. The numbers are the API's (`kpisFrom` of the same counters, per category).
 */
export const RETURN_COLUMNS = [
  'period',
  'institution_id',
  'institution_name',
  'institution_kind',
  'category_code',
  'category_zh',
  'category_en',
  'received',
  'closed',
  'decided_on_time',
  'decided_late',
  'on_time_rate',
  'median_days_to_decision',
  'p90_days_to_decision',
  'became_overdue',
  'extended_complex',
  'extended_especially_complex',
  'escalations',
  'repeats',
  'closed_with_feedback',
  'review_requested',
  'review_changed_outcome',
  'withdrawn',
  'declined',
  'transferred',
  'forwarded',
] as const;

type Institution = { id: string; name: string; kind: InstitutionKind };

const num = (n: number | null) => (n === null ? '' : String(n));
const ratio = (n: number | null) => (n === null ? '' : n.toFixed(4));

function row(period: string, t: Institution, category: string, k: Kpis): string[] {
  const { label } = labelled(t.kind, 'category', category);
  return [
    period,
    t.id,
    t.name,
    t.kind,
    category,
    label['zh-CN'],
    label.en,
    num(k.received),
    num(k.closed),
    num(k.decided.onTime),
    num(k.decided.late),
    ratio(k.decided.onTimeRate),
    num(k.daysToDecision.median),
    num(k.daysToDecision.p90),
    num(k.becameOverdue),
    num(k.extensions.complex),
    num(k.extensions.especiallyComplex),
    num(k.escalations),
    num(k.repeats),
    num(k.feedbackBeforeClose.withFeedback),
    num(k.reviews.requested),
    num(k.reviews.changedOutcome),
    num(k.withdrawn),
    num(k.declined),
    num(k.transferred),
    num(k.forwarded),
  ];
}

/** The return's rows (without the header) from each institution's counters for the period. */
export function returnRows(
  period: string,
  institutions: readonly { tenant: Institution; totals: Record<string, number> }[],
): string[][] {
  return institutions.flatMap(({ tenant, totals }) =>
    categoriesIn(totals).map((category) => row(period, tenant, category, kpisFrom(totals, category))),
  );
}
