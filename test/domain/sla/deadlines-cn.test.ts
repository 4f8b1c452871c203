import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../shared/domain/errors';
import { computeDeadlines, DeadlinesResultSchema, presetById } from '../../../shared/domain/sla';

const policy = presetById('cn-nfra-2020');
const cn = (receivedAt: string, extra: Partial<Parameters<typeof computeDeadlines>[0]> = {}) =>
  computeDeadlines({ policy, receivedAt, ...extra });
/** 23:59:59.999 in Shanghai (UTC+8, no DST). */
const endOfDayCn = (date: string) => `${date}T15:59:59.999Z`;

describe('cn-nfra-2020 decision deadline: 15 calendar days, receipt day not counted, 2026 calendar', () => {
  it('received Mon 28 Sep 2026 → 15th day Tue 13 Oct, an ordinary working day', () => {
    const r = cn('2026-09-28T10:00:00+08:00');
    expect(r.decision).toBe(endOfDayCn('2026-10-13'));
    expect(r.basis.periods.decision.rolled).toBe(false);
  });

  it('received Fri 25 Sep 2026 (Mid-autumn) → 15th day Sat 10 Oct, a make-up working day (调休), so it does NOT roll', () => {
    const r = cn('2026-09-25T10:00:00+08:00');
    expect(r.basis.periods.decision.nominalLastDay).toBe('2026-10-10');
    expect(r.decision).toBe(endOfDayCn('2026-10-10'));
    expect(r.basis.periods.decision.rolled).toBe(false);
    expect(r.provisional).toBe(false);
  });

  it('received Sun 20 Sep 2026 → 15th day Mon 5 Oct falls in National Day (1–7 Oct) → rolls to Thu 8 Oct', () => {
    const r = cn('2026-09-20T10:00:00+08:00');
    expect(r.basis.periods.decision).toMatchObject({
      nominalLastDay: '2026-10-05',
      lastDay: '2026-10-08',
      rolled: true,
    });
    expect(r.decision).toBe(endOfDayCn('2026-10-08'));
  });

  it('received Fri 6 Nov 2026 → 15th day Sat 21 Nov, an ordinary weekend → rolls to Mon 23 Nov', () => {
    const r = cn('2026-11-06T10:00:00+08:00');
    expect(r.decision).toBe(endOfDayCn('2026-11-23'));
  });

  it('Spring Festival: received Sun 1 Feb 2026 → 15th day Mon 16 Feb is inside 15–23 Feb → rolls to Tue 24 Feb', () => {
    expect(cn('2026-02-01T09:00:00+08:00').decision).toBe(endOfDayCn('2026-02-24'));
  });

  it('Spring Festival: received Fri 13 Feb 2026 → 15th day Sat 28 Feb is a make-up working day → stays', () => {
    expect(cn('2026-02-13T09:00:00+08:00').decision).toBe(endOfDayCn('2026-02-28'));
  });

  it('the day of receipt is the local day in Shanghai: 16:30 UTC on 24 Sep is already 25 Sep there', () => {
    const r = cn('2026-09-24T16:30:00Z');
    expect(r.basis.receivedDate).toBe('2026-09-25');
    expect(r.decision).toBe(endOfDayCn('2026-10-10'));
  });

  it('result matches its own schema', () => {
    expect(() => DeadlinesResultSchema.parse(cn('2026-09-25T10:00:00+08:00', { extension: 'complex' }))).not.toThrow();
  });
});

describe('cn-nfra-2020 acknowledgement: 1 working day (local rule)', () => {
  it('received Fri 25 Sep 2026 → Mon 28 Sep (the weekend 26–27 Sep is Mid-autumn)', () => {
    expect(cn('2026-09-25T10:00:00+08:00').acknowledgement).toBe(endOfDayCn('2026-09-28'));
  });

  it('received Fri 13 Feb 2026 → Sat 14 Feb, a make-up working day', () => {
    expect(cn('2026-02-13T10:00:00+08:00').acknowledgement).toBe(endOfDayCn('2026-02-14'));
  });
});

describe('cn-nfra-2020 extension tiers (from receipt, not added to 15)', () => {
  it('complex: received 25 Sep 2026 → 30th day Sun 25 Oct → rolls to Mon 26 Oct', () => {
    const r = cn('2026-09-25T10:00:00+08:00', { extension: 'complex' });
    expect(r.decision).toBe(endOfDayCn('2026-10-10'));
    expect(r.extendedDecision).toBe(endOfDayCn('2026-10-26'));
  });

  it('especially complex: received 25 Sep 2026 → 60th day Tue 24 Nov', () => {
    expect(cn('2026-09-25T10:00:00+08:00', { extension: 'especially_complex' }).extendedDecision).toBe(
      endOfDayCn('2026-11-24'),
    );
  });

  it('a tier the policy lacks is a rule violation (HTTP 422), not a silent default', () => {
    const call = () =>
      computeDeadlines({ policy: presetById('uk-fca-disp'), receivedAt: '2026-09-25T10:00:00Z', extension: 'complex' });
    expect(call).toThrow(DomainError);
    try {
      call();
    } catch (e) {
      expect((e as DomainError).kind).toBe('rule_violation');
    }
  });
});

