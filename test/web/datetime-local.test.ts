import { describe, expect, it } from 'vitest';
import { isoToLocalInput, localInputToIso } from '../../shared/web/datetime-local';

describe('datetime-local fields in the institution’s zone', () => {
  it.each([
    ['2026-11-02T10:30', 'Asia/Shanghai', '2026-11-02T02:30:00.000Z'],
    ['2026-07-01T09:00', 'Europe/London', '2026-07-01T08:00:00.000Z'],
    ['2026-12-01T09:00', 'Europe/London', '2026-12-01T09:00:00.000Z'],
    // Either side of a change: the night before New York's clocks go forward, and the morning after.
    ['2026-03-07T23:30', 'America/New_York', '2026-03-08T04:30:00.000Z'],
    ['2026-03-08T03:30', 'America/New_York', '2026-03-08T07:30:00.000Z'],
    // The hour London lives twice when its clocks go back is read as the second (GMT) one.
    ['2026-10-25T01:30', 'Europe/London', '2026-10-25T01:30:00.000Z'],
    ['2026-11-02T10:30:15', 'Asia/Shanghai', '2026-11-02T02:30:15.000Z'],
  ])('%s in %s is %s, and back', (local, zone, iso) => {
    expect(localInputToIso(local, zone)).toBe(iso);
    expect(isoToLocalInput(iso, zone)).toBe(local.slice(0, 16));
  });

  it('passes anything that is no wall-clock time on unchanged, for the schema to refuse', () => {
    for (const v of ['', 'yesterday', '2026-13-45T99:99', '2026-11-02T10:30:00+08:00'])
      expect(localInputToIso(v, 'Asia/Shanghai')).toBe(v);
    expect(isoToLocalInput('not a date', 'Asia/Shanghai')).toBe('');
  });
});
