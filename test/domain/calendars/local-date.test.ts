import { describe, expect, it } from 'vitest';
import { addDays, dayOfWeek, daysBetween, isWeekend, yearsBetween } from '../../../shared/domain/calendars/local-date';

describe('local-date arithmetic', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2026-09-28', 15)).toBe('2026-10-13');
    expect(addDays('2026-12-20', 15)).toBe('2027-01-04');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('counts whole days between dates regardless of DST anywhere', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-10-13', '2026-09-28')).toBe(-15);
  });

  it('knows weekdays and weekends', () => {
    expect(dayOfWeek('2026-10-10')).toBe(6);
    expect(isWeekend('2026-10-10')).toBe(true);
    expect(isWeekend('2026-10-09')).toBe(false);
  });

  it('lists every year a range touches', () => {
    expect(yearsBetween('2026-12-20', '2027-01-04')).toEqual([2026, 2027]);
    expect(yearsBetween('2026-01-01', '2026-12-31')).toEqual([2026]);
  });

  it('rejects malformed and impossible dates instead of rolling them over', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('26-1-1', 1)).toThrow(RangeError);
  });
});
