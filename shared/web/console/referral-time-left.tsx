import { daysBetween } from '../../domain/calendars/local-date';
import { localDateOf } from '../../domain/calendars/time-zone';
import type { Locale } from '../i18n/locale';
import { referralMessages } from './referral-messages';

export type TimeLeft = { overdue: boolean; days: number };

/**
 * Time left as people count it at a desk: in calendar days of the institution's own zone (a deadline
 * is the end of a local day), so "due tomorrow" means tomorrow's date there, whatever the hour now.
 */
export function timeLeft(deadline: string, now: Date, timeZone: string): TimeLeft {
  const days = daysBetween(localDateOf(now, timeZone), localDateOf(deadline, timeZone));
  return { overdue: now.getTime() > Date.parse(deadline), days };
}

export function timeLeftText(left: TimeLeft, locale: Locale): string {
  const t = referralMessages(locale);
  if (left.overdue) {
    const late = -left.days;
    return late <= 0 ? t('overdue') : late === 1 ? t('overdueOneDay') : t('overdueDays', { n: late });
  }
  return left.days <= 0 ? t('dueToday') : left.days === 1 ? t('dueTomorrow') : t('dueInDays', { n: left.days });
}

/** The plain words, red (and said so in text, not only by colour) once the deadline has passed. */
export function TimeLeftBadge(p: { deadline: string; now: Date; timeZone: string; locale: Locale }) {
  const left = timeLeft(p.deadline, p.now, p.timeZone);
  const soon = !left.overdue && left.days <= 1;
  return (
    <span class={left.overdue ? 'time-left overdue' : soon ? 'time-left due-soon' : 'time-left'}>
      {timeLeftText(left, p.locale)}
    </span>
  );
}
