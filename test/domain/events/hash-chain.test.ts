import { describe, expect, it } from 'vitest';
import { chainEvent, GENESIS_HASH, hashEvent, verifyChain } from '../../../shared/domain/events/hash-chain';

const base = { complaintId: 'c1', at: '2026-11-23T00:00:00.000Z', actor: { kind: 'user' as const, id: 'u' } };

describe('event hash chain', () => {
  it('does not depend on key order, and changes with any field', async () => {
    const a = await hashEvent({ ...base, seq: 1, type: 'received', data: { x: 1, y: 2 }, prevHash: GENESIS_HASH });
    const b = await hashEvent({ prevHash: GENESIS_HASH, data: { y: 2, x: 1 }, type: 'received', seq: 1, ...base });
    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(
      await hashEvent({ ...base, seq: 1, type: 'received', data: { x: 1, y: 3 }, prevHash: GENESIS_HASH }),
    ).not.toBe(a);
  });

  it('verifies a chain and points at the first broken link', async () => {
    const e1 = await chainEvent({ ...base, seq: 1, type: 'received', data: {}, prevHash: GENESIS_HASH });
    const e2 = await chainEvent({ ...base, seq: 2, type: 'acknowledged', data: {}, prevHash: e1.hash });
    const e3 = await chainEvent({ ...base, seq: 3, type: 'assigned', data: { unitId: 'u1' }, prevHash: e2.hash });
    expect(await verifyChain([e1, e2, e3])).toBeNull();
    expect(await verifyChain([e1, { ...e2, at: '2026-11-24T00:00:00.000Z' }, e3])).toBe(2);
    expect(await verifyChain([e2, e3])).toBe(2);
  });
});
