import { describe, expect, it } from 'vitest';
import { applyOverride, PolicyOverrideSchema, presetById, SlaPolicySchema } from '../../../shared/domain/sla';

const cn = presetById('cn-nfra-2020');

describe('tenant overrides: stricter or equal is accepted', () => {
  it('a shorter decision period and equal acknowledgement are accepted and yield a valid policy', () => {
    const r = applyOverride(cn, { decision: { amount: 10 }, acknowledgement: { amount: 1, unit: 'business_days' } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.policy.decision).toEqual({ amount: 10, unit: 'calendar_days' });
    expect(SlaPolicySchema.safeParse(r.policy).success).toBe(true);
    expect(cn.decision.amount).toBe(15); // the preset itself is untouched
  });

  it('shorter extension tiers and review decision, and turning the roll off, are stricter', () => {
    const r = applyOverride(cn, {
      extensions: { complex: { amount: 25 }, especially_complex: { amount: 45 } },
      reviewDecision: { amount: 20 },
      rollToWorkingDay: false,
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.policy.extensions.complex?.total.amount).toBe(25);
    expect(r.policy.extensions.especially_complex).toMatchObject({ total: { amount: 45 }, requiresApproval: true });
    expect(r.policy.rollToWorkingDay).toBe(false);
  });

  it('a longer review request window gives the complainant more time, so it is accepted', () => {
    const r = applyOverride(cn, { reviewRequestWindow: { amount: 45 } });
    expect(r.ok && r.policy.reviewRequestWindow?.amount).toBe(45);
  });
});

describe('tenant overrides: looser is rejected with every offending field', () => {
  it('a longer decision period and a different unit are both reported', () => {
    const r = applyOverride(cn, { decision: { amount: 20 }, acknowledgement: { amount: 1, unit: 'calendar_days' } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.violations).toEqual([
      expect.objectContaining({
        field: 'acknowledgement',
        reason: 'different_unit',
        preset: { amount: 1, unit: 'business_days' },
      }),
      expect.objectContaining({
        field: 'decision',
        reason: 'greater_amount',
        preset: { amount: 15, unit: 'calendar_days' },
        requested: { amount: 20 },
      }),
    ]);
  });

  it("shortening the complainant's review request window is looser for the complainant", () => {
    const r = applyOverride(cn, { reviewRequestWindow: { amount: 15 } });
    expect(!r.ok && r.violations.map((v) => v.reason)).toEqual(['shorter_complainant_window']);
  });

  it('an extension tier the preset does not have cannot be added', () => {
    const r = applyOverride(presetById('uk-fca-disp'), { extensions: { complex: { amount: 70 } } });
    expect(!r.ok && r.violations[0]).toMatchObject({
      field: 'extensions.complex',
      reason: 'not_in_preset',
      preset: null,
    });
  });

  it('a review rule the preset does not have cannot be added', () => {
    const r = applyOverride(presetById('eu-psd2'), { reviewDecision: { amount: 10 } });
    expect(!r.ok && r.violations[0]?.reason).toBe('not_in_preset');
  });

  it('enabling the roll where the preset has none moves deadlines later and is rejected', () => {
    const r = applyOverride(presetById('us-cfpb'), { rollToWorkingDay: true });
    expect(!r.ok && r.violations[0]).toMatchObject({ field: 'rollToWorkingDay', reason: 'roll_enabled' });
  });

  it('an extension shorter than the decision period is incoherent and rejected', () => {
    const r = applyOverride(cn, { extensions: { complex: { amount: 10 } } });
    expect(!r.ok && r.violations[0]).toMatchObject({
      field: 'extensions.complex',
      reason: 'extension_before_decision',
    });
  });

  it('the override schema refuses fields that are not overridable', () => {
    expect(PolicyOverrideSchema.safeParse({ timezone: 'UTC' }).success).toBe(false);
    expect(PolicyOverrideSchema.safeParse({ decision: { amount: 0 } }).success).toBe(false);
    expect(PolicyOverrideSchema.safeParse({ decision: { amount: 10 } }).success).toBe(true);
  });
});
