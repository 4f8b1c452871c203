import type { Locale } from '../i18n/locale';
import { queueMessages } from './queue-messages';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export type TimeLeft = { late: boolean; unit: 'day' | 'hour' | 'minute'; count: number };

/**
 * Time to (or past) a deadline in whole units, rounded down: days from one day on, hours below a
 * day, minutes below an hour. "Due in 2 days" then never promises more time than there is.
 */
export function timeLeft(deadline: string, now: string): TimeLeft {
  const ms = Date.parse(deadline) - Date.parse(now);
  const late = ms <= 0;
  const span = Math.abs(ms);
  if (span >= DAY) return { late, unit: 'day', count: Math.floor(span / DAY) };
  if (span >= HOUR) return { late, unit: 'hour', count: Math.floor(span / HOUR) };
  return { late, unit: 'minute', count: Math.max(1, Math.floor(span / MINUTE)) };
}

/** "2 天后到期" / "due in 2 days", "已逾期 3 天" / "3 days overdue". */
export function timeLeftText(left: TimeLeft, locale: Locale): string {
  const form = left.count === 1 ? 'one' : 'other';
  return queueMessages(locale)(`${left.late ? 'late' : 'left'}.${left.unit}.${form}`, { n: left.count });
}
