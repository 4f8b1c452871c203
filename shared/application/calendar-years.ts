import { shippedYear } from '../domain/calendars/calendar';
import type { CalendarId } from '../domain/calendars/calendar-data-schema';
import { type CalendarYearInput, calendarYearProblems } from '../domain/calendars/calendar-year';
import { ruleViolation } from '../domain/errors';
import type { StoredCalendarYear } from '../store/calendars-repo';
import { recountOpenDeadlines } from './deadline-recount';
import type { Platform } from './platform';

/** The year as deadlines are counted with it: loaded by an operator, published in the data, or the law alone. */
export type EffectiveCalendarYear = {
  calendar: CalendarId;
  year: number;
  origin: 'loaded' | 'shipped' | 'statutory';
  /** False when deadlines over this year are provisional (no schedule published or loaded). */
  final: boolean;
  holidays: string[];
  workingDays: string[];
  source: string;
  /** 0 until an operator loads the year. */
  version: number;
  loadedAt?: string;
  loadedBy?: string;
};

const fromStored = (s: StoredCalendarYear): EffectiveCalendarYear => ({
  calendar: s.calendar,
  year: s.year,
  origin: 'loaded',
  final: true,
  holidays: s.holidays,
  workingDays: s.workingDays,
  source: s.source,
  version: s.version,
  loadedAt: s.loadedAt,
  loadedBy: s.loadedBy,
});

export async function getCalendarYear(p: Platform, calendar: CalendarId, year: number): Promise<EffectiveCalendarYear> {
  const stored = await p.calendarYears.get(calendar, year);
  if (stored) return fromStored(stored);
  const shipped = shippedYear(calendar, year);
  return {
    calendar,
    year,
    origin: shipped.published ? 'shipped' : 'statutory',
    final: shipped.published,
    holidays: shipped.holidays,
    workingDays: shipped.workingDays,
    source: shipped.source,
    version: 0,
  };
}

/**
 * Stores the year (422 listing every problem), then recounts the open complaints whose deadlines
 * were provisional: each one that moves records `deadlines_recalculated` and has its timers re-armed.
 */
export async function putCalendarYear(
  p: Platform,
  calendar: CalendarId,
  year: number,
  input: CalendarYearInput,
  by: string,
  ifMatch: number | undefined,
): Promise<EffectiveCalendarYear & { recalculated: number; failedTenants: string[] }> {
  const problems = calendarYearProblems(calendar, year, input);
  if (problems.length > 0) {
    throw ruleViolation(
      'invalid_calendar_year',
      `${calendar} ${year}: ${problems.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`,
      problems,
    );
  }
  const stored = await p.calendarYears.put(
    {
      calendar,
      year,
      holidays: [...input.holidays].sort(),
      workingDays: [...input.workingDays].sort(),
      source: input.source,
      loadedAt: p.clock.now().toISOString(),
      loadedBy: by,
    },
    ifMatch,
  );
  p.calendars.evict();
  p.logger.info('calendar year loaded', { calendar, year, version: stored.version });
  const recount = await recountOpenDeadlines(p, { calendar, year, version: stored.version });
  return { ...fromStored(stored), ...recount };
}
