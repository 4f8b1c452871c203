export type { Calendar } from './calendar';
export { calendarById, createCalendar } from './calendar';
export type { CalendarData, CalendarId, LocalDate } from './calendar-data-schema';
export { CalendarDataSchema, CalendarIdSchema, LocalDateSchema } from './calendar-data-schema';
export { addDays, dayOfWeek, daysBetween, isWeekend, yearOf, yearsBetween } from './local-date';
export { endOfLocalDay, isValidTimeZone, localDateOf, startOfLocalDay } from './time-zone';
