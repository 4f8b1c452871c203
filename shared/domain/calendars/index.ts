export { CalendarIdSchema, CalendarDataSchema, LocalDateSchema } from './calendar-data-schema';
export type { CalendarId, CalendarData, LocalDate } from './calendar-data-schema';
export { calendarById, createCalendar } from './calendar';
export type { Calendar } from './calendar';
export { addDays, daysBetween, dayOfWeek, isWeekend, yearOf, yearsBetween } from './local-date';
export { localDateOf, startOfLocalDay, endOfLocalDay, isValidTimeZone } from './time-zone';
