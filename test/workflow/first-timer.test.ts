import { describe, expect, it } from 'vitest';
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
    // Resume → Await_acknowledgement: two transitions, and only the wait's read of the complaint.
    expect(s.p.engine.transitions).toBe(2);
    expect(reads).toBe(1);
    expect(s.p.engine.parked()).toBe(1);
    // The first checkpoint still fires on time: half the acknowledgement period.
    await s.advance('2026-11-02T21:00:01Z');
    expect((await s.escalations(id)).map((e) => [e.deadline, e.level])).toEqual([['acknowledgement', 1]]);
  });
});
