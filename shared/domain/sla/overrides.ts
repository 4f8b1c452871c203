/**
 * Tenant overrides: a tenant may only make its preset stricter. Each rejected field is reported,
 * not just the first, so the API's 422 tells the tenant everything to fix in one round trip.
 */
import { z } from 'zod';
import { type Duration, DurationSchema, DurationUnitSchema, type SlaPolicy } from './policy-schema';

/** An amount in the preset's own unit; naming the unit is optional and must then match. */
export const OverrideDurationSchema = z.strictObject({
  amount: z.number().int().positive(),
  unit: DurationUnitSchema.optional(),
});

export const PolicyOverrideSchema = z.strictObject({
  acknowledgement: OverrideDurationSchema.optional(),
  decision: OverrideDurationSchema.optional(),
  extensions: z
    .strictObject({
      complex: OverrideDurationSchema.optional(),
      especially_complex: OverrideDurationSchema.optional(),
    })
    .optional(),
  reviewRequestWindow: OverrideDurationSchema.optional(),
  reviewDecision: OverrideDurationSchema.optional(),
  /** Turning the roll off is stricter (deadlines never move later); turning it on is not allowed. */
  rollToWorkingDay: z.boolean().optional(),
});

export const OverrideViolationReasonSchema = z.enum([
  'greater_amount',
  'different_unit',
  'shorter_complainant_window',
  'not_in_preset',
  'roll_enabled',
  'extension_before_decision',
]);

export const OverrideViolationSchema = z.object({
  field: z.string(),
  reason: OverrideViolationReasonSchema,
  preset: z.union([DurationSchema, z.boolean(), z.null()]),
  requested: z.union([OverrideDurationSchema, z.boolean()]),
  message: z.string(),
});

export type OverrideDuration = z.infer<typeof OverrideDurationSchema>;
export type PolicyOverride = z.infer<typeof PolicyOverrideSchema>;
export type OverrideViolationReason = z.infer<typeof OverrideViolationReasonSchema>;
export type OverrideViolation = z.infer<typeof OverrideViolationSchema>;
export type OverrideResult = { ok: true; policy: SlaPolicy } | { ok: false; violations: OverrideViolation[] };

/**
 * Institution deadlines are stricter when shorter. The review request window is the complainant's
 * time to ask for review: shortening it takes protection away, so there only longer is stricter.
 */
type Direction = 'shorter_is_stricter' | 'longer_is_stricter';

function judge(
  field: string,
  preset: Duration | null | undefined,
  requested: OverrideDuration,
  direction: Direction,
): { effective: Duration } | { violation: OverrideViolation } {
  if (!preset) {
    return {
      violation: {
        field,
        reason: 'not_in_preset',
        preset: null,
        requested,
        message: `${field} does not exist in the preset, so an override cannot add it`,
      },
    };
  }
  if (requested.unit !== undefined && requested.unit !== preset.unit) {
    return {
      violation: {
        field,
        reason: 'different_unit',
        preset,
        requested,
        message: `${field} must stay in ${preset.unit}`,
      },
    };
  }
  if (direction === 'shorter_is_stricter' && requested.amount > preset.amount) {
    return {
      violation: {
        field,
        reason: 'greater_amount',
        preset,
        requested,
        message: `${field} may be at most ${preset.amount} ${preset.unit}`,
      },
    };
  }
  if (direction === 'longer_is_stricter' && requested.amount < preset.amount) {
    return {
      violation: {
        field,
        reason: 'shorter_complainant_window',
        preset,
        requested,
        message: `${field} is the complainant's window and may not be shorter than ${preset.amount} ${preset.unit}`,
      },
    };
  }
  return { effective: { amount: requested.amount, unit: preset.unit } };
}

export function applyOverride(preset: SlaPolicy, override: PolicyOverride): OverrideResult {
  const policy: SlaPolicy = JSON.parse(JSON.stringify(preset)) as SlaPolicy;
  const violations: OverrideViolation[] = [];

  const apply = (
    field: string,
    requested: OverrideDuration | undefined,
    presetValue: Duration | null | undefined,
    direction: Direction,
    set: (d: Duration) => void,
  ) => {
    if (!requested) return;
    const verdict = judge(field, presetValue, requested, direction);
    if ('violation' in verdict) violations.push(verdict.violation);
    else set(verdict.effective);
  };

  apply(
    'acknowledgement',
    override.acknowledgement,
    preset.acknowledgement,
    'shorter_is_stricter',
    (d) => (policy.acknowledgement = d),
  );
  apply('decision', override.decision, preset.decision, 'shorter_is_stricter', (d) => (policy.decision = d));
  for (const tier of ['complex', 'especially_complex'] as const) {
    apply(
      `extensions.${tier}`,
      override.extensions?.[tier],
      preset.extensions[tier]?.total,
      'shorter_is_stricter',
      (d) => {
        policy.extensions[tier]!.total = d;
      },
    );
  }
  apply(
    'reviewRequestWindow',
    override.reviewRequestWindow,
    preset.reviewRequestWindow,
    'longer_is_stricter',
    (d) => (policy.reviewRequestWindow = d),
  );
  apply(
    'reviewDecision',
    override.reviewDecision,
    preset.reviewDecision,
    'shorter_is_stricter',
    (d) => (policy.reviewDecision = d),
  );

  if (override.rollToWorkingDay !== undefined) {
    if (override.rollToWorkingDay && !preset.rollToWorkingDay) {
      violations.push({
        field: 'rollToWorkingDay',
        reason: 'roll_enabled',
        preset: false,
        requested: true,
        message: 'rollToWorkingDay cannot be enabled: it moves deadlines later',
      });
    } else {
      policy.rollToWorkingDay = override.rollToWorkingDay;
    }
  }

  // A shortened decision period can overtake an extension tier left as it was; an extension that
  // ends before the ordinary deadline would shorten the time allowed, which no tenant can mean.
  for (const tier of ['complex', 'especially_complex'] as const) {
    const total = policy.extensions[tier]?.total;
    if (total && total.unit === policy.decision.unit && total.amount < policy.decision.amount) {
      violations.push({
        field: `extensions.${tier}`,
        reason: 'extension_before_decision',
        preset: preset.extensions[tier]?.total ?? null,
        requested: override.extensions?.[tier] ?? total,
        message: `extensions.${tier} (${total.amount}) must not be shorter than decision (${policy.decision.amount})`,
      });
    }
  }

  return violations.length > 0 ? { ok: false, violations } : { ok: true, policy };
}
