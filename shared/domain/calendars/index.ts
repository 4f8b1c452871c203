export type { Calendar, CalendarResolver, LoadedYear } from './calendar';
export { calendarById, calendarsWith, createCalendar, shippedYear, statutoryDays } from './calendar';
export type { CalendarData, CalendarId, LocalDate, StatutoryHolidays } from './calendar-data-schema';
export { CalendarDataSchema, CalendarIdSchema, LocalDateSchema, StatutoryHolidaysSchema } from './calendar-data-schema';
export type { CalendarYearInput, CalendarYearProblem } from './calendar-year';
export { CalendarYearInputSchema, calendarYearProblems, LOADABLE_YEARS } from './calendar-year';
export { addDays, dayOfWeek, daysBetween, isWeekend, yearOf, yearsBetween } from './local-date';
export { endOfLocalDay, isValidTimeZone, localDateOf, startOfLocalDay } from './time-zone';
