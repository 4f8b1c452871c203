import { describe, expect, it } from 'vitest';
import {
  endOfLocalDay,
  isValidTimeZone,
  localDateOf,
  startOfLocalDay,
} from '../../../shared/domain/calendars/time-zone';

describe('end of a local day as a UTC instant', () => {
  it('Asia/Shanghai is UTC+8 all year', () => {
    expect(endOfLocalDay('2026-10-10', 'Asia/Shanghai')).toBe('2026-10-10T15:59:59.999Z');
  });

  it('Europe/London: GMT before the clocks go forward, BST on and after 29 March 2026', () => {
    expect(endOfLocalDay('2026-03-28', 'Europe/London')).toBe('2026-03-28T23:59:59.999Z');
    expect(endOfLocalDay('2026-03-29', 'Europe/London')).toBe('2026-03-29T22:59:59.999Z');
    expect(endOfLocalDay('2026-07-01', 'Europe/London')).toBe('2026-07-01T22:59:59.999Z');
  });

  it('Europe/London: back to GMT on 25 October 2026', () => {
    expect(endOfLocalDay('2026-10-24', 'Europe/London')).toBe('2026-10-24T22:59:59.999Z');
    expect(endOfLocalDay('2026-10-25', 'Europe/London')).toBe('2026-10-25T23:59:59.999Z');
  });

  it('America/New_York: EST → EDT on 8 March 2026 and back on 1 November 2026', () => {
    expect(endOfLocalDay('2026-03-07', 'America/New_York')).toBe('2026-03-08T04:59:59.999Z');
    expect(endOfLocalDay('2026-03-08', 'America/New_York')).toBe('2026-03-09T03:59:59.999Z');
    expect(endOfLocalDay('2026-10-31', 'America/New_York')).toBe('2026-11-01T03:59:59.999Z');
    expect(endOfLocalDay('2026-11-01', 'America/New_York')).toBe('2026-11-02T04:59:59.999Z');
  });

  it('a day that starts in a DST gap (America/Santiago skips midnight) starts at its first real instant', () => {
    // Chile moved its clocks 00:00 → 01:00 on 2026-09-06; midnight did not exist there that day.
    const start = startOfLocalDay('2026-09-06', 'America/Santiago');
    expect(localDateOf(new Date(start), 'America/Santiago')).toBe('2026-09-06');
    expect(localDateOf(new Date(start - 1), 'America/Santiago')).toBe('2026-09-05');
  });
});

describe('local date of an instant', () => {
  it('depends on the zone, not on the machine running the code', () => {
    expect(localDateOf('2026-09-24T16:30:00Z', 'Asia/Shanghai')).toBe('2026-09-25');
    expect(localDateOf('2026-09-24T16:30:00Z', 'Europe/London')).toBe('2026-09-24');
    expect(localDateOf('2026-03-29T23:30:00Z', 'Europe/London')).toBe('2026-03-30');
    expect(localDateOf('2026-03-30T03:30:00Z', 'America/New_York')).toBe('2026-03-29');
  });

  it('accepts offsets in the input instant', () => {
    expect(localDateOf('2026-09-25T00:30:00+08:00', 'Asia/Shanghai')).toBe('2026-09-25');
  });

  it('validates zone names against the runtime database', () => {
    expect(isValidTimeZone('Europe/Brussels')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
  });
});
