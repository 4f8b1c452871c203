import { describe, expect, it } from 'vitest';
import { calendarById, shippedYear } from '../../../shared/domain/calendars/calendar';
import { StatutoryHolidaysSchema } from '../../../shared/domain/calendars/calendar-data-schema';
import cnPublished from '../../../shared/domain/calendars/cn.json';
import cnStatutoryJson from '../../../shared/domain/calendars/cn-statutory.json';
import { calendarsWith } from '../../../shared/domain/calendars/loaded-years';

const statutory = StatutoryHolidaysSchema.parse(cnStatutoryJson);
const inYear = (y: number) => statutory.holidays.filter((d) => d.startsWith(`${y}-`));

describe('China statutory holidays (全国年节及纪念日放假办法 Art. 2, revised 2024-11-10)', () => {
  it('covers every year from 2025 to 2099 with the 13 days of Art. 2 (12 when Mid-Autumn meets National Day)', () => {
    expect(statutory.years).toEqual(Array.from({ length: 75 }, (_, i) => 2025 + i));
    for (const y of statutory.years) expect([12, 13]).toContain(inYear(y).length);
  });

  it('2027: New Year, Spring Festival eve + 初一–初三 (5–8 Feb), Qingming 5 Apr, May Day, 端午 9 Jun, 中秋 15 Sep, 1–3 Oct', () => {
    expect(inYear(2027)).toEqual([
      '2027-01-01',
      '2027-02-05',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
      '2027-04-05',
      '2027-05-01',
      '2027-05-02',
      '2027-06-09',
      '2027-09-15',
      '2027-10-01',
      '2027-10-02',
      '2027-10-03',
    ]);
  });

  it('takes 端午 in 2028 from the regular fifth lunar month (28 May), not the leap one; 中秋 2028 is 3 Oct', () => {
    expect(inYear(2028)).toContain('2028-05-28');
    expect(inYear(2028)).not.toContain('2028-06-27');
    expect(inYear(2028).filter((d) => d === '2028-10-03')).toHaveLength(1);
  });

  it('agrees with every published State Council schedule since the revision: each statutory day is off there', () => {
    const published = new Set(cnPublished.holidays);
    const years = cnPublished.years.filter((y) => y >= 2025);
    expect(years.length).toBeGreaterThan(0);
    for (const y of years) expect(inYear(y).filter((d) => !published.has(d))).toEqual([]);
  });
});

describe('the cn calendar in a year without a published schedule', () => {
  const cn = calendarById('cn');

  it('is still uncovered, so deadlines over it stay provisional', () => {
    expect(cn.covers(2027)).toBe(false);
    expect(cn.covers(2040)).toBe(false);
  });

  it('never gives a statutory holiday as a working day, in any year', () => {
    for (const d of statutory.holidays.filter((x) => !cn.covers(Number(x.slice(0, 4)))))
      expect(cn.isWorkingDay(d)).toBe(false);
  });

  it('published years keep their schedule: make-up Saturdays work, statutory days are not re-added over them', () => {
    expect(cn.isWorkingDay('2026-02-14')).toBe(true);
    expect(cn.isWorkingDay('2026-02-24')).toBe(true);
  });
});

describe('operator-loaded years (calendarsWith)', () => {
  const loaded2027 = {
    calendar: 'cn' as const,
    year: 2027,
    holidays: ['2027-01-01', '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10'],
    workingDays: ['2027-02-20'],
  };

  it('replaces the fallback for that year, covers it, and leaves other calendars and years as shipped', () => {
    const calendars = calendarsWith([loaded2027]);
    const cn = calendars('cn');
    expect(cn.covers(2027)).toBe(true);
    expect(cn.isWorkingDay('2027-02-09')).toBe(false);
    expect(cn.isWorkingDay('2027-02-20')).toBe(true); // a loaded make-up Saturday
    // Statutory days are not laid over a loaded year: the operator's schedule is the whole truth for it.
    expect(cn.isWorkingDay('2027-04-05')).toBe(true);
    expect(cn.covers(2028)).toBe(false);
    expect(cn.isWorkingDay('2028-01-01')).toBe(false);
    expect(cn.isWorkingDay('2026-02-14')).toBe(true);
    expect(calendars('uk-ew')).toBe(calendarById('uk-ew'));
  });

  it('shippedYear tells a published year from a statutory-only one', () => {
    expect(shippedYear('cn', 2026)).toMatchObject({ published: true });
    expect(shippedYear('cn', 2026).workingDays).toContain('2026-02-14');
    const y2027 = shippedYear('cn', 2027);
    expect(y2027).toMatchObject({ published: false, workingDays: [] });
    expect(y2027.holidays).toEqual(inYear(2027));
    expect(y2027.source).toMatch(/全国年节及纪念日放假办法/);
  });
});
