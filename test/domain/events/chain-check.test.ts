import { describe, expect, it } from 'vitest';
import { checkChain } from '../../../shared/domain/events/chain-check';
import type { ComplaintEvent } from '../../../shared/domain/events/event-schema';
import { chainEvent, GENESIS_HASH } from '../../../shared/domain/events/hash-chain';

const base = { complaintId: 'c1', at: '2026-03-02T00:00:00.000Z', actor: { kind: 'user' as const, id: 'u' } };

async function chain(n: number): Promise<ComplaintEvent[]> {
  const events: ComplaintEvent[] = [];
  for (let seq = 1; seq <= n; seq++)
    events.push(
      await chainEvent({
        ...base,
        seq,
        type: 'escalated',
        data: { level: seq },
        prevHash: events.at(-1)?.hash ?? GENESIS_HASH,
      }),
    );
  return events;
}
const headOf = (events: ComplaintEvent[]) => ({ lastSeq: events.at(-1)!.seq, lastHash: events.at(-1)!.hash });

describe('a complaint event log checked against its record', () => {
  it('is intact when every link holds and the last event is the one the record names', async () => {
    const events = await chain(4);
    expect(await checkChain(events, headOf(events))).toEqual({ state: 'intact', events: 4 });
  });

  it('is broken at the first edited event', async () => {
    const events = await chain(4);
    const edited = events.map((e) => (e.seq === 2 ? { ...e, data: { level: 9 } } : e));
    expect(await checkChain(edited, headOf(events))).toEqual({ state: 'broken', events: 4, seq: 2 });
  });

  it('is broken where an event was removed from the middle, or the order changed', async () => {
    const events = await chain(4);
    expect(await checkChain([events[0]!, events[1]!, events[3]!], headOf(events))).toMatchObject({
      state: 'broken',
      seq: 4,
    });
    expect(await checkChain([events[0]!, events[2]!, events[1]!, events[3]!], headOf(events))).toMatchObject({
      state: 'broken',
      seq: 3,
    });
  });

  it('is cut short when the last events are missing or replaced by a consistent forgery', async () => {
    const events = await chain(4);
    expect(await checkChain(events.slice(0, 3), headOf(events))).toEqual({
      state: 'truncated',
      events: 3,
      expected: 4,
    });
    const { hash: _hash, ...last } = events[3]!;
    const forged = [...events.slice(0, 3), await chainEvent({ ...last, data: { level: 0 } })];
    expect(await checkChain(forged, headOf(events))).toMatchObject({ state: 'truncated' });
    expect(await checkChain([], { lastSeq: 1, lastHash: 'x' })).toMatchObject({ state: 'truncated', events: 0 });
  });
});
