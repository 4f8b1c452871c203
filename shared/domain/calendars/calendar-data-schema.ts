import { z } from 'zod';

export const CalendarIdSchema = z.enum(['cn', 'uk-ew', 'us-federal', 'eu-target', 'none']);

/** A calendar date with no time and no zone: deadlines are days in a place, not instants. */
export const LocalDateSchema = z.iso.date();

/**
 * A holiday calendar as shipped data. `years` is what the source actually covers: outside it the
 * calendar falls back to the weekend rule and deadlines say they are provisional.
 */
export const CalendarDataSchema = z.object({
  id: CalendarIdSchema,
  source: z.string().min(1),
  generatedAt: z.iso.datetime(),
  years: z.array(z.number().int()),
  /** Days off, including weekend days inside a holiday block. */
  holidays: z.array(LocalDateSchema),
  /** Weekend days that are working days (China's make-up workdays, 调休). */
  workdays: z.array(LocalDateSchema),
});

export type CalendarId = z.infer<typeof CalendarIdSchema>;
export type LocalDate = z.infer<typeof LocalDateSchema>;
export type CalendarData = z.infer<typeof CalendarDataSchema>;

/**
 * Days off fixed by law rather than by the yearly notice: for China, 全国年节及纪念日放假办法 Art. 2 as
 * revised on 2024-11-10 (in force 2025-01-01). Used for years the published schedule does not cover
 * yet, so a provisional deadline never lands on New Year's Day or a Spring Festival day.
 */
export const StatutoryHolidaysSchema = z.object({
  id: CalendarIdSchema,
  law: z.string().min(1),
  source: z.string().min(1),
  generatedAt: z.iso.datetime(),
  years: z.array(z.number().int()),
  holidays: z.array(LocalDateSchema),
});

export type StatutoryHolidays = z.infer<typeof StatutoryHolidaysSchema>;
