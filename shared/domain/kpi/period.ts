import { z } from 'zod';

/** A reporting period: a month (`2026-11`) or a quarter (`2026Q4`). */
export const PeriodSchema = z
  .string()
  .regex(/^(20\d\d)-(0[1-9]|1[0-2])$|^(20\d\d)Q[1-4]$/, 'must be a month (2026-11) or a quarter (2026Q4)');

/** The months of a period, as the counters' `yyyy-mm` keys. */
export function monthsOf(period: string): string[] {
  const q = /^(\d{4})Q([1-4])$/.exec(period);
  if (!q) return [period];
  const first = (Number(q[2]) - 1) * 3 + 1;
  return [0, 1, 2].map((i) => `${q[1]}-${String(first + i).padStart(2, '0')}`);
}
