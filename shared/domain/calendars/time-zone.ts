/**
 * Instants ↔ local calendar days in an IANA zone, with Intl only (ECMAScript, no zone library):
 * deadlines end at the end of a day where the tenant is, whatever the DST state that day.
 */
import { addDays } from './local-date';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock reading in `timeZone` at `ms`, expressed as if it were UTC (milliseconds dropped). */
function wallClockMs(ms: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(ms))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
}

/**
 * Offsets change only at transitions, and every zone's transitions fall on a quarter hour: the offset
 * is read once per zone and quarter hour, not once per call (formatToParts was the hottest function
 * of the intake path).
 */
const QUARTER_HOUR = 15 * 60_000;
const offsets = new Map<string, number>();

/** Offset of local time from UTC at that instant, in ms (e.g. +3 600 000 in BST). */
function offsetMs(ms: number, timeZone: string): number {
  const bucket = Math.floor(ms / QUARTER_HOUR) * QUARTER_HOUR;
  const key = `${timeZone}|${bucket}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    offset = wallClockMs(bucket, timeZone) - bucket;
    if (offsets.size > 100_000) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

function toMs(instant: string | Date): number {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`not an instant: ${String(instant)}`);
  return ms;
}

/** The calendar date in `timeZone` at that instant. */
export function localDateOf(instant: string | Date, timeZone: string): string {
  const ms = toMs(instant);
  return new Date(ms + offsetMs(ms, timeZone)).toISOString().slice(0, 10);
}

/**
 * The first instant of `date` in `timeZone`. Resolving a wall-clock time needs the offset at the
 * answer, which is unknown until found: guess with the offset at the wall time read as UTC, then
 * correct once with the offset at the guess. Two passes settle it in every zone whose transitions
 * are not at midnight; if midnight itself is skipped by DST, the first existing instant is returned.
 */
export function startOfLocalDay(date: string, timeZone: string): number {
  const wall = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(wall)) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  let ms = wall - offsetMs(wall, timeZone);
  ms = wall - offsetMs(ms, timeZone);
  // Midnight in a DST gap resolves to an instant on the previous day; step to the day's true start.
  while (localDateOf(new Date(ms), timeZone) < date) ms += 60_000;
  return ms;
}

/** The last millisecond of `date` in `timeZone` (23:59:59.999 local), as an ISO UTC instant. */
export function endOfLocalDay(date: string, timeZone: string): string {
  return new Date(startOfLocalDay(addDays(date, 1), timeZone) - 1).toISOString();
}

/**
 * A range of whole local days as instants, the first day's start and the instant after the last
 * day (exclusive): "received from 25 to 26 November" as staff and supervisors mean it.
 */
export function localDayRange(
  from: string | undefined,
  to: string | undefined,
  timeZone: string,
): { receivedFrom?: string; receivedTo?: string } {
  return {
    ...(from && { receivedFrom: new Date(startOfLocalDay(from, timeZone)).toISOString() }),
    ...(to && { receivedTo: new Date(startOfLocalDay(addDays(to, 1), timeZone)).toISOString() }),
  };
}

/**
 * The instant a wall-clock reading (`YYYY-MM-DDTHH:mm` or `…:ss`, as a form's datetime-local gives
 * it) names in `timeZone`, as an ISO UTC instant. A reading that a DST change skips or repeats
 * resolves to one of the instants around it.
 */
export function instantOfWallTime(wall: string, timeZone: string): string {
  const ms = Date.parse(`${wall.length === 16 ? `${wall}:00` : wall}Z`);
  if (Number.isNaN(ms)) throw new RangeError(`not a wall-clock time: ${wall}`);
  const guess = ms - offsetMs(ms, timeZone);
  return new Date(ms - offsetMs(guess, timeZone)).toISOString();
}
