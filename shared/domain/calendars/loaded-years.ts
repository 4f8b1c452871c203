/**
 * Calendars with the years a platform operator loaded (PUT /admin/v1/calendars/{calendar}/{year})
 * laid over the shipped data: what both runtimes count deadlines with.
 */
import { type Calendar, type CalendarResolver, calendarById, createCalendar, shippedSource } from './calendar';
import type { CalendarData, CalendarId, LocalDate } from './calendar-data-schema';
import { yearOf } from './local-date';

/** One year's schedule as an operator loaded it (PUT /admin/v1/calendars/{calendar}/{year}). */
export type LoadedYear = {
  calendar: CalendarId;
  year: number;
  holidays: readonly LocalDate[];
  workingDays: readonly LocalDate[];
};

/**
 * The shipped calendars with the loaded years laid over them: a loaded year replaces whatever the
 * data files say about that year (a correction as much as an addition) and counts as covered.
 */
export function calendarsWith(loaded: readonly LoadedYear[]): CalendarResolver {
  if (loaded.length === 0) return calendarById;
  const built = new Map<CalendarId, Calendar>();
  return (id) => {
    let calendar = built.get(id);
    if (!calendar) {
      const mine = loaded.filter((l) => l.calendar === id);
      calendar =
        mine.length === 0
          ? calendarById(id)
          : createCalendar(overlay(shippedSource(id).data, mine), shippedSource(id).options);
      built.set(id, calendar);
    }
    return calendar;
  };
}

function overlay(data: CalendarData, loaded: readonly LoadedYear[]): CalendarData {
  const replaced = new Set(loaded.map((l) => l.year));
  const kept = (dates: readonly string[]) => dates.filter((d) => !replaced.has(yearOf(d)));
  return {
    ...data,
    years: [...new Set([...data.years, ...replaced])].sort((a, b) => a - b),
    holidays: [...kept(data.holidays), ...loaded.flatMap((l) => l.holidays)].sort(),
    workdays: [...kept(data.workdays), ...loaded.flatMap((l) => l.workingDays)].sort(),
  };
}
