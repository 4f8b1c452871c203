/**
 * Working-day calendars built from shipped data (loaded-years.ts lays an operator's years over
 * them). A date outside
 * the years a calendar covers is judged by the weekend rule and the days fixed by law (China's
 * statutory holidays): callers ask `covers` and must flag such results as provisional, because an
 * unpublished schedule (China's next year before November) adds bridging days and make-up working
 * days nobody knows yet.
 */

import {
  type CalendarData,
  CalendarDataSchema,
  type CalendarId,
  type LocalDate,
  StatutoryHolidaysSchema,
} from './calendar-data-schema';
import cnData from './cn.json';
import cnStatutory from './cn-statutory.json';
import euData from './eu-target.json';
import { addDays, isWeekend, yearOf } from './local-date';
import ukData from './uk-ew.json';
import usData from './us-federal.json';

/** Far more working days than any complaint rule needs; stops a corrupt calendar from looping forever. */
const MAX_SCAN_DAYS = 3660;

export type CalendarOptions = {
  coversEveryYear?: boolean;
  /** Days off by law in any year; used only in years `data` does not cover. */
  statutory?: readonly LocalDate[];
};

export function createCalendar(data: CalendarData, options: CalendarOptions = {}) {
  const years = new Set(data.years);
  const holidays = new Set([...data.holidays, ...(options.statutory ?? []).filter((d) => !years.has(yearOf(d)))]);
  const workdays = new Set(data.workdays);

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
const CN_STATUTORY = StatutoryHolidaysSchema.parse(cnStatutory);
const SHIPPED: Record<CalendarId, { data: CalendarData; options: CalendarOptions }> = {
  cn: {
    data: CalendarDataSchema.parse(cnData),
    options: { statutory: CN_STATUTORY.holidays },
  },
  'uk-ew': { data: CalendarDataSchema.parse(ukData), options: {} },
  'us-federal': { data: CalendarDataSchema.parse(usData), options: {} },
  'eu-target': { data: CalendarDataSchema.parse(euData), options: {} },
  // Weekends only, by definition complete for every year: nothing in it can be unpublished.
  none: { data: NONE, options: { coversEveryYear: true } },
};

const CALENDARS = Object.fromEntries(
  Object.entries(SHIPPED).map(([id, s]) => [id, createCalendar(s.data, s.options)]),
) as Record<CalendarId, Calendar>;

/** Which calendar to count a policy's days in: the shipped one, or with an operator's loaded years. */
export type CalendarResolver = (id: CalendarId) => Calendar;

/** The shipped calendar (data files only). */
export function calendarById(id: CalendarId): Calendar {
  return CALENDARS[id];
}

/** The shipped data and options of a calendar, for laying loaded years over it (loaded-years.ts). */
export function shippedSource(id: CalendarId): { data: CalendarData; options: CalendarOptions } {
  return SHIPPED[id];
}

/** The days the law fixes in `year` (empty for calendars with no statutory data, or beyond it). */
export function statutoryDays(id: CalendarId, year: number): LocalDate[] {
  return (SHIPPED[id].options.statutory ?? []).filter((d) => yearOf(d) === year);
}

/** What the shipped data says about one year, for showing an operator what a load would replace. */
export function shippedYear(id: CalendarId, year: number) {
  const { data, options } = SHIPPED[id];
  const inYear = (d: string) => yearOf(d) === year;
  const published = options.coversEveryYear === true || data.years.includes(year);
  return {
    published,
    source: published
      ? data.source
      : (STATUTORY_SOURCE[id] ?? `no ${id} schedule for ${year} in the data: weekends only, deadlines provisional`),
    holidays: published ? data.holidays.filter(inYear) : statutoryDays(id, year),
    workingDays: published ? data.workdays.filter(inYear) : [],
  };
}

const STATUTORY_SOURCE: Partial<Record<CalendarId, string>> = {
  cn: `${CN_STATUTORY.law}: statutory days only, no State Council schedule yet`,
};
