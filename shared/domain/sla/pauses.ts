/**
 * Paused time (external appraisal, testing, valuation) does not count towards the decision period.
 * Counted in whole local days: a pause from day A to day B suspends days A+1 … B, mirroring how the
 * period itself starts the day after receipt. Overlapping pauses are merged so no day counts twice.
 */
import { daysBetween } from '../calendars/local-date';
import { localDateOf } from '../calendars/time-zone';

export function pausedCalendarDays(pauses: ReadonlyArray<{ from: string; to: string }>, timeZone: string): number {
  const ranges = pauses
    .map((p) => ({ from: localDateOf(p.from, timeZone), to: localDateOf(p.to, timeZone) }))
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  let total = 0;
  let current: { from: string; to: string } | undefined;
  for (const r of ranges) {
    if (current && r.from <= current.to) {
      if (r.to > current.to) current.to = r.to;
      continue;
    }
    if (current) total += daysBetween(current.from, current.to);
    current = { ...r };
  }
  if (current) total += daysBetween(current.from, current.to);
  return total;
}
