/**
 * One year of a holiday calendar as a platform operator loads it, from the official notice (China's
 * State Council schedule, published each November). Checked against the rules of the calendar so a
 * typo cannot move every deadline in the country: each problem is reported, not just the first.
 */
import { z } from 'zod';
import { statutoryDays } from './calendar';
import { type CalendarId, LocalDateSchema } from './calendar-data-schema';
import { isWeekend, yearOf } from './local-date';

export const CalendarYearInputSchema = z.strictObject({
  /** Days off, including weekend days inside a holiday block. */
  holidays: z.array(LocalDateSchema).max(366),
  /** Weekend days that are working days (China's make-up working days, 调休上班). */
  workingDays: z.array(LocalDateSchema).max(366),
  /** The notice: its number or URL (国办发明电〔2026〕N号, https://www.gov.cn/…). */
  source: z.string().trim().min(3).max(500),
});
export type CalendarYearInput = z.infer<typeof CalendarYearInputSchema>;

export const LOADABLE_YEARS = { min: 2000, max: 2099 } as const;

/** Only China's schedule moves weekend work days; bank and federal holidays never do. */
const HAS_MAKE_UP_DAYS: ReadonlySet<CalendarId> = new Set(['cn']);

export type CalendarYearProblem = { path: (string | number)[]; message: string };

export function calendarYearProblems(
  calendar: CalendarId,
  year: number,
  input: CalendarYearInput,
): CalendarYearProblem[] {
  const problems: CalendarYearProblem[] = [];
  if (calendar === 'none') {
    return [{ path: ['calendar'], message: 'the weekend-only calendar has no holidays to load' }];
  }
  const holidays = new Set(input.holidays);
  const seen = new Set<string>();
  for (const [field, dates] of [
    ['holidays', input.holidays],
    ['workingDays', input.workingDays],
  ] as const) {
    dates.forEach((d, i) => {
      if (yearOf(d) !== year) problems.push({ path: [field, i], message: `${d} is not in ${year}` });
      if (seen.has(`${field}|${d}`)) problems.push({ path: [field, i], message: `${d} is listed twice` });
      seen.add(`${field}|${d}`);
    });
  }
  input.workingDays.forEach((d, i) => {
    if (holidays.has(d))
      problems.push({ path: ['workingDays', i], message: `${d} is both a holiday and a working day` });
    else if (!HAS_MAKE_UP_DAYS.has(calendar))
      problems.push({ path: ['workingDays', i], message: `${calendar} has no make-up working days` });
    else if (!isWeekend(d))
      problems.push({
        path: ['workingDays', i],
        message: `${d} is a weekday, a working day anyway: only a Saturday or Sunday can be a make-up working day`,
      });
  });
  // A notice only arranges the days around the ones the law fixes; it never takes one away.
  for (const d of statutoryDays(calendar, year))
    if (!holidays.has(d))
      problems.push({ path: ['holidays'], message: `${d} is a statutory holiday by law and must be a holiday` });
  return problems;
}
