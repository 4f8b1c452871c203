import { describe, expect, it } from 'vitest';
import * as t from '../../shared/domain/complaint/transitions';
import { scene } from '../support/scene';

describe('uk-fca-disp lifecycle: business days across the Easter bank holidays', () => {
  it('counts three business days over Good Friday and Easter Monday, escalates on the deadline, and has no review stage', async () => {
    // Thursday 2 April 2026, 10:00 BST. Good Friday (3 Apr) and Easter Monday (6 Apr) are bank holidays:
    // business days after receipt are Tue 7, Wed 8, Thu 9 April → end of 9 April in London (BST, UTC+1).
    const s = await scene('2026-04-02T09:00:00.000Z', { id: 'uk-bank', policy: 'uk-fca-disp' });
    expect(s.tenant.timezone).toBe('Europe/London');
    const id = await s.intake();
    const r = await s.record(id);
    expect(r.deadlines.acknowledgement).toBe('2026-04-09T22:59:59.999Z');
    // Eight weeks, calendar days, no roll: 28 May 2026.
    expect(r.deadlines.decision).toBe('2026-05-28T22:59:59.999Z');

    await s.advance('2026-04-10T09:00:00Z');
    const ack = (await s.escalations(id)).filter((e) => e.deadline === 'acknowledgement');
    expect(ack.map((e) => e.kind)).toEqual(['checkpoint', 'checkpoint', 'deadline']);
    expect(Date.parse(ack[2]!.at as string) - Date.parse('2026-04-09T22:59:59.999Z')).toBeLessThan(2000);
    expect((await s.record(id)).overdue).toBe(false);

    await s.act(id, (rr, _i, ctx) => t.acknowledge(rr, ctx), {});
    expect((await s.events(id)).find((e) => e.type === 'acknowledged')?.data).toEqual({ onTime: false });
    await s.act(id, (rr, i, ctx) => t.decide(rr, i, ctx), {
      outcome: 'partially_upheld' as const,
      summary: 'Refund of the fee, not of the interest',
    });
    expect((await s.record(id)).decision?.remediesAvailable).toEqual(['ombudsman', 'litigation']);
    await s.act(id, (rr, i, ctx) => t.recordFeedback(rr, i, ctx), {
      channel: 'email' as const,
      deliveredAt: '2026-04-10T09:00:00Z',
      summary: 'Final response with ombudsman rights',
    });
    // No internal review under DISP: the lifecycle closes once the final response is recorded.
    expect((await s.record(id)).status).toBe('closed');
    expect((await s.events(id)).at(-1)?.data).toEqual({ reason: 'no_review_stage' });
    expect(await s.types(id)).not.toContain('review_window_opened');
    expect(await s.refused(id, (rr, i, ctx) => t.requestReview(rr, i, ctx), { reason: 'x' })).toMatchObject({
      code: 'no_review_stage',
    });
  });
});