describe('cn-nfra-2020 pauses for external appraisal', () => {
  it('a 5-day pause (12 → 17 Oct) moves the 25 Sep decision from 10 Oct to Thu 15 Oct', () => {
    const r = cn('2026-09-25T10:00:00+08:00', {
      pauses: [{ from: '2026-10-12T10:00:00+08:00', to: '2026-10-17T09:00:00+08:00' }],
    });
    expect(r.basis.pausedDays).toBe(5);
    expect(r.decision).toBe(endOfDayCn('2026-10-15'));
  });

  it('overlapping pauses count each day once (12–15 and 14–17 Oct = 5 days)', () => {
    const r = cn('2026-09-25T10:00:00+08:00', {
      pauses: [
        { from: '2026-10-14T10:00:00+08:00', to: '2026-10-17T10:00:00+08:00' },
        { from: '2026-10-12T10:00:00+08:00', to: '2026-10-15T10:00:00+08:00' },
      ],
    });
    expect(r.basis.pausedDays).toBe(5);
  });

  it('separate pauses add up, and shift the extended deadline too; the acknowledgement never moves', () => {
    const r = cn('2026-09-25T10:00:00+08:00', {
      extension: 'complex',
      pauses: [
        { from: '2026-10-12T10:00:00+08:00', to: '2026-10-13T10:00:00+08:00' },
        { from: '2026-10-20T10:00:00+08:00', to: '2026-10-22T10:00:00+08:00' },
      ],
    });
    expect(r.basis.pausedDays).toBe(3);
    expect(r.decision).toBe(endOfDayCn('2026-10-13')); // 28 Sep + 15
    expect(r.extendedDecision).toBe(endOfDayCn('2026-10-28')); // 28 Sep + 30
    expect(r.acknowledgement).toBe(endOfDayCn('2026-09-28'));
  });

  it('a pause within one day suspends no whole day', () => {
    const r = cn('2026-09-25T10:00:00+08:00', {
      pauses: [{ from: '2026-10-12T09:00:00+08:00', to: '2026-10-12T17:00:00+08:00' }],
    });
    expect(r.basis.pausedDays).toBe(0);
  });
});

describe('cn-nfra-2020 review (核查)', () => {
  it('request window: 30 days from feedback Fri 9 Oct 2026 → Sun 8 Nov → rolls to Mon 9 Nov', () => {
    const r = cn('2026-09-25T10:00:00+08:00', {
      decidedAt: '2026-10-08T10:00:00+08:00',
      feedbackAt: '2026-10-09T15:00:00+08:00',
    });
    expect(r.reviewRequest).toBe(endOfDayCn('2026-11-09'));
    expect(r.basis.reviewWindowFrom).toBe('feedbackAt');
  });

  it('without a feedback date the window runs from the decision date (8 Oct → Sat 7 Nov → Mon 9 Nov)', () => {
    const r = cn('2026-09-25T10:00:00+08:00', { decidedAt: '2026-10-08T10:00:00+08:00' });
    expect(r.basis.reviewWindowFrom).toBe('decidedAt');
    expect(r.reviewRequest).toBe(endOfDayCn('2026-11-09'));
  });

  it('review decision: 30 days from the request Mon 2 Nov 2026 → Wed 2 Dec', () => {
    const r = cn('2026-09-25T10:00:00+08:00', { reviewRequestedAt: '2026-11-02T10:00:00+08:00' });
    expect(r.reviewDecision).toBe(endOfDayCn('2026-12-02'));
  });

  it('review deadlines are absent until their starting event is known', () => {
    const r = cn('2026-09-25T10:00:00+08:00');
    expect(r).not.toHaveProperty('reviewRequest');
    expect(r).not.toHaveProperty('reviewDecision');
    expect(r).not.toHaveProperty('extendedDecision');
  });
});

describe('cn-nfra-2020 outside the published calendar years', () => {
  it('received 20 Dec 2026 → 15th day 4 Jan 2027: no 2027 schedule yet, so provisional (statutory days only)', () => {
    const r = cn('2026-12-20T10:00:00+08:00');
    expect(r.decision).toBe(endOfDayCn('2027-01-04'));
    expect(r.provisional).toBe(true);
    expect(r.basis.periods.decision.uncoveredYears).toEqual([2027]);
  });

  it('a deadline wholly inside 2026 is not provisional even when a requested extension would be', () => {
    const r = cn('2026-11-06T10:00:00+08:00');
    expect(r.provisional).toBe(false);
    const extended = cn('2026-11-06T10:00:00+08:00', { extension: 'especially_complex' });
    expect(extended.provisional).toBe(true);
    expect(extended.basis.periods.decision.uncoveredYears).toEqual([]);
    expect(extended.basis.periods.extendedDecision?.uncoveredYears).toEqual([2027]);
  });
});
