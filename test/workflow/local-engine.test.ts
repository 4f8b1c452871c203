import { describe, expect, it } from 'vitest';
import { LocalWorkflowEngine } from '../../infra/local/workflow/local-engine';
import { resumeOpenLifecycles } from '../../infra/local/workflow/resume';
import { performAction } from '../../shared/application/complaint-actions';
import { handleWorkflowTask } from '../../shared/application/workflow-tasks';
import * as t from '../../shared/domain/complaint/transitions';
import { silentLogger } from '../../shared/ports/logger';
import { lifecycleDefinition } from '../../shared/workflow/definition';
import type { TaskPayload } from '../../shared/workflow/task-payloads';
import { scene } from '../support/scene';

const RECEIVED = '2026-11-02T02:00:00.000Z';
/** cn-nfra-2020: the acknowledgement's first checkpoint, half its period after receipt. */
const FIRST_CHECKPOINT = '2026-11-02T21:00:00Z';
const BEFORE_IT = '2026-11-02T20:00:00Z';
const PAST_IT = '2026-11-02T21:00:01Z';
type Scene = Awaited<ReturnType<typeof scene>>;

/**
 * A new engine on the scene's platform and store, as a restarted runtime builds it, that records
 * every task it runs (`kind:step[:partner]`) before the real handler runs it.
 */
function engineOn(s: Scene, tap: (task: TaskPayload, engine: LocalWorkflowEngine) => Promise<void> = async () => {}) {
  const calls: string[] = [];
  const engine: LocalWorkflowEngine = new LocalWorkflowEngine(
    lifecycleDefinition(),
    async (task) => {
      calls.push([task.kind, 'step' in task ? task.step : '', task.partnerTenantId].filter(Boolean).join(':'));
      const result = await handleWorkflowTask(s.p, task);
      await tap(task, engine);
      return result;
    },
    s.clock.manual,
    () => s.clock.now().getTime(),
    silentLogger,
  );
  s.p.workflow = engine;
  s.p.engine = engine;
  (s.clock as unknown as { bind: (e: LocalWorkflowEngine) => void }).bind(engine);
  return { engine, calls };
}

/** The engine stops (the process ends); a new one starts on the same store and resumes. */
async function restart(s: Scene) {
  s.p.engine.stop();
  const next = engineOn(s);
  await resumeOpenLifecycles(s.p);
  await s.settle();
  return next;
}

const position = (s: Scene, id: string) => s.p.complaints.getPosition(s.tenant.tableName, id);
const checkpoints = async (s: Scene, id: string) =>
  (await s.escalations(id)).map((e) => `${e.deadline}@${e.checkpointAt}`);

