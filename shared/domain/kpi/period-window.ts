import { localDateOf } from '../calendars';
import { monthsOf } from './period';

const shift = (month: string, by: number) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const n = y * 12 + (m - 1) + by;
  return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
};

/** The `count` months ending with the period's last month, oldest first (a dashboard's trend window). */
export function monthsEndingWith(period: string, count: number): string[] {
  const last = monthsOf(period).at(-1)!;
  return Array.from({ length: count }, (_, i) => shift(last, i - count + 1));
}

/** The periods a picker offers up to the one `now` falls in: `quarters` quarters, `months` months, newest first. */
export function recentPeriods(nowIso: string, timeZone: string, o = { quarters: 8, months: 12 }) {
  const month = localDateOf(nowIso, timeZone).slice(0, 7);
  const months = Array.from({ length: o.months }, (_, i) => shift(month, -i));
  const quarters: string[] = [];
  for (let i = 0; quarters.length < o.quarters; i += 3) {
    const [y, m] = shift(month, -i).split('-');
    const q = `${y}Q${Math.ceil(Number(m) / 3)}`;
    if (!quarters.includes(q)) quarters.push(q);
  }
  return { quarters, months };
}
