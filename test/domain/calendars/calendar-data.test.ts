import { describe, expect, it } from 'vitest';
import { CalendarDataSchema } from '../../../shared/domain/calendars/calendar-data-schema';
import cn from '../../../shared/domain/calendars/cn.json';
import euTarget from '../../../shared/domain/calendars/eu-target.json';
import { isWeekend } from '../../../shared/domain/calendars/local-date';
import ukEw from '../../../shared/domain/calendars/uk-ew.json';
import usFederal from '../../../shared/domain/calendars/us-federal.json';

const all = { cn, 'uk-ew': ukEw, 'us-federal': usFederal, 'eu-target': euTarget };

describe.each(Object.entries(all))('calendar data file %s', (id, raw) => {
  const data = CalendarDataSchema.parse(raw);

  it('is named after its id and says where it comes from', () => {
    expect(data.id).toBe(id);
    expect(data.source.length).toBeGreaterThan(10);
  });

  it('claims a year only when it lists holidays for it, and lists none outside its years', () => {
    for (const y of data.years)
      expect(
        data.holidays.some((d) => d.startsWith(`${y}-`)),
        String(y),
      ).toBe(true);
    for (const d of [...data.holidays, ...data.workdays]) expect(data.years, d).toContain(Number(d.slice(0, 4)));
  });

  it('lists make-up workdays only on weekends, and never as holidays too', () => {
    for (const d of data.workdays) {
      expect(isWeekend(d), d).toBe(true);
      expect(data.holidays, d).not.toContain(d);
    }
  });

  it('is sorted and free of duplicates (stable diffs on regeneration)', () => {
    expect([...new Set(data.holidays)].sort()).toEqual(data.holidays);
    expect([...new Set(data.workdays)].sort()).toEqual(data.workdays);
  });
});

describe('coverage', () => {
  it('UK, US and TARGET data cover 2024–2028 (England and Wales bank holidays are announced through 2028)', () => {
    for (const d of [ukEw, usFederal, euTarget]) expect(d.years).toEqual([2024, 2025, 2026, 2027, 2028]);
  });

  it('China covers 2024–2026; 2027 stays out until the State Council notice is in the data', () => {
    expect(cn.years).toEqual(expect.arrayContaining([2024, 2025, 2026]));
    expect(cn.years.includes(2027)).toBe(cn.holidays.some((d) => d.startsWith('2027-')));
  });
});
