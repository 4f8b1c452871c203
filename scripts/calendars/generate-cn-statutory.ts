/**
 * Computes China's statutory holidays (全国年节及纪念日放假办法, revised 2024-11-10, Art. 2) for every
 * year from FIRST to LAST into shared/domain/calendars/cn-statutory.json:
 *
 *   npx tsx scripts/calendars/generate-cn-statutory.ts
 *
 * Lunar dates and the Qingming solar term come from the chinese-days package (its lunar table and
 * term data, not our own astronomy). The package computes in the process's local zone, so this
 * script pins Asia/Shanghai: run elsewhere, a festival would come out a day early or late.
 * The law fixes which days are off; the yearly State Council notice adds bridging days and make-up
 * working days, so these dates are only the floor the fallback calendar may rely on.
 */
process.env.TZ = 'Asia/Shanghai';

import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import chineseDays from 'chinese-days';
import { type StatutoryHolidays, StatutoryHolidaysSchema } from '../../shared/domain/calendars/calendar-data-schema';
import cnPublished from '../../shared/domain/calendars/cn.json';
import { addDays } from '../../shared/domain/calendars/local-date';

/** The revised Art. 2 (Spring Festival eve, 1–2 May) applies from 2025; the lunar table ends in 2100. */
const FIRST = 2025;
const LAST = 2099;
const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

if (new Intl.DateTimeFormat().resolvedOptions().timeZone !== 'Asia/Shanghai')
  throw new Error('this script must run in Asia/Shanghai (TZ=Asia/Shanghai)');

const lunar = (year: number, monthDay: string) => chineseDays.getSolarDateFromLunar(`${year}-${monthDay}`).date;

function statutoryDays(year: number): string[] {
  const springFestival = lunar(year, '01-01');
  return [
    `${year}-01-01`, // 元旦
    addDays(springFestival, -1), // 除夕: the last day of the twelfth lunar month, 29th or 30th
    springFestival,
    addDays(springFestival, 1),
    addDays(springFestival, 2), // 春节: 正月初一至初三
    chineseDays.getSolarTermDate(year, 4, 'pure_brightness'), // 清明节: the day of the solar term
    `${year}-05-01`,
    `${year}-05-02`, // 劳动节
    lunar(year, '05-05'), // 端午节 (the regular fifth month, not a leap one)
    lunar(year, '08-15'), // 中秋节
    `${year}-10-01`,
    `${year}-10-02`,
    `${year}-10-03`, // 国庆节
  ];
}

const years = Array.from({ length: LAST - FIRST + 1 }, (_, i) => FIRST + i);
const holidays = years.flatMap((y) => {
  const days = statutoryDays(y);
  // Spring Festival falls 21 Jan–20 Feb, so its eve is never in the previous year.
  if (days.some((d) => !d.startsWith(`${y}-`))) throw new Error(`${y}: a statutory day outside the year: ${days}`);
  // Mid-Autumn can fall on 1–3 October (2028, 2031): one day off, not two; the notice may add a day.
  return days;
});

// Every published schedule must contain the statutory days of its year: a package update or a
// lunar-table error that disagrees with a State Council notice must not ship silently.
const published = new Set(cnPublished.holidays);
for (const year of cnPublished.years.filter((y) => y >= FIRST)) {
  const missing = statutoryDays(year).filter((d) => d.startsWith(`${year}-`) && !published.has(d));
  if (missing.length > 0) throw new Error(`${year}: not in the published schedule: ${missing.join(', ')}`);
}

const version = (require('chinese-days/package.json') as { version: string }).version;
const data: StatutoryHolidays = StatutoryHolidaysSchema.parse({
  id: 'cn',
  law: '全国年节及纪念日放假办法 (revised 2024-11-10, in force 2025-01-01), Art. 2',
  source: `computed by scripts/calendars/generate-cn-statutory.ts with npm chinese-days@${version} (lunar dates, Qingming solar term; Asia/Shanghai)`,
  generatedAt: new Date().toISOString(),
  years,
  holidays: [...new Set(holidays)].sort(),
});
writeFileSync(join(here, '../../shared/domain/calendars/cn-statutory.json'), `${JSON.stringify(data, null, 2)}\n`);
console.log(`cn statutory holidays: ${FIRST}–${LAST}, ${data.holidays.length} days`);
