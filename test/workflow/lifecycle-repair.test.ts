import { describe, expect, it } from 'vitest';
import { resumeOpenLifecycles } from '../../infra/local/workflow/resume';
import { registerComplaint } from '../../shared/application/intake';
import { repairLifecycles } from '../../shared/application/lifecycle-repair';
import { IntakeSchema } from '../../shared/domain/complaint/intake-schema';
import * as t from '../../shared/domain/complaint/transitions';
import { skippedFeedback } from '../support/broken-lifecycle';
import { intakeBody, principal } from '../support/fixtures';
import { scene } from '../support/scene';

const RECEIVED = '2026-11-02T02:00:00.000Z';
type Scene = Awaited<ReturnType<typeof scene>>;

/** Registers a complaint under an Idempotency-Key the test can send again, as a retrying client does. */
const register = (s: Scene, key: string) =>
  registerComplaint(s.p, s.tenant, principal(s.tenant.id, ['intake']), IntakeSchema.parse(intakeBody()), key);

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
    // A running platform restarts through its own engine, under the next name (a Standard
    // execution's name cannot be used again), and the position names it.
    expect(await repairLifecycles(s.p, s.tenant)).toEqual([
      { complaintId: skipped, from: 'review_window', to: 'feedback', execution: `${skipped}-r1`, restarted: true },
    ]);
    await s.settle();
    expect((await s.p.engine.describeExecution(skipped)).status).toBe('ABORTED');
    expect((await s.p.complaints.getPosition(s.tenant.tableName, skipped))?.execution).toBe(`${skipped}-r1`);
    expect(await s.execution(skipped)).toBe('RUNNING');
    expect(s.p.engine.running()).toBe(3);

    // An execution that ended under an open complaint (here: the engine stopped them all).
    s.p.engine.stop();
    expect(await s.execution(stopped)).toBe('ABORTED');
    const repaired = await repairLifecycles(s.p, s.tenant);
    expect(repaired.map((r) => [r.complaintId, r.to, r.execution]).sort()).toEqual(
      [
        [skipped, 'feedback', `${skipped}-r2`],
        [stopped, 'acknowledgement', `${stopped}-r1`],
        [sound, 'decision', `${sound}-r1`],
      ].sort(),
    );
    await s.settle();
    expect(await s.step(skipped)).toBe('feedback');
    for (const id of [skipped, stopped, sound]) expect(await s.execution(id)).toBe('RUNNING');
    // Running and at their recorded steps: nothing more to repair.
    expect(await repairLifecycles(s.p, s.tenant)).toEqual([]);
    expect(s.p.engine.running()).toBe(3);

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

  it('offline (the CLI) moves positions only; the next start resumes them under the name they store', async () => {
    const s = await scene(RECEIVED);
    const skipped = await skippedFeedback(s);
    const sound = await s.intake();
    // The platform is stopped: nothing runs, so a stopped execution is no sign of a broken lifecycle.
    s.p.engine.stop();
    expect(await repairLifecycles(s.p, s.tenant, { offline: true })).toEqual([
      { complaintId: skipped, from: 'review_window', to: 'feedback', execution: skipped, restarted: false },
    ]);
    expect(await s.execution(skipped)).toBe('ABORTED');
    await resumeOpenLifecycles(s.p);
    await s.settle();
    expect(await s.step(skipped)).toBe('feedback');
    expect(await s.step(sound)).toBe('acknowledgement');
    expect(s.p.engine.running()).toBe(2);
  });

  it('a restarted lifecycle is resumed, and left alone by a retried intake, under its own name only', async () => {
    const s = await scene(RECEIVED);
    const { complaint } = await register(s, 'k-restarted');
    const id = complaint.id;
    await s.settle();
    s.p.engine.stop();
    expect(await repairLifecycles(s.p, s.tenant, { complaintId: id })).toEqual([
      { complaintId: id, from: 'acknowledgement', to: 'acknowledgement', execution: `${id}-r1`, restarted: true },
    ]);
    await s.settle();
    // The client retries its registration: the complaint id's own execution (stopped) is not started
    // again beside the restarted one. Step Functions would refuse the name; the local engine would not.
    expect((await register(s, 'k-restarted')).replayed).toBe(true);
    await s.settle();
    expect((await s.p.engine.describeExecution(id)).status).toBe('ABORTED');
    expect(s.p.engine.running()).toBe(1);
    // A restart of the runtime resumes it as `-r1`, and staff actions reach its waits.
    s.p.engine.stop();
    await resumeOpenLifecycles(s.p);
    await s.settle();
    expect((await s.p.engine.describeExecution(id)).status).toBe('ABORTED');
    expect(await s.execution(id)).toBe('RUNNING');
    expect(s.p.engine.running()).toBe(1);
    await s.act(id, (r, _i, ctx) => t.acknowledge(r, ctx), {});
    expect(await s.step(id)).toBe('decision');
    expect((await s.p.complaints.getPosition(s.tenant.tableName, id))?.execution).toBe(`${id}-r1`);
  });

  it('a lifecycle intake never started is started under the complaint id, which a late retry of intake finds', async () => {
    const s = await scene(RECEIVED);
    const { startExecution, startParked } = s.p.engine;
    s.p.engine.startExecution = s.p.engine.startParked = () => Promise.reject(new Error('the engine was unreachable'));
    await expect(register(s, 'k-unstarted')).rejects.toThrow('unreachable');
    Object.assign(s.p.engine, { startExecution, startParked });
    const [id] = (await s.p.complaints.list(s.tenant.tableName, { limit: 10 })).items.map((c) => c.id);
    expect(await s.execution(id!)).toBe('NOT_FOUND');
    expect(await repairLifecycles(s.p, s.tenant)).toEqual([
      { complaintId: id, from: 'acknowledgement', to: 'acknowledgement', execution: id, restarted: true },
    ]);
    await s.settle();
    expect((await register(s, 'k-unstarted')).replayed).toBe(true);
    await s.settle();
    expect(await s.execution(id!)).toBe('RUNNING');
    expect(s.p.engine.running()).toBe(1);
  });

  it('a restart cut short after its position was stored is finished by the next repair: one execution', async () => {
    const s = await scene(RECEIVED);
    const id = await skippedFeedback(s);
    const restart = s.p.engine.restartExecution;
    s.p.engine.restartExecution = () => Promise.reject(new Error('the engine was unreachable'));
    await expect(repairLifecycles(s.p, s.tenant)).rejects.toThrow('unreachable');
    s.p.engine.restartExecution = restart;
    // The position names the next execution, which never started; the old one still runs, ahead.
    expect((await s.p.complaints.getPosition(s.tenant.tableName, id))?.execution).toBe(`${id}-r1`);
    expect(await s.execution(id)).toBe('NOT_FOUND');
    expect((await s.p.engine.describeExecution(id)).status).toBe('RUNNING');
    expect(await repairLifecycles(s.p, s.tenant)).toEqual([
      { complaintId: id, from: 'feedback', to: 'feedback', execution: `${id}-r1`, restarted: true },
    ]);
    await s.settle();
    expect((await s.p.engine.describeExecution(id)).status).toBe('ABORTED');
    expect(await s.execution(id)).toBe('RUNNING');
    expect(s.p.engine.running()).toBe(1);
    expect(await s.step(id)).toBe('feedback');
    expect(await repairLifecycles(s.p, s.tenant)).toEqual([]);
  });
});
