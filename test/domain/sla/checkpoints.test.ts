import { describe, expect, it } from 'vitest';
import {
  computeDeadlines,
  DEFAULT_MAX_OVERDUE,
  escalationCheckpoints,
  nextCheckpoint,
  presetById,
} from '../../../shared/domain/sla';

describe('escalation checkpoints', () => {
  const policy = presetById('uk-fca-disp');

  it('fall at 50 %, 80 % and 100 % of the time allowed, naming levels 1, 2, 3', () => {
    const list = escalationCheckpoints({
      startAt: '2026-03-01T00:00:00Z',
      deadline: '2026-03-11T00:00:00Z',
      policy,
      maxOverdue: 0,
    });
    expect(list).toEqual([
      { at: '2026-03-06T00:00:00.000Z', level: 1, fraction: 0.5, kind: 'checkpoint' },
      { at: '2026-03-09T00:00:00.000Z', level: 2, fraction: 0.8, kind: 'checkpoint' },
      { at: '2026-03-11T00:00:00.000Z', level: 3, fraction: 1, kind: 'deadline' },
    ]);
  });

  it('then daily at the end of each local day after the deadline, staying correct across the change to BST', () => {
    const list = escalationCheckpoints({
      startAt: '2026-03-20T09:00:00Z',
      deadline: '2026-03-27T23:59:59.999Z',
      policy,
      maxOverdue: 3,
    });
    expect(list.filter((c) => c.kind === 'overdue').map((c) => [c.at, c.level])).toEqual([
      ['2026-03-28T23:59:59.999Z', 3],
      ['2026-03-29T22:59:59.999Z', 3],
      ['2026-03-30T22:59:59.999Z', 3],
    ]);
  });

  it('stop at `until`, and default to a bounded count without it', () => {
    const bounded = escalationCheckpoints({
      startAt: '2026-03-20T09:00:00Z',
      deadline: '2026-03-27T23:59:59.999Z',
      policy,
      until: '2026-04-01T12:00:00Z',
    });
    expect(bounded.filter((c) => c.kind === 'overdue')).toHaveLength(4);
    const unbounded = escalationCheckpoints({
      startAt: '2026-03-20T09:00:00Z',
      deadline: '2026-03-27T23:59:59.999Z',
      policy,
    });
    expect(unbounded.filter((c) => c.kind === 'overdue')).toHaveLength(DEFAULT_MAX_OVERDUE);
  });

  it('are ordered in time and work from a computed deadline', () => {
    const cn = presetById('cn-nfra-2020');
    const receivedAt = '2026-09-25T02:00:00Z';
    const { decision } = computeDeadlines({ policy: cn, receivedAt });
    const list = escalationCheckpoints({ startAt: receivedAt, deadline: decision, policy: cn, maxOverdue: 2 });
    const times = list.map((c) => Date.parse(c.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(list.find((c) => c.kind === 'deadline')?.at).toBe(decision);
    expect(list.at(-1)?.at).toBe('2026-10-12T15:59:59.999Z');
  });

  it('honour a policy that reminds every 2 days', () => {
    const every2 = presetById('uk-fca-disp');
    every2.escalation.afterDeadlineEvery = 'P2D';
    const list = escalationCheckpoints({
      startAt: '2026-06-01T09:00:00Z',
      deadline: '2026-06-10T22:59:59.999Z',
      policy: every2,
      maxOverdue: 2,
    });
    expect(list.filter((c) => c.kind === 'overdue').map((c) => c.at)).toEqual([
      '2026-06-12T22:59:59.999Z',
      '2026-06-14T22:59:59.999Z',
    ]);
  });
});

describe('nextCheckpoint', () => {
  const list = escalationCheckpoints({
    startAt: '2026-03-01T00:00:00Z',
    deadline: '2026-03-11T00:00:00Z',
    policy: presetById('uk-fca-disp'),
    maxOverdue: 1,
  });

  it('is the first checkpoint strictly after now', () => {
    expect(nextCheckpoint(list, '2026-03-01T00:00:00Z')?.level).toBe(1);
    expect(nextCheckpoint(list, '2026-03-06T00:00:00Z')?.fraction).toBe(0.8);
    expect(nextCheckpoint(list, new Date('2026-03-10T00:00:00Z'))?.kind).toBe('deadline');
    expect(nextCheckpoint(list, '2026-03-11T00:00:00Z')?.kind).toBe('overdue');
  });

  it('is undefined once every checkpoint has passed', () => {
    expect(nextCheckpoint(list, '2027-01-01T00:00:00Z')).toBeUndefined();
  });
});
