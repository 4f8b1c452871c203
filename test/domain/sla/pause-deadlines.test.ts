import { describe, expect, it } from 'vitest';
import { computeDeadlines, escalationCheckpoints, presetById } from '../../../shared/domain/sla';

const policy = presetById('cn-nfra-2020');
const timezone = 'Asia/Shanghai';

describe('paused time in the decision deadline and its checkpoints', () => {
  it('counts again from receipt with the paused days, rolling the new last day, not shifting the old one', () => {
    // Thu 10 Sep 2026: 15 days end on Fri 25 Sep, Mid-Autumn, rolled to Mon 28 Sep.
    const receivedAt = '2026-09-10T02:00:00.000Z';
    expect(computeDeadlines({ policy, receivedAt, timezone }).decision).toBe('2026-09-28T15:59:59.999Z');
    // Paused 14 → 20 Sep: 6 days. The new last day, Thu 1 Oct, is National Day: rolled to Thu 8 Oct
    // (the old deadline plus 6 days would have been Sun 4 Oct, inside the holiday).
    const paused = computeDeadlines({
      policy,
      receivedAt,
      timezone,
      pauses: [{ from: '2026-09-14T02:00:00.000Z', to: '2026-09-20T02:00:00.000Z' }],
    });
    expect(paused.basis.pausedDays).toBe(6);
    expect(paused.decision).toBe('2026-10-08T15:59:59.999Z');
    expect(paused.basis.periods.decision).toMatchObject({ nominalLastDay: '2026-10-01', rolled: true });
  });

  it('keeps checkpoints before a pause where they were and puts the last on the moved deadline', () => {
    const startAt = '2026-10-01T00:00:00.000Z';
    const deadline = '2026-10-21T00:00:00.000Z';
    // Ten days paused from day 2: 10 days ran in all.
    const pauses = [{ from: '2026-10-03T00:00:00.000Z', to: '2026-10-13T00:00:00.000Z' }];
    const at = (p?: typeof pauses) =>
      escalationCheckpoints({ startAt, deadline, policy, timezone, maxOverdue: 0, ...(p && { pauses: p }) }).map(
        (c) => c.at,
      );
    // 50 % and 80 % are days 5 and 8 of the time that ran: 3 and 6 days after the pause ended.
    expect(at(pauses)).toEqual(['2026-10-16T00:00:00.000Z', '2026-10-19T00:00:00.000Z', deadline]);
    expect(at()).toEqual(['2026-10-11T00:00:00.000Z', '2026-10-17T00:00:00.000Z', deadline]);
    const early = [{ from: '2026-10-15T00:00:00.000Z', to: '2026-10-17T00:00:00.000Z' }];
    // A pause after the 50 % point (day 9 of 18) leaves it alone; 80 % (day 14.4) moves by its 2 days.
    expect(at(early)).toEqual(['2026-10-10T00:00:00.000Z', '2026-10-17T09:36:00.000Z', deadline]);
  });
});
