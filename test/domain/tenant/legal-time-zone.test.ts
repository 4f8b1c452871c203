import { describe, expect, it } from 'vitest';
import { isValidTimeZone } from '../../../shared/domain/calendars/time-zone';
import { LEGAL_TIME_ZONES, PRESETS } from '../../../shared/domain/sla';
import { requireLegalTimeZone } from '../../../shared/domain/tenant/legal-time-zone';

const refusal = (preset: keyof typeof PRESETS, tz: string) => {
  try {
    requireLegalTimeZone(preset, tz);
    return undefined;
  } catch (e) {
    return e as { kind: string; code: string; message: string };
  }
};

describe('legal time zones of the presets', () => {
  it.each(Object.values(PRESETS))(
    "$id's default zone is one of its legal zones, and every zone is a real IANA zone",
    (p) => {
      expect(LEGAL_TIME_ZONES[p.id].zones).toContain(p.timezone);
      for (const z of LEGAL_TIME_ZONES[p.id].zones) expect(isValidTimeZone(z), z).toBe(true);
    },
  );

  it('cn-nfra-2020 is counted in Beijing time only: UTC, Asia/Urumqi and Asia/Hong_Kong are refused', () => {
    expect(refusal('cn-nfra-2020', 'Asia/Shanghai')).toBeUndefined();
    for (const tz of ['UTC', 'Asia/Urumqi', 'Asia/Hong_Kong']) {
      const e = refusal('cn-nfra-2020', tz);
      expect(e).toMatchObject({ kind: 'rule_violation', code: 'timezone_not_legal' });
      expect(e?.message).toContain('Asia/Shanghai');
      expect(e?.message).toContain('法定时区');
    }
  });

  it('uk-fca-disp only in Europe/London', () => {
    expect(refusal('uk-fca-disp', 'Europe/London')).toBeUndefined();
    expect(refusal('uk-fca-disp', 'Europe/Dublin')).toMatchObject({ code: 'timezone_not_legal' });
    expect(refusal('uk-fca-disp', 'UTC')).toMatchObject({ code: 'timezone_not_legal' });
  });

  it('eu-psd2 in any EEA state, not outside it; us-cfpb in any US zone, not outside it', () => {
    for (const tz of ['Europe/Lisbon', 'Europe/Helsinki', 'Atlantic/Azores', 'Europe/Oslo'])
      expect(refusal('eu-psd2', tz), tz).toBeUndefined();
    for (const tz of ['Europe/London', 'Europe/Zurich', 'UTC'])
      expect(refusal('eu-psd2', tz), tz).toMatchObject({ code: 'timezone_not_legal' });
    for (const tz of ['America/Chicago', 'America/Los_Angeles', 'Pacific/Honolulu', 'America/Puerto_Rico'])
      expect(refusal('us-cfpb', tz), tz).toBeUndefined();
    for (const tz of ['America/Toronto', 'UTC'])
      expect(refusal('us-cfpb', tz), tz).toMatchObject({ code: 'timezone_not_legal' });
  });
});
