/**
 * Working-day calendars built from shipped data. A date outside the years a calendar covers is
 * judged by the weekend rule alone: callers ask `covers` and must flag such results as provisional,
 * because an unpublished holiday schedule (China's next year before November) is unknown, not empty.
 */

import { type CalendarData, CalendarDataSchema, type CalendarId } from './calendar-data-schema';
import cnData from './cn.json';
import euData from './eu-target.json';
import { addDays, isWeekend, yearOf } from './local-date';
import ukData from './uk-ew.json';
import usData from './us-federal.json';

/** Far more working days than any complaint rule needs; stops a corrupt calendar from looping forever. */
const MAX_SCAN_DAYS = 3660;

export function createCalendar(data: CalendarData, options: { coversEveryYear?: boolean } = {}) {
  const holidays = new Set(data.holidays);
  const workdays = new Set(data.workdays);
  const years = new Set(data.years);

  const isWorkingDay = (date: string): boolean => {
    if (workdays.has(date)) return true;
    return !isWeekend(date) && !holidays.has(date);
  };

  /** The first working day strictly after `date`. */
  const nextWorkingDay = (date: string): string => {
    let d = date;
    for (let i = 0; i < MAX_SCAN_DAYS; i++) {
      d = addDays(d, 1);
      if (isWorkingDay(d)) return d;
    }
    throw new Error(`calendar ${data.id}: no working day within ${MAX_SCAN_DAYS} days after ${date}`);
  };

  return {
    id: data.id,
    source: data.source,
    years: [...data.years],
    isWorkingDay,
    nextWorkingDay,
    /** `date` itself when it is a working day, else the next one (a deadline's last day rolling). */
    rollForward: (date: string): string => (isWorkingDay(date) ? date : nextWorkingDay(date)),
    /** The n-th working day after `date`; `date` itself is never counted (day of receipt). */
    addWorkingDays: (date: string, n: number): string => {
      if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0: ${n}`);
      let d = date;
      for (let i = 0; i < n; i++) d = nextWorkingDay(d);
      return d;
    },
    covers: (year: number): boolean => options.coversEveryYear === true || years.has(year),
    coversDate: (date: string): boolean => options.coversEveryYear === true || years.has(yearOf(date)),
  };
}

export type Calendar = ReturnType<typeof createCalendar>;

const NONE: CalendarData = {
  id: 'none',
  source: 'no holidays: Saturday and Sunday are the only non-working days',
  generatedAt: '2026-01-01T00:00:00.000Z',
  years: [],
  holidays: [],
  workdays: [],
};

// Parsed once at load: a malformed data file fails fast here rather than as a wrong deadline later.
const CALENDARS: Record<CalendarId, Calendar> = {
  cn: createCalendar(CalendarDataSchema.parse(cnData)),
  'uk-ew': createCalendar(CalendarDataSchema.parse(ukData)),
  'us-federal': createCalendar(CalendarDataSchema.parse(usData)),
  'eu-target': createCalendar(CalendarDataSchema.parse(euData)),
  // Weekends only, by definition complete for every year: nothing in it can be unpublished.
  none: createCalendar(NONE, { coversEveryYear: true }),
};

export function calendarById(id: CalendarId): Calendar {
  return CALENDARS[id];
}
