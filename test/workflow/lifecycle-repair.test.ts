import { describe, expect, it } from 'vitest';
import { repairLifecycles } from '../../shared/application/lifecycle-repair';
import * as t from '../../shared/domain/complaint/transitions';
import { scene } from '../support/scene';

const RECEIVED = '2026-11-02T02:00:00.000Z';

describe('repair of lifecycles broken before issue 7 (re-enter at the step the record is at)', () => {
  it('moves an execution that skipped the feedback back to it, restarts one that stopped, and leaves sound ones alone', async () => {
    const s = await scene(RECEIVED);
    const skipped = await s.intake();
    await s.act(skipped, (r, _i, ctx) => t.acknowledge(r, ctx), {});
    await s.act(skipped, (r, i, ctx) => t.decide(r, i, ctx), { outcome: 'upheld' as const, summary: '退还年费' });
    expect(await s.step(skipped)).toBe('feedback');
    // What a stray signal did before the fix: the feedback wait completed although no feedback was given.
    const position = await s.p.complaints.getPosition(s.tenant.tableName, skipped);
    await s.p.engine.sendTaskSuccess(position!.token!, { step: 'feedback', outcome: 'done' });
    await s.settle();
    expect(await s.step(skipped)).toBe('review_window');
    expect((await s.record(skipped)).status).toBe('decided');

    const stopped = await s.intake();
    const sound = await s.intake();
    await s.act(sound, (r, _i, ctx) => t.acknowledge(r, ctx), {});
    expect(await repairLifecycles(s.p, s.tenant, { restart: (n, i) => s.p.engine.restartExecution(n, i) })).toEqual([
      { complaintId: skipped, from: 'review_window', to: 'feedback', restarted: true },
    ]);
    await s.settle();

    // An execution that ended under an open complaint (here: the engine stopped them all).
    s.p.engine.stop();
    expect(await s.execution(stopped)).toBe('ABORTED');
    const repaired = await repairLifecycles(s.p, s.tenant, { restart: (n, i) => s.p.engine.restartExecution(n, i) });
    expect(repaired.map((r) => [r.complaintId, r.to]).sort()).toEqual(
      [
        [skipped, 'feedback'],
        [stopped, 'acknowledgement'],
        [sound, 'decision'],
      ].sort(),
    );
    await s.settle();
    expect(await s.step(skipped)).toBe('feedback');
    for (const id of [skipped, stopped, sound]) expect(await s.execution(id)).toBe('RUNNING');
    // Running and at their recorded steps: nothing more to repair.
    expect(await repairLifecycles(s.p, s.tenant, { restart: (n, i) => s.p.engine.restartExecution(n, i) })).toEqual([]);

    // The feedback now opens the review window at once, and the lifecycle closes when it ends.
    await s.act(skipped, (r, i, ctx) => t.recordFeedback(r, i, ctx), {
      channel: 'phone' as const,
      deliveredAt: RECEIVED,
      summary: '电话告知',
    });
    expect(await s.step(skipped)).toBe('review_window');
    expect((await s.types(skipped)).slice(-2)).toEqual(['feedback_delivered', 'review_window_opened']);
    await s.advance('2026-12-20T00:00:00Z');
    expect((await s.record(skipped)).status).toBe('closed');
    expect((await s.events(skipped)).at(-1)?.data).toEqual({ reason: 'review_window_ended' });
    expect(await s.execution(skipped)).toBe('SUCCEEDED');
  });
});
