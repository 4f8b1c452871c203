/**
 * One period's last day: the day-counting rules shared by every deadline (regulation.md, Civil Code
 * Art. 201/203): counting starts the day after the starting event; a calendar-day period whose last
 * day is not a working day may roll to the next working day; business days skip non-working days.
 */
import type { Calendar } from '../calendars/calendar';
import { addDays, yearsBetween } from '../calendars/local-date';
import type { PeriodBasis } from './deadline-schema';
import type { Duration } from './policy-schema';

export function periodEnd(
  startDate: string,
  rule: Duration,
  calendar: Calendar,
  rollToWorkingDay: boolean,
): PeriodBasis {
  if (rule.unit === 'business_days') {
    const lastDay = calendar.addWorkingDays(startDate, rule.amount);
    return {
      rule,
      startDate,
      nominalLastDay: lastDay,
      lastDay,
      rolled: false,
      uncoveredYears: uncovered(calendar, startDate, lastDay),
    };
  }
  const nominalLastDay = addDays(startDate, rule.amount);
  if (!rollToWorkingDay) {
    // The calendar is never consulted, so its coverage cannot make this date uncertain.
    return { rule, startDate, nominalLastDay, lastDay: nominalLastDay, rolled: false, uncoveredYears: [] };
  }
  const lastDay = calendar.rollForward(nominalLastDay);
  return {
    rule,
    startDate,
    nominalLastDay,
    lastDay,
    rolled: lastDay !== nominalLastDay,
    uncoveredYears: uncovered(calendar, nominalLastDay, lastDay),
  };
}

function uncovered(calendar: Calendar, from: string, to: string): number[] {
  return yearsBetween(from, to).filter((y) => !calendar.covers(y));
}
