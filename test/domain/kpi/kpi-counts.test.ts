import { describe, expect, it } from 'vitest';
import type { ComplaintRecord } from '../../../shared/domain/complaint/complaint-schema';
import { daysToDecision, kpiCounts } from '../../../shared/domain/kpi/kpi-counts';
import { kpisFrom, percentile } from '../../../shared/domain/kpi/kpi-report';
import { monthsOf, PeriodSchema } from '../../../shared/domain/kpi/period';

const TZ = 'Asia/Shanghai';
const base = {
  id: 'c1',
  status: 'received',
  overdue: false,
  receivedAt: '2026-11-02T02:00:00.000Z',
  channel: 'phone',
  category: 'B-CAT-05',
  reason: 'B-RSN-01',
  repeatOf: null,
} as unknown as ComplaintRecord;
const at = (patch: Partial<ComplaintRecord>) => ({ ...base, ...patch }) as ComplaintRecord;

describe('kpiCounts: what one change adds', () => {
  it('a receipt opens the gauge and counts the receipt, its category, channel and reason', () => {
    expect(kpiCounts(null, base, ['received'], TZ)).toEqual({
      month: {
        'kpi.received': 1,
        'kpi.received@B-CAT-05': 1,
        'kpi.channel.phone': 1,
        'kpi.reason.B-RSN-01': 1,
      },
      gauges: { 'kpi.open': 1 },
    });
  });

  it('the overdue flag rising counts once and moves the overdue gauge; ending an overdue complaint moves both back', () => {
    const overdue = at({ overdue: true });
    expect(kpiCounts(base, overdue, ['escalated', 'escalated', 'overdue'], TZ)).toEqual({
      month: {
        'kpi.becameOverdue': 1,
        'kpi.becameOverdue@B-CAT-05': 1,
        'kpi.escalations': 2,
        'kpi.escalations@B-CAT-05': 2,
      },
      gauges: { 'kpi.overdue': 1 },
    });
    // Still overdue: nothing more.
    expect(kpiCounts(overdue, at({ overdue: true, escalationLevel: 2 }), [], TZ)).toEqual({ month: {}, gauges: {} });
    const withdrawn = at({ overdue: true, status: 'withdrawn', ended: { kind: 'withdrawn', at: 'x', by: 'y' } });
    expect(kpiCounts(overdue, withdrawn, ['withdrawn'], TZ)).toEqual({
      month: { 'kpi.withdrawn': 1, 'kpi.withdrawn@B-CAT-05': 1 },
      gauges: { 'kpi.open': -1, 'kpi.overdue': -1 },
    });
  });

  it('a decision counts on time or late and its days to decision, in local days', () => {
    const decided = at({
      status: 'decided',
      decision: {
        outcome: 'upheld',
        summary: 's',
        remediesAvailable: ['review'],
        decidedAt: '2026-11-06T17:00:00.000Z', // 7 Nov in Shanghai
        decidedBy: 'h',
        onTime: false,
      },
    });
    expect(kpiCounts(base, decided, ['decided'], TZ).month).toMatchObject({
      'kpi.decided.late': 1,
      'kpi.daysToDecision.5': 1,
      'kpi.daysToDecision.5@B-CAT-05': 1,
    });
    expect(daysToDecision('2026-11-02T02:00:00Z', '2027-03-01T02:00:00Z', TZ)).toBe(119);
  });
});

describe('KPIs from counters', () => {
  it('nearest-rank median and p90 over the day histogram, the capped bucket as 91', () => {
    expect(percentile({ '1': 1, '3': 1, '10': 1, '91+': 1 }, 0.5)).toBe(3);
    expect(percentile({ '1': 1, '3': 1, '10': 1, '91+': 1 }, 0.9)).toBe(91);
    expect(percentile({}, 0.5)).toBeNull();
  });

  it('rates are null, not 0 or NaN, when nothing was counted', () => {
    const k = kpisFrom({});
    expect(k.decided.onTimeRate).toBeNull();
    expect(k.feedbackBeforeClose.rate).toBeNull();
    expect(kpisFrom({ 'kpi.closed': 4, 'kpi.closed.withFeedback': 4 }).feedbackBeforeClose.rate).toBe(1);
  });

  it('periods: months and quarters', () => {
    expect(monthsOf('2026Q4')).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(monthsOf('2026-02')).toEqual(['2026-02']);
    for (const bad of ['2026Q0', '2026-00', '26Q1', '2026-1']) expect(PeriodSchema.safeParse(bad).success).toBe(false);
  });
});
