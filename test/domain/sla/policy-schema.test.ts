import { describe, expect, it } from 'vitest';
import { PRESETS, presetById, SlaPolicySchema } from '../../../shared/domain/sla';

describe('SLA policy schema', () => {
  it.each(Object.keys(PRESETS))('preset %s parses', (id) => {
    expect(() => SlaPolicySchema.parse(PRESETS[id as keyof typeof PRESETS])).not.toThrow();
  });

  it.each(Object.keys(PRESETS))('preset %s notes every U-rated rule as configurable', (id) => {
    for (const note of PRESETS[id as keyof typeof PRESETS].notes) {
      if (note.confidence === 'U') expect(note.text, note.rule).toMatch(/configurable/i);
    }
  });

  it('rejects a U-rated note that does not say it is configurable', () => {
    const policy = presetById('cn-nfra-2020');
    policy.notes.push({ rule: 'x', confidence: 'U', text: 'we think so' });
    expect(SlaPolicySchema.safeParse(policy).success).toBe(false);
  });

  it('rejects escalation checkpoints out of order or not ending at the deadline', () => {
    const unordered = presetById('eu-psd2');
    unordered.escalation.checkpoints = [
      { fraction: 0.8, level: 1 },
      { fraction: 0.5, level: 2 },
      { fraction: 1, level: 3 },
    ];
    expect(SlaPolicySchema.safeParse(unordered).success).toBe(false);
    const noDeadline = presetById('eu-psd2');
    noDeadline.escalation.checkpoints = [{ fraction: 0.5, level: 1 }];
    expect(SlaPolicySchema.safeParse(noDeadline).success).toBe(false);
  });

  it('rejects an unknown time zone and a non-day repeat interval', () => {
    expect(SlaPolicySchema.safeParse({ ...presetById('us-cfpb'), timezone: 'America/Gotham' }).success).toBe(false);
    const hourly = presetById('us-cfpb');
    hourly.escalation.afterDeadlineEvery = 'PT1H';
    expect(SlaPolicySchema.safeParse(hourly).success).toBe(false);
  });

  it('presetById hands out copies, so the shared presets cannot be altered', () => {
    presetById('cn-nfra-2020').decision.amount = 99;
    expect(PRESETS['cn-nfra-2020'].decision.amount).toBe(15);
  });

  it('encodes the regulation: CN 15/30/60 calendar days with roll, UK 3 business days and 8 weeks, EU 15/35 business days, US 15/60', () => {
    const cn = PRESETS['cn-nfra-2020'];
    expect(
      [cn.decision, cn.extensions.complex?.total, cn.extensions.especially_complex?.total].map((d) => d?.amount),
    ).toEqual([15, 30, 60]);
    expect(cn.extensions.especially_complex).toMatchObject({ requiresApproval: true, requiresNotice: true });
    expect(cn.rollToWorkingDay).toBe(true);
    expect(PRESETS['uk-fca-disp'].acknowledgement).toEqual({ amount: 3, unit: 'business_days' });
    expect(PRESETS['uk-fca-disp'].decision).toEqual({ amount: 56, unit: 'calendar_days' });
    expect(PRESETS['eu-psd2'].decision).toEqual({ amount: 15, unit: 'business_days' });
    expect(PRESETS['eu-psd2'].extensions.complex?.total).toEqual({ amount: 35, unit: 'business_days' });
    expect(PRESETS['us-cfpb'].acknowledgement).toEqual({ amount: 15, unit: 'calendar_days' });
    expect(PRESETS['us-cfpb'].decision).toEqual({ amount: 60, unit: 'calendar_days' });
    expect(PRESETS['us-cfpb'].rollToWorkingDay).toBe(false);
  });
});
