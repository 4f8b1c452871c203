import { z } from 'zod';
import { CalendarIdSchema, LocalDateSchema } from '../calendars/calendar-data-schema';
import { TimeZoneSchema } from '../tenant/tenant-schema';
import { DurationSchema, ExtensionTierIdSchema, SlaPolicySchema } from './policy-schema';

const InstantSchema = z.iso.datetime({ offset: true });

export const PauseSchema = z
  .strictObject({ from: InstantSchema, to: InstantSchema })
  .refine((p) => Date.parse(p.to) >= Date.parse(p.from), {
    message: 'a pause must not end before it starts',
    path: ['to'],
  });

export const ComputeDeadlinesInputSchema = z.strictObject({
  policy: SlaPolicySchema,
  receivedAt: InstantSchema,
  /** The tenant's zone; the policy's default when absent. */
  timezone: TimeZoneSchema.optional(),
  extension: ExtensionTierIdSchema.optional(),
  pauses: z.array(PauseSchema).optional(),
  decidedAt: InstantSchema.optional(),
  /** When the complainant was told the decision: the review window runs from here when known. */
  feedbackAt: InstantSchema.optional(),
  reviewRequestedAt: InstantSchema.optional(),
});

/** How one deadline was reached, so staff and the regulator can check the arithmetic. */
export const PeriodBasisSchema = z.object({
  rule: DurationSchema,
  /** Local date of the starting event (plus paused days); counting begins the day after. */
  startDate: LocalDateSchema,
  nominalLastDay: LocalDateSchema,
  lastDay: LocalDateSchema,
  rolled: z.boolean(),
  /** Years the holiday calendar was needed for but does not cover: the weekend rule stood in. */
  uncoveredYears: z.array(z.number().int()),
});

export const DeadlinesResultSchema = z.object({
  acknowledgement: z.iso.datetime(),
  decision: z.iso.datetime(),
  extendedDecision: z.iso.datetime().optional(),
  reviewRequest: z.iso.datetime().optional(),
  reviewDecision: z.iso.datetime().optional(),
  /** True when any deadline relied on a year the holiday calendar does not cover yet. */
  provisional: z.boolean(),
  /** The same, deadline by deadline: a later load of that year's schedule may move exactly these. */
  provisionalBy: z.object({
    acknowledgement: z.boolean(),
    decision: z.boolean(),
    extendedDecision: z.boolean().optional(),
    reviewRequest: z.boolean().optional(),
    reviewDecision: z.boolean().optional(),
  }),
  basis: z.object({
    policy: z.object({ id: z.string(), version: z.string() }),
    timezone: z.string(),
    calendar: CalendarIdSchema,
    receivedDate: LocalDateSchema,
    pausedDays: z.number().int().nonnegative(),
    reviewWindowFrom: z.enum(['feedbackAt', 'decidedAt']).optional(),
    periods: z.object({
      acknowledgement: PeriodBasisSchema,
      decision: PeriodBasisSchema,
      extendedDecision: PeriodBasisSchema.optional(),
      reviewRequest: PeriodBasisSchema.optional(),
      reviewDecision: PeriodBasisSchema.optional(),
    }),
  }),
});

export type Pause = z.infer<typeof PauseSchema>;
export type ComputeDeadlinesInput = z.input<typeof ComputeDeadlinesInputSchema>;
export type PeriodBasis = z.infer<typeof PeriodBasisSchema>;
export type DeadlinesResult = z.infer<typeof DeadlinesResultSchema>;
