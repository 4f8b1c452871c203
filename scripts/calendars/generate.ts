/**
 * Regenerates the holiday calendars in shared/domain/calendars/*.json from maintained sources, so the
 * domain ships plain data and never depends on a holiday library at run time.
 *
 *   npx tsx scripts/calendars/generate.ts
 *
 * A running platform takes China's next schedule without a release (PUT /admin/v1/calendars/cn/<year>,
 * see README); to ship it in the data files as well, update the chinese-days devDependency or add
 * the year to cn-supplement.json and run this again. Also run it when YEARS moves on.
 * The script refuses to write a calendar that contradicts the reference dates checked below.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Holidays from 'date-holidays';
import { type CalendarData, CalendarDataSchema } from '../../shared/domain/calendars/calendar-data-schema';

const YEARS = [2024, 2025, 2026, 2027, 2028];
const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, '../../shared/domain/calendars');
const require = createRequire(import.meta.url);
const generatedAt = new Date().toISOString();

function packageVersion(name: string): string {
  return (require(`${name}/package.json`) as { version: string }).version;
}

const inYears = (years: number[]) => (date: string) => years.includes(Number(date.slice(0, 4)));
const uniqueSorted = (dates: string[]) => [...new Set(dates)].sort();

function china(): CalendarData {
  const data = require('chinese-days/dist/chinese-days.json') as {
    holidays: Record<string, string>;
    workdays: Record<string, string>;
  };
  const supplement = JSON.parse(readFileSync(join(here, 'cn-supplement.json'), 'utf8')) as {
    years: Record<string, { source: string; holidays: string[]; workdays: string[] }>;
  };
  // A year counts as covered only when the package actually carries its schedule: a year with no
  // holidays at all means the State Council notice was not in the data yet.
  const packageYears = YEARS.filter((y) => Object.keys(data.holidays).some((d) => d.startsWith(`${y}-`)));
  const supplementYears = Object.keys(supplement.years)
    .map(Number)
    .filter((y) => YEARS.includes(y));
  const years = uniqueSorted([...packageYears, ...supplementYears].map(String)).map(Number);
  const supplementEntries = Object.values(supplement.years);
  const sources = [`npm chinese-days@${packageVersion('chinese-days')} (State Council holiday notices)`];
  for (const [year, entry] of Object.entries(supplement.years)) sources.push(`${year}: ${entry.source}`);
  return {
    id: 'cn',
    source: sources.join('; '),
    generatedAt,
    years,
    holidays: uniqueSorted([
      ...Object.keys(data.holidays).filter(inYears(packageYears)),
      ...supplementEntries.flatMap((e) => e.holidays),
    ]),
    workdays: uniqueSorted([
      ...Object.keys(data.workdays).filter(inYears(packageYears)),
      ...supplementEntries.flatMap((e) => e.workdays),
    ]),
  };
}

/** date-holidays lists observances too; only `public` days (incl. substitute days) close banks. */
function fromDateHolidays(id: 'uk-ew' | 'us-federal', hd: Holidays, label: string): CalendarData {
  const dates = YEARS.flatMap((y) =>
    hd
      .getHolidays(y)
      .filter((h) => h.type === 'public')
      .map((h) => h.date.slice(0, 10)),
  );
  return {
    id,
    source: `npm date-holidays@${packageVersion('date-holidays')} (${label}, public holidays incl. substitute days)`,
    generatedAt,
    years: YEARS,
    holidays: uniqueSorted(dates.filter(inYears(YEARS))),
    workdays: [],
  };
}

/** Gregorian Easter Sunday (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
function easterSunday(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return new Date(Date.UTC(year, month - 1, day));
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const shift = (d: Date, days: number) => new Date(d.getTime() + days * 86_400_000);

/** TARGET2 / T2 closing days (ECB): the only EU-wide business-day calendar there is. */
function euTarget(): CalendarData {
  const holidays = YEARS.flatMap((y) => {
    const easter = easterSunday(y);
    return [
      `${y}-01-01`,
      isoDay(shift(easter, -2)),
      isoDay(shift(easter, 1)),
      `${y}-05-01`,
      `${y}-12-25`,
      `${y}-12-26`,
    ];
  });
  return {
    id: 'eu-target',
    source: 'ECB TARGET2/T2 closing days: 1 Jan, Good Friday, Easter Monday, 1 May, 25 and 26 Dec (computed)',
    generatedAt,
    years: YEARS,
    holidays: uniqueSorted(holidays),
    workdays: [],
  };
}

/** Published dates we know independently; a library update that disagrees must not ship silently. */
const REFERENCE: Record<string, string[]> = {
  'uk-ew 2026': [
    '2026-01-01',
    '2026-04-03',
    '2026-04-06',
    '2026-05-04',
    '2026-05-25',
    '2026-08-31',
    '2026-12-25',
    '2026-12-28',
  ],
  // gov.uk/bank-holidays as announced; 1 Jan 2028 is a Saturday, so Monday 3 Jan is the substitute day.
  'uk-ew 2028': [
    '2028-01-03',
    '2028-04-14',
    '2028-04-17',
    '2028-05-01',
    '2028-05-29',
    '2028-08-28',
    '2028-12-25',
    '2028-12-26',
  ],
  'us-federal 2026': [
    '2026-01-01',
    '2026-01-19',
    '2026-02-16',
    '2026-05-25',
    '2026-06-19',
    '2026-07-03',
    '2026-09-07',
    '2026-10-12',
    '2026-11-11',
    '2026-11-26',
    '2026-12-25',
  ],
  'eu-target 2026': ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-01', '2026-12-25'],
};

function check(calendar: CalendarData): void {
  for (const [key, expected] of Object.entries(REFERENCE)) {
    const [id, year] = key.split(' ') as [string, string];
    if (id !== calendar.id) continue;
    // Weekend-dated holidays (e.g. Boxing Day 2026 on a Saturday) close nothing extra; compare weekdays.
    const weekdays = calendar.holidays.filter((d) => d.startsWith(year) && ![0, 6].includes(new Date(d).getUTCDay()));
    if (JSON.stringify(weekdays) !== JSON.stringify(expected)) {
      throw new Error(`${key}: expected ${expected.join(', ')} but generated ${weekdays.join(', ')}`);
    }
  }
}

const calendars = [
  china(),
  fromDateHolidays('uk-ew', new Holidays('GB', 'ENG'), 'GB-ENG, England and Wales bank holidays'),
  fromDateHolidays('us-federal', new Holidays('US'), 'US federal holidays, observed dates'),
  euTarget(),
];

for (const calendar of calendars) {
  CalendarDataSchema.parse(calendar);
  check(calendar);
  writeFileSync(join(outDir, `${calendar.id}.json`), `${JSON.stringify(calendar, null, 2)}\n`);
  console.log(
    `${calendar.id}: years ${calendar.years.join(', ')}; ${calendar.holidays.length} holidays, ${calendar.workdays.length} make-up workdays`,
  );
}
