import { z } from 'zod';
import type { InstitutionKpis } from '../../application/regulator-kpis';

/** The league table's sortable columns: what a supervisor ranks institutions by. */
export const SortKeySchema = z.enum(['overdue', 'onTime', 'perCustomer']);
export type SortKey = z.infer<typeof SortKeySchema>;
export const DirSchema = z.enum(['asc', 'desc']);
export type Dir = z.infer<typeof DirSchema>;

const VALUE: Record<SortKey, (r: InstitutionKpis) => number | null> = {
  overdue: (r) => r.gauges.overdueNow,
  onTime: (r) => r.kpis.decided.onTimeRate,
  perCustomer: (r) => r.per10kCustomers,
};

/** Sorted by the column, institutions without a figure last either way, ties by name then id. */
export function sortLeague(rows: readonly InstitutionKpis[], key: SortKey, dir: Dir): InstitutionKpis[] {
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = VALUE[key](a);
    const y = VALUE[key](b);
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
    } else if (x !== y) return (x - y) * sign;
    return a.name.localeCompare(b.name, 'zh-CN') || a.id.localeCompare(b.id);
  });
}