describe('the local workflow engine', () => {
  it('releases a parked execution (one index entry, no run in flight, still RUNNING) and keeps nothing once it ends', async () => {
    const s = await scene(RECEIVED);
    const { engine } = engineOn(s);
    const id = await s.intake();
    expect(engine.inFlight()).toBe(0);
    expect(engine.parked()).toBe(1);
    expect(engine.running()).toBe(1);
    expect(await s.execution(id)).toBe('RUNNING');
    // The stored position carries what a restart re-parks from.
    expect(await position(s, id)).toMatchObject({
      step: 'acknowledgement',
      token: engine.tokenFor({ tenantId: s.tenant.id, complaintId: id, step: 'acknowledgement' }),
      dueAt: '2026-11-02T21:00:00.000Z',
    });

    await s.act(id, (r, i, ctx) => t.withdraw(r, i, ctx), { reason: '已自行解决' });
    expect((await s.record(id)).status).toBe('withdrawn');
    expect(engine.inFlight()).toBe(0);
    expect(engine.parked()).toBe(0);
    expect(engine.running()).toBe(0);
    expect(await s.execution(id)).toBe('SUCCEEDED');
    // Its timer went with it: the checkpoint passes without a task.
    await s.advance(PAST_IT);
    expect(await s.escalations(id)).toEqual([]);
  });

  it('parks first, then stores: an action that reads the token the wait has just stored completes it', async () => {
    const s = await scene(RECEIVED);
    let acted = false;
    const { engine } = engineOn(s, async (task, e) => {
      if (task.kind !== 'wait' || task.step !== 'decision' || acted) return;
      acted = true;
      // The token is stored and the run not released yet: the signal must find the wait.
      expect(e.inFlight()).toBe(1);
      await performAction(s.p, s.tenant, s.staff(['supervisor']), task.complaintId, (r, ctx) =>
        t.decide(r, { outcome: 'upheld', summary: '退还年费' }, ctx),
      );
    });
    const id = await s.intake();
    await s.act(id, (r, _i, ctx) => t.acknowledge(r, ctx), {});
    expect(acted).toBe(true);
    expect(await s.step(id)).toBe('feedback');
    expect(engine.parked()).toBe(1);
    expect(engine.inFlight()).toBe(0);
  });

  it('re-enters at the Route on a signal: its own outcome moves on, any other goes back to the tick', async () => {
    const s = await scene(RECEIVED);
    const { engine, calls } = engineOn(s);
    const id = await s.intake();
    const token = (await position(s, id))!.token!;
    calls.length = 0;
    await engine.sendTaskSuccess(token, { step: 'acknowledgement', outcome: 'rearm' });
    await s.settle();
    expect(calls).toEqual(['tick:acknowledgement', 'wait:acknowledgement']);
    expect(await s.step(id)).toBe('acknowledgement');
    calls.length = 0;
    // A stray signal with the step's own outcome: the Route moves on whatever the record says, as
    // Step Functions would (lifecycle repair exists for that).
    await engine.sendTaskSuccess(token, { step: 'acknowledgement', outcome: 'done' });
    await s.settle();
    expect(calls).toEqual(['tick:decision', 'wait:decision']);
    expect(await s.step(id)).toBe('decision');
    expect(engine.parked()).toBe(1);
    // The old token is spent: sending it again does nothing.
    await engine.sendTaskSuccess(token, { step: 'acknowledgement', outcome: 'done' });
    await s.settle();
    expect(calls).toHaveLength(2);
  });

  it('re-enters at the Tick when the timer falls due: the timeout is caught once, never retried as a failure', async () => {
    const s = await scene(RECEIVED);
    const { engine, calls } = engineOn(s);
    const id = await s.intake();
    // Intake stored the first wait: the lifecycle parks there without a task.
    expect(calls).toEqual([]);
    await s.advance(BEFORE_IT);
    expect(calls).toEqual([]);
    await s.advance(PAST_IT);
    expect(calls).toEqual(['tick:acknowledgement', 'wait:acknowledgement']);
    expect(await checkpoints(s, id)).toEqual([`acknowledgement@${new Date(FIRST_CHECKPOINT).toISOString()}`]);
    expect(engine.parked()).toBe(1);
    // The wait stored its next due time with the token (one write, the token unchanged).
    expect(Date.parse((await position(s, id))!.dueAt!)).toBeGreaterThan(Date.parse(PAST_IT));
  });

  it('settles only once the runs a signal starts, and a resume in progress, have parked', async () => {
    const s = await scene(RECEIVED);
    const { engine } = engineOn(s);
    const ids = [await s.intake(), await s.intake(), await s.intake()];
    for (const id of ids)
      void engine.sendTaskSuccess((await position(s, id))!.token!, { step: 'acknowledgement', outcome: 'done' });
    await engine.settle();
    expect(engine.inFlight()).toBe(0);
    for (const id of ids) expect(await s.step(id)).toBe('decision');

    s.p.engine.stop();
    const next = engineOn(s);
    const resuming = resumeOpenLifecycles(s.p);
    await next.engine.settle();
    expect(next.engine.parked()).toBe(3);
    expect(await resuming).toBe(3);
  });

  it('after a restart parks from the stored position with the same token, runs nothing, and an action still completes it', async () => {
    const s = await scene(RECEIVED);
    const first = engineOn(s);
    const id = await s.intake();
    const old = await s.intake();
    await s.act(id, (r, _i, ctx) => t.acknowledge(r, ctx), {});
    const stored = await position(s, id);
    const { engine, calls } = await restart(s);
    expect(calls).toEqual([]);
    expect(engine.parked()).toBe(2);
    expect(engine.inFlight()).toBe(0);
    expect(await s.execution(id)).toBe('RUNNING');
    expect(await position(s, id)).toEqual(stored);
    expect(engine.tokenFor({ tenantId: s.tenant.id, complaintId: id, step: 'decision' })).toBe(stored!.token);
    expect(first.engine.running()).toBe(0);
    // A position stored before due times were (an older record) goes through the definition.
    const { dueAt: _dueAt, version, ...older } = (await position(s, old))!;
    expect(
      await s.p.complaints.storePosition(s.tenant.tableName, old, 1, {
        value: { ...older, version },
        expectedVersion: version,
      }),
    ).toBe(true);

    await s.act(id, (r, i, ctx) => t.decide(r, i, ctx), { outcome: 'upheld' as const, summary: '退还年费' });
    expect(await s.step(id)).toBe('feedback');
    expect(calls).toEqual(['tick:feedback', 'wait:feedback']);

    const again = await restart(s);
    expect(again.calls).toEqual(['tick:acknowledgement', 'wait:acknowledgement']);
    expect(again.engine.parked()).toBe(2);
    expect((await position(s, old))?.dueAt).toBe('2026-11-02T21:00:00.000Z');
  });

  it('fires a checkpoint exactly once across a restart: parked before it, or fallen due while the engine was down', async () => {
    const s = await scene(RECEIVED);
    engineOn(s);
    const waiting = await s.intake();
    const down = await s.intake();
    await s.advance(BEFORE_IT);
    await restart(s);
    await s.advance(PAST_IT);
    const once = [`acknowledgement@${new Date(FIRST_CHECKPOINT).toISOString()}`];
    expect(await checkpoints(s, waiting)).toEqual(once);
    expect(await checkpoints(s, down)).toEqual(once);

    // The next checkpoint falls due while no engine runs: the resume ticks at once, and only once.
    s.p.engine.stop();
    s.clock.set('2026-11-03T10:00:00Z');
    const { calls: events } = engineOn(s);
    await resumeOpenLifecycles(s.p);
    await s.settle();
    expect(events.filter((c) => c === 'tick:acknowledgement')).toHaveLength(2);
    const caughtUp = await checkpoints(s, waiting);
    expect(caughtUp.length).toBeGreaterThan(1);
    await restart(s);
    await s.advance('2026-11-03T10:00:01Z');
    expect(await checkpoints(s, waiting)).toEqual(caughtUp);
    expect(new Set(caughtUp).size).toBe(caughtUp.length);
    expect(await checkpoints(s, down)).toEqual(caughtUp);
  });

  it('re-enters more waits due at one instant than run at once, each exactly once', async () => {
    const s = await scene(RECEIVED);
    const { engine, calls } = engineOn(s);
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) ids.push(await s.intake());
    calls.length = 0;
    await s.advance(PAST_IT);
    expect(calls.filter((c) => c === 'tick:acknowledgement')).toHaveLength(40);
    for (const id of ids)
      expect(await checkpoints(s, id)).toEqual([`acknowledgement@${new Date(FIRST_CHECKPOINT).toISOString()}`]);
    expect(engine.parked()).toBe(40);
    expect(engine.inFlight()).toBe(0);
  });

  it("releases the partners' Map too: one entry per partner asked, a signal re-enters that partner's branch only, a restart forks them again", async () => {
    const s = await scene(RECEIVED);
    const a = await s.institution({ id: 'ins-a', name: '伙伴甲', kind: 'insurer' });
    const b = await s.institution({ id: 'ins-b', name: '伙伴乙', kind: 'insurer' });
    const { engine, calls } = engineOn(s);
    const id = await s.intake({ partners: [a.id, b.id] });
    await s.act(id, (r, _i, ctx) => t.acknowledge(r, ctx), {});
    expect(await s.step(id)).toBe('referrals');
    expect(engine.parked()).toBe(2);
    expect(engine.inFlight()).toBe(0);
    expect(await s.execution(id)).toBe('RUNNING');

    // A signal for one partner re-enters that partner's branch only.
    calls.length = 0;
    const tokenOf = (partnerTenantId: string) =>
      engine.tokenFor({ tenantId: s.tenant.id, complaintId: id, step: 'referrals', partnerTenantId });
    await engine.sendTaskSuccess(tokenOf(a.id), { step: 'referrals', outcome: 'rearm' });
    await s.settle();
    expect(calls).toEqual([`tick:referrals:${a.id}`, `wait:referrals:${a.id}`]);
    expect(engine.parked()).toBe(2);

    // After a restart every branch is forked again from the definition, and parks again.
    const after = await restart(s);
    expect(after.calls.sort()).toEqual(
      [a.id, b.id].flatMap((partner) => [`tick:referrals:${partner}`, `wait:referrals:${partner}`]).sort(),
    );
    expect(after.engine.parked()).toBe(2);
    expect(after.engine.inFlight()).toBe(0);
    expect(after.engine.running()).toBe(1);
  });
});
