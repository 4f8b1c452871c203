export type { Calendar, CalendarResolver, LoadedYear } from './calendar';
export { calendarById, calendarsWith, createCalendar, shippedYear } from './calendar';
export type { CalendarData, CalendarId, LocalDate, StatutoryHolidays } from './calendar-data-schema';
export { CalendarDataSchema, CalendarIdSchema, LocalDateSchema, StatutoryHolidaysSchema } from './calendar-data-schema';
export { addDays, dayOfWeek, daysBetween, isWeekend, yearOf, yearsBetween } from './local-date';
export { endOfLocalDay, isValidTimeZone, localDateOf, startOfLocalDay } from './time-zone';
