/**
 * `<input type="datetime-local">` reads and writes a wall-clock time without a zone. Staff mean the
 * institution's own time, whatever their browser's zone: these convert between that and the ISO
 * instants the API's schemas take.
 */

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC at that instant, in ms, as Intl states it ("GMT+08:00"). */
function offsetMs(ms: number, timeZone: string): number {
  let f = offsetFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    offsetFormatters.set(timeZone, f);
  }
  const name = f.formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000 : 0;
}

const LOCAL = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * The instant a wall-clock time names in `timeZone`, or the value as it came when it is no such
 * time, so the schema refuses it with its own message. The offset is read at a first guess and once
 * more at the answer, which settles it on either side of a DST change; the hour a zone lives twice
 * when its clocks go back is read as the second one.
 */
export function localInputToIso(value: string, timeZone: string): string {
  const m = LOCAL.exec(value);
  if (!m) return value;
  const wall = Date.parse(`${m[1]}T${m[2]}:${m[3]}:${m[4] ?? '00'}Z`);
  if (Number.isNaN(wall)) return value;
  const guess = wall - offsetMs(wall, timeZone);
  return new Date(wall - offsetMs(guess, timeZone)).toISOString();
}

/** The wall-clock time of an instant in `timeZone`, to the minute, as the input shows it. */
export function isoToLocalInput(iso: string, timeZone: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  return new Date(ms + offsetMs(ms, timeZone)).toISOString().slice(0, 16);
}
