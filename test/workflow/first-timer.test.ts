import { describe, expect, it } from 'vitest';
import { performAction } from '../../shared/application/complaint-actions';
import * as t from '../../shared/domain/complaint/transitions';
import { scene } from '../support/scene';

describe('intake starts the lifecycle with its first timer', () => {
  it('waits at the acknowledgement without a first tick when nothing is due yet', async () => {
    const s = await scene('2026-11-02T02:00:00.000Z');
    let reads = 0;
    const original = s.p.complaints.getWithPosition.bind(s.p.complaints);
    s.p.complaints.getWithPosition = (...args) => {
      reads++;
      return original(...args);
    };
    const id = await s.intake();
    // Intake stored the wait's token and due time with the complaint: the engine parks there at
    // once, running no state and reading nothing back.
    expect(s.p.engine.transitions).toBe(0);
    expect(reads).toBe(0);
    expect(s.p.engine.parked()).toBe(1);
    // The first checkpoint still fires on time: half the acknowledgement period.
    await s.advance('2026-11-02T21:00:01Z');
    expect((await s.escalations(id)).map((e) => [e.deadline, e.level])).toEqual([['acknowledgement', 1]]);
  });

  it('delivers an action committed before the engine parked the new complaint', async () => {
    const s = await scene('2026-11-02T02:00:00.000Z');
    const startParked = s.p.engine.startParked.bind(s.p.engine);
    let acted = false;
    // The moment between intake's commit and its start: a staff action completes the step first,
    // and its signal finds no wait yet.
    s.p.engine.startParked = async (w) => {
      await performAction(s.p, s.tenant, s.staff(['supervisor']), w.complaintId, (r, ctx) => t.acknowledge(r, ctx));
      acted = true;
      await startParked(w);
    };
    const id = await s.intake();
    await s.settle();
    expect(acted).toBe(true);
    expect(await s.step(id)).toBe('decision');
    expect(s.p.engine.parked()).toBe(1);
  });
});
