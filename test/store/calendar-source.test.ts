import { describe, expect, it } from 'vitest';
import { CalendarSource } from '../../shared/application/calendar-source';
import { putCalendarYear } from '../../shared/application/calendar-years';
import { CalendarsRepo } from '../../shared/store/calendars-repo';
import { controlPlaneTable } from '../../shared/store/table-names';
import { CN_2027 } from '../support/calendar-fixtures';
import { testPlatform } from '../support/test-platform';

describe('calendar years in the control plane, read by every runtime (DynamoDB Local)', () => {
  it('the process that loads a year counts with it at once; another within its cache TTL', async () => {
    const p = await testPlatform();
    // Another runtime (the workflow function, another API instance) on the same control plane, with its own cache.
    let now = 0;
    const other = new CalendarSource(new CalendarsRepo(p.db, controlPlaneTable(p.naming)), 30_000, () => now);
    expect((await other.resolver())('cn').isWorkingDay('2027-02-09')).toBe(true);
    expect((await p.calendars.resolver())('cn').covers(2027)).toBe(false);

    await putCalendarYear(p, 'cn', 2027, CN_2027, 'operator-1', undefined);
    const here = (await p.calendars.resolver())('cn');
    expect(here.covers(2027)).toBe(true);
    expect(here.isWorkingDay('2027-02-09')).toBe(false);
    expect(here.isWorkingDay('2027-02-20')).toBe(true);

    now = 29_999;
    expect((await other.resolver())('cn').covers(2027)).toBe(false);
    now = 30_001;
    const there = (await other.resolver())('cn');
    expect(there.covers(2027)).toBe(true);
    expect(there.isWorkingDay('2027-02-09')).toBe(false);
  });

  it('a second load is the next version and is what deadlines are counted with', async () => {
    const p = await testPlatform();
    await putCalendarYear(p, 'cn', 2027, CN_2027, 'operator-1', undefined);
    await putCalendarYear(
      p,
      'cn',
      2027,
      { ...CN_2027, holidays: CN_2027.holidays.filter((d) => d !== '2027-02-11') },
      'operator-2',
      1,
    );
    const current = await p.calendarYears.get('cn', 2027);
    expect(current).toMatchObject({ version: 2, loadedBy: 'operator-2' });
    expect((await p.calendars.resolver())('cn').isWorkingDay('2027-02-11')).toBe(true);
    expect(await p.calendarYears.listCurrent()).toHaveLength(1);
  });
});
