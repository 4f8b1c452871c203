import { statutoryDays } from '../../shared/domain/calendars/calendar';

/**
 * A plausible 2027 State Council schedule (the real notice was not published when this was
 * written): the statutory days, bridging days around them, and make-up working Saturdays/Sundays.
 */
export const CN_2027 = {
  holidays: [
    ...statutoryDays('cn', 2027),
    '2027-01-02',
    '2027-01-03',
    '2027-02-09',
    '2027-02-10',
    '2027-02-11',
    '2027-04-03',
    '2027-04-04',
    '2027-05-03',
    '2027-05-04',
    '2027-05-05',
    '2027-10-04',
    '2027-10-05',
    '2027-10-06',
    '2027-10-07',
  ],
  workingDays: ['2027-02-20', '2027-04-25', '2027-09-26', '2027-10-09'],
  source: '国务院办公厅关于2027年部分节假日安排的通知 (test fixture)',
};
