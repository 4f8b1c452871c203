import { describe, expect, it } from 'vitest';
import { handleWorkflowTask } from '../../shared/application/workflow-tasks';
import * as t from '../../shared/domain/complaint/transitions';
import { scene } from '../support/scene';

const RECEIVED = '2026-11-02T02:00:00.000Z';

describe('Close is gated on the record', () => {
  it('refuses to close while feedback is missing or the review window is open, and names the step to re-enter', async () => {
    const s = await scene(RECEIVED);
    const id = await s.intake();
    const close = () => handleWorkflowTask(s.p, { kind: 'close', tenantId: s.tenant.id, complaintId: id });
    await s.act(id, (r, _i, ctx) => t.acknowledge(r, ctx), {});
    await s.act(id, (r, i, ctx) => t.decide(r, i, ctx), { outcome: 'upheld' as const, summary: '退还年费' });
    expect(await close()).toEqual({ step: 'feedback' });
    await s.act(id, (r, i, ctx) => t.recordFeedback(r, i, ctx), {
      channel: 'phone' as const,
      deliveredAt: RECEIVED,
      summary: '电话告知',
    });
    expect(await close()).toEqual({ step: 'review_window' });
    expect((await s.record(id)).status).toBe('review_window');
    expect(await s.types(id)).not.toContain('closed');
    // Once the window is over the complaint closes, once.
    await s.advance('2026-12-20T00:00:00Z');
    expect((await s.record(id)).status).toBe('closed');
    expect(await close()).toEqual({ step: 'closed' });
    expect((await s.types(id)).filter((x) => x === 'closed')).toHaveLength(1);
  });
});
