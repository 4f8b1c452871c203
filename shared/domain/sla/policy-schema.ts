import { z } from 'zod';
import { CalendarIdSchema } from '../calendars/calendar-data-schema';
import { PolicyPresetIdSchema, TimeZoneSchema } from '../tenant/tenant-schema';

export const DurationUnitSchema = z.enum(['calendar_days', 'business_days']);

/** Periods run from the day after the starting event (the day of receipt is not counted). */
export const DurationSchema = z.strictObject({
  amount: z.number().int().positive(),
  unit: DurationUnitSchema,
});

export const ExtensionTierIdSchema = z.enum(['complex', 'especially_complex']);

/** An extension replaces the decision period: `total` is counted from receipt, not added to it. */
export const ExtensionTierSchema = z.strictObject({
  total: DurationSchema,
  requiresApproval: z.boolean(),
  requiresNotice: z.boolean(),
});

export const ConfidenceSchema = z.enum(['P', 'S', 'U']);

export const PolicyNoteSchema = z
  .strictObject({
    rule: z.string().min(1),
    confidence: ConfidenceSchema,
    text: z.string().min(1),
  })
  // regulation.md: an unconfirmed rule must be configurable, and the preset must say so.
  .refine((n) => n.confidence !== 'U' || /configurable/i.test(n.text), {
    message: 'a U-rated rule must say it is configurable',
    path: ['text'],
  });

export const EscalationCheckpointSchema = z.strictObject({
  fraction: z.number().gt(0).lte(1),
  level: z.number().int().positive(),
});

export const EscalationSchema = z
  .strictObject({
    checkpoints: z.array(EscalationCheckpointSchema).min(1),
    /** ISO 8601 days only ('P1D', 'P2D'): overdue reminders fall at the end of a local day. */
    afterDeadlineEvery: z.string().regex(/^P[1-9]\d*D$/, "must be whole days, e.g. 'P1D'"),
  })
  .refine((e) => e.checkpoints.every((c, i, all) => i === 0 || c.fraction > all[i - 1]!.fraction), {
    message: 'checkpoint fractions must be strictly increasing',
    path: ['checkpoints'],
  })
  .refine((e) => e.checkpoints.at(-1)?.fraction === 1, {
    message: 'the last checkpoint must be the deadline itself (fraction 1)',
    path: ['checkpoints'],
  });

export const SlaPolicySchema = z.strictObject({
  id: PolicyPresetIdSchema,
  /** Bumped whenever a rule changes; complaints keep the version their deadlines were computed with. */
  version: z.string().min(1),
  jurisdiction: z.string().min(2),
  calendar: CalendarIdSchema,
  timezone: TimeZoneSchema,
  acknowledgement: DurationSchema,
  decision: DurationSchema,
  extensions: z.strictObject({
    complex: ExtensionTierSchema.optional(),
    especially_complex: ExtensionTierSchema.optional(),
  }),
  /** The complainant's window to ask for review, from the decision notice; null: no internal review. */
  reviewRequestWindow: DurationSchema.nullable(),
  /** The institution's deadline for the review decision, from the request; null: no internal review. */
  reviewDecision: DurationSchema.nullable(),
  /** A calendar-day period whose last day is not a working day ends on the next working day. */
  rollToWorkingDay: z.boolean(),
  escalation: EscalationSchema,
  notes: z.array(PolicyNoteSchema).min(1),
});

export type DurationUnit = z.infer<typeof DurationUnitSchema>;
export type Duration = z.infer<typeof DurationSchema>;
export type ExtensionTierId = z.infer<typeof ExtensionTierIdSchema>;
export type ExtensionTier = z.infer<typeof ExtensionTierSchema>;
export type PolicyNote = z.infer<typeof PolicyNoteSchema>;
export type Escalation = z.infer<typeof EscalationSchema>;
export type SlaPolicy = z.infer<typeof SlaPolicySchema>;
export type SlaPolicyId = SlaPolicy['id'];

/** Days between overdue reminders, from the policy's 'PnD'. */
export function afterDeadlineDays(escalation: Escalation): number {
  return Number(escalation.afterDeadlineEvery.slice(1, -1));
}
