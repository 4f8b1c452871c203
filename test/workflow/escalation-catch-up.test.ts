import { describe, expect, it } from 'vitest';
import { ESCALATIONS_IN_ALL, ESCALATIONS_PER_TICK } from '../../shared/application/workflow-tasks';
import { scene } from '../support/scene';

const RECEIVED = '2026-11-02T02:00:00.000Z';
const DAY = 86_400_000;
const at = (ms: number) => new Date(ms).toISOString();

/** The platform was down (or the clock jumped) for `days`: then the clock moves one second, firing what fell due. */
async function outage(s: Awaited<ReturnType<typeof scene>>, days: number) {
  const to = s.clock.now().getTime() + days * DAY;
  s.clock.set(at(to));
  await s.advance(at(to + 1000));
  return to + 1000;
}

describe('catch-up after escalations piled up (issue 7 item 8, issue 8 caps)', () => {
  it('a manual clock advance returns only when every escalation that fell due has fired, more than one transaction holds', async () => {
    const s = await scene(RECEIVED);
    const id = await s.intake();
    const now = await outage(s, 35);
    const fired = await s.escalations(id);
    // 35 days unattended: the checkpoints of both deadlines, then a daily reminder since day 15.
    expect(fired.length).toBeGreaterThan(40);
    expect(fired.length).toBeLessThan(ESCALATIONS_PER_TICK);
    const last = Date.parse(String(fired.at(-1)!.checkpointAt));
    expect(now - last).toBeLessThan(DAY);
    // Each checkpoint of each deadline once.
    expect(new Set(fired.map((e) => `${e.deadline} ${e.checkpointAt}`)).size).toBe(fired.length);
    expect(await s.types(id)).not.toContain('escalation_capped');
    expect((await s.record(id)).overdue).toBe(true);
    // Nothing was left for later: another second of time fires nothing.
    await s.advance(at(now + 1000));
    expect(await s.escalations(id)).toHaveLength(fired.length);
    // And the next daily reminders (one per overdue deadline) come on their day.
    // (Timers are whole seconds: the one for 23:59:59.999 rings at midnight.)
    await s.advance(at(last + DAY + 1000));
    const later = (await s.escalations(id)).slice(fired.length);
    expect(later.map((e) => [e.deadline, e.checkpointAt])).toEqual([
      ['acknowledgement', at(last + DAY)],
      ['decision', at(last + DAY)],
    ]);
  });

  it(`emits at most ${ESCALATIONS_PER_TICK} per tick and ${ESCALATIONS_IN_ALL} in all, with one escalation_capped event instead of the flood`, async () => {
    const s = await scene(RECEIVED);
    const id = await s.intake();
    await outage(s, 70);
    const events = await s.events(id);
    expect(events.filter((e) => e.type === 'escalated')).toHaveLength(ESCALATIONS_PER_TICK);
    const capped = events.filter((e) => e.type === 'escalation_capped');
    expect(capped).toHaveLength(1);
    expect(capped[0]!.data).toMatchObject({ reason: 'per_tick', step: 'acknowledgement' });
    expect(Number(capped[0]!.data.skipped)).toBeGreaterThan(10);
    const record = await s.record(id);
    expect(record).toMatchObject({ overdue: true });
    // The level counts the skipped ones: the head office knows.
    expect(record.escalationLevel).toBe(
      Math.max(
        ...events.filter((e) => e.type === 'escalated').map((e) => Number(e.data.level)),
        Number(capped[0]!.data.level),
      ),
    );

    for (let i = 0; i < 5; i++) await outage(s, 70);
    const all = await s.events(id);
    expect(all.filter((e) => e.type === 'escalated')).toHaveLength(ESCALATIONS_IN_ALL);
    const alarms = all.filter((e) => e.type === 'escalation_capped');
    // Four per-tick alarms, then the complaint's cap, announced once: the sixth outage raises none.
    expect(alarms.map((a) => a.data.reason)).toEqual([...Array(4).fill('per_tick'), 'complaint_total']);
    expect(await s.execution(id)).toBe('RUNNING');
  });
});
