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
