import { describe, expect, it } from 'vitest';
import { calendarById } from '../../../shared/domain/calendars/calendar';

describe('China calendar (cn), from chinese-days data', () => {
  const cn = calendarById('cn');

  it('National Day 2026 (1–7 Oct) is off; Saturday 10 Oct 2026 is a make-up working day (调休)', () => {
    expect(cn.isWorkingDay('2026-09-30')).toBe(true);
    for (const d of ['2026-10-01', '2026-10-05', '2026-10-07']) expect(cn.isWorkingDay(d)).toBe(false);
    expect(cn.isWorkingDay('2026-10-08')).toBe(true);
    expect(cn.isWorkingDay('2026-10-10')).toBe(true);
    expect(cn.isWorkingDay('2026-10-11')).toBe(false);
  });

  it('Spring Festival 2026: off 15–23 Feb, Saturdays 14 and 28 Feb are working days', () => {
    expect(cn.isWorkingDay('2026-02-14')).toBe(true);
    expect(cn.isWorkingDay('2026-02-16')).toBe(false);
    expect(cn.isWorkingDay('2026-02-23')).toBe(false);
    expect(cn.isWorkingDay('2026-02-24')).toBe(true);
    expect(cn.isWorkingDay('2026-02-28')).toBe(true);
  });

  it('nextWorkingDay skips the whole holiday block; rollForward keeps a working day', () => {
    expect(cn.nextWorkingDay('2026-09-30')).toBe('2026-10-08');
    expect(cn.rollForward('2026-10-05')).toBe('2026-10-08');
    expect(cn.rollForward('2026-10-10')).toBe('2026-10-10');
  });

  it('addWorkingDays does not count the start day and counts a make-up Saturday', () => {
    expect(cn.addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
    expect(cn.addWorkingDays('2026-09-30', 3)).toBe('2026-10-10');
    expect(cn.addWorkingDays('2026-09-30', 0)).toBe('2026-09-30');
  });

  it('covers only the years whose State Council schedule is in the data (no 2027 yet)', () => {
    expect(cn.covers(2024)).toBe(true);
    expect(cn.covers(2026)).toBe(true);
    expect(cn.covers(2027)).toBe(false);
    expect(cn.coversDate('2027-01-04')).toBe(false);
  });

  it('outside its years it falls back to weekends and the statutory holidays, inventing no bridging days', () => {
    expect(cn.isWorkingDay('2027-01-01')).toBe(false); // Friday, New Year's Day by law
    expect(cn.isWorkingDay('2027-01-02')).toBe(false);
    expect(cn.isWorkingDay('2027-01-04')).toBe(true);
    // 2027 Spring Festival: eve Fri 5 Feb, 正月初一 Sat 6 Feb to 初三 Mon 8 Feb; Tue 9 Feb is unknown, so working.
    for (const d of ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08']) expect(cn.isWorkingDay(d)).toBe(false);
    expect(cn.isWorkingDay('2027-02-09')).toBe(true);
  });
});

describe('England and Wales bank holidays (uk-ew)', () => {
  const uk = calendarById('uk-ew');

  it('matches the published 2026 list on working days', () => {
    const expected = [
      '2026-01-01',
      '2026-04-03',
      '2026-04-06',
      '2026-05-04',
      '2026-05-25',
      '2026-08-31',
      '2026-12-25',
      '2026-12-28',
    ];
    for (const d of expected) expect(uk.isWorkingDay(d), d).toBe(false);
  });

  it('substitute days: Christmas 2027 falls on a Saturday, so Monday 27 and Tuesday 28 Dec are off', () => {
    expect(uk.isWorkingDay('2027-12-27')).toBe(false);
    expect(uk.isWorkingDay('2027-12-28')).toBe(false);
    expect(uk.isWorkingDay('2027-12-29')).toBe(true);
  });

  it('three business days from Thursday 2 April 2026 skip Good Friday and Easter Monday', () => {
    expect(uk.addWorkingDays('2026-04-02', 3)).toBe('2026-04-09');
  });

  it('covers 2024–2028, as announced; 2029 is provisional', () => {
    expect([2024, 2025, 2026, 2027, 2028].every(uk.covers)).toBe(true);
    expect(uk.covers(2029)).toBe(false);
  });

  it('2028: New Year falls on a Saturday, so Monday 3 January is the bank holiday', () => {
    expect(uk.isWorkingDay('2028-01-03')).toBe(false);
    for (const d of ['2028-04-14', '2028-04-17', '2028-05-01', '2028-05-29', '2028-08-28', '2028-12-25', '2028-12-26'])
      expect(uk.isWorkingDay(d)).toBe(false);
    expect(uk.isWorkingDay('2028-01-04')).toBe(true);
  });
});

describe('US federal holidays (us-federal)', () => {
  const us = calendarById('us-federal');

  it('uses observed dates: 4 July 2026 is a Saturday, so Friday 3 July is the holiday', () => {
    expect(us.isWorkingDay('2026-07-03')).toBe(false);
    expect(us.isWorkingDay('2026-07-06')).toBe(true);
  });

  it('New Year 2028 (a Saturday) is observed on Friday 31 December 2027', () => {
    expect(us.isWorkingDay('2027-12-31')).toBe(false);
  });

  it('includes Juneteenth and Thanksgiving 2026', () => {
    expect(us.isWorkingDay('2026-06-19')).toBe(false);
    expect(us.isWorkingDay('2026-11-26')).toBe(false);
  });
});

describe('TARGET2 closing days (eu-target)', () => {
  const eu = calendarById('eu-target');

  it('closes on Good Friday, Easter Monday, 1 May and 25–26 Dec', () => {
    for (const d of ['2026-04-03', '2026-04-06', '2026-05-01', '2026-12-25', '2027-03-26', '2027-03-29']) {
      expect(eu.isWorkingDay(d), d).toBe(false);
    }
    expect(eu.isWorkingDay('2026-05-14')).toBe(true); // Ascension: a national holiday in places, not a TARGET day
  });
});

describe('no holiday calendar (none)', () => {
  const none = calendarById('none');

  it('only weekends are off, and it is complete for every year', () => {
    expect(none.isWorkingDay('2026-12-25')).toBe(true);
    expect(none.isWorkingDay('2026-12-26')).toBe(false);
    expect(none.covers(2099)).toBe(true);
  });
});
