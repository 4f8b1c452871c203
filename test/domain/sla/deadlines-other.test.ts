import { describe, expect, it } from 'vitest';
import { computeDeadlines, presetById } from '../../../shared/domain/sla';

describe('uk-fca-disp', () => {
  const policy = presetById('uk-fca-disp');

  it('summary resolution: 3 business days from Thu 2 Apr 2026 skip Good Friday and Easter Monday → Thu 9 Apr, end of day BST', () => {
    const r = computeDeadlines({ policy, receivedAt: '2026-04-02T11:00:00+01:00' });
    expect(r.basis.periods.acknowledgement.lastDay).toBe('2026-04-09');
    expect(r.acknowledgement).toBe('2026-04-09T22:59:59.999Z');
  });

  it('summary resolution: 3 business days from Wed 23 Dec 2026 skip 25 Dec, the weekend and the Boxing Day substitute (28 Dec) → Wed 30 Dec, end of day GMT', () => {
    const r = computeDeadlines({ policy, receivedAt: '2026-12-23T15:00:00Z' });
    expect(r.acknowledgement).toBe('2026-12-30T23:59:59.999Z');
  });

  it('final response: 8 weeks (56 days) from Tue 10 Feb 2026 → Tue 7 Apr, after the clocks went forward (BST)', () => {
    expect(computeDeadlines({ policy, receivedAt: '2026-02-10T09:00:00Z' }).decision).toBe('2026-04-07T22:59:59.999Z');
  });

  it('final response: from Tue 1 Sep 2026 → Tue 27 Oct, after the clocks went back (GMT)', () => {
    expect(computeDeadlines({ policy, receivedAt: '2026-09-01T09:00:00+01:00' }).decision).toBe(
      '2026-10-27T23:59:59.999Z',
    );
  });

  it('8 weeks are not moved off a bank holiday: from Fri 30 Oct 2026 the end is Christmas Day itself', () => {
    const r = computeDeadlines({ policy, receivedAt: '2026-10-30T09:00:00Z' });
    expect(r.basis.periods.decision.lastDay).toBe('2026-12-25');
    expect(r.basis.periods.decision.rolled).toBe(false);
  });

  it('has no internal review stage, so no review deadlines even after a decision', () => {
    const r = computeDeadlines({
      policy,
      receivedAt: '2026-09-01T09:00:00Z',
      decidedAt: '2026-09-20T09:00:00Z',
      reviewRequestedAt: '2026-09-25T09:00:00Z',
    });
    expect(r.reviewRequest).toBeUndefined();
    expect(r.reviewDecision).toBeUndefined();
  });

  it('business days in 2029 are beyond the bank-holiday data → provisional', () => {
    expect(computeDeadlines({ policy, receivedAt: '2029-01-10T09:00:00Z' }).provisional).toBe(true);
    expect(computeDeadlines({ policy, receivedAt: '2028-01-10T09:00:00Z' }).provisional).toBe(false);
  });

  it('a tenant in another zone gets end of day in its own zone', () => {
    const r = computeDeadlines({ policy, receivedAt: '2026-02-10T09:00:00Z', timezone: 'Asia/Shanghai' });
    expect(r.basis.timezone).toBe('Asia/Shanghai');
    expect(r.decision).toBe('2026-04-07T15:59:59.999Z');
  });
});

describe('eu-psd2', () => {
  const policy = presetById('eu-psd2');

  it('15 business days from Fri 27 Mar 2026 skip Good Friday and Easter Monday → Tue 21 Apr (end of day CEST)', () => {
    const r = computeDeadlines({ policy, receivedAt: '2026-03-27T10:00:00+01:00' });
    expect(r.decision).toBe('2026-04-21T21:59:59.999Z');
  });

  it('35 business days with a holding reply also skip 1 May → Wed 20 May 2026', () => {
    const r = computeDeadlines({ policy, receivedAt: '2026-03-27T10:00:00+01:00', extension: 'complex' });
    expect(r.basis.periods.extendedDecision?.lastDay).toBe('2026-05-20');
  });
});

describe('us-cfpb', () => {
  const policy = presetById('us-cfpb');

  it('15 calendar days from Thu 18 Jun 2026 end on Fri 3 Jul, the observed Independence Day: no roll', () => {
    const r = computeDeadlines({ policy, receivedAt: '2026-06-18T14:00:00-04:00' });
    expect(r.acknowledgement).toBe('2026-07-04T03:59:59.999Z');
    expect(r.basis.periods.acknowledgement.rolled).toBe(false);
  });

  it('15 calendar days from Sat 7 Nov 2026 end on Sunday 22 Nov: no roll, end of day EST', () => {
    expect(computeDeadlines({ policy, receivedAt: '2026-11-07T12:00:00-05:00' }).acknowledgement).toBe(
      '2026-11-23T04:59:59.999Z',
    );
  });

  it('final response 60 calendar days from 18 Jun 2026 → Mon 17 Aug', () => {
    expect(computeDeadlines({ policy, receivedAt: '2026-06-18T14:00:00-04:00' }).decision).toBe(
      '2026-08-18T03:59:59.999Z',
    );
  });

  it('calendar days without a roll never consult holidays, so 2030 is not provisional', () => {
    expect(computeDeadlines({ policy, receivedAt: '2030-01-10T12:00:00Z' }).provisional).toBe(false);
  });
});
