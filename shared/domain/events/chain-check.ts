import type { ComplaintEvent } from './event-schema';
import { verifyChain } from './hash-chain';

/**
 * What a complaint's event log says of itself: intact, or broken at the first event that does not
 * link (edited, removed or reordered), or cut short (the record's head names a later event than the
 * log holds, or another hash: events at the end were removed or replaced).
 */
export type ChainStatus =
  | { state: 'intact'; events: number }
  | { state: 'broken'; events: number; seq: number }
  | { state: 'truncated'; events: number; expected: number };

/** `head`: the last seq and hash the complaint's record keeps, written in the same transaction as each event. */
export async function checkChain(
  events: readonly ComplaintEvent[],
  head: { lastSeq: number; lastHash: string },
): Promise<ChainStatus> {
  const count = events.length;
  const outOfOrder = events.findIndex((e, i) => e.seq !== i + 1);
  if (outOfOrder !== -1) return { state: 'broken', events: count, seq: events[outOfOrder]!.seq };
  const broken = await verifyChain(events);
  if (broken !== null) return { state: 'broken', events: count, seq: broken };
  const last = events.at(-1);
  if (!last || last.seq !== head.lastSeq || last.hash !== head.lastHash)
    return { state: 'truncated', events: count, expected: head.lastSeq };
  return { state: 'intact', events: count };
}
