import canonicalize from 'canonicalize';
import type { ComplaintEvent } from './event-schema';

/** The chain starts from a fixed value so the first event's prevHash is checkable too. */
export const GENESIS_HASH = '0'.repeat(64);

type Unhashed = Omit<ComplaintEvent, 'hash'>;

/**
 * SHA-256 over the RFC 8785 canonical JSON of everything but the hash itself, so any edit to an
 * event — or a removed or reordered one — breaks every later link. Web Crypto keeps this free of Node.
 */
export const hashEvent = (event: Unhashed): Promise<string> => canonicalDigest(event);

/** SHA-256 (hex) of a value's RFC 8785 canonical JSON. */
export async function canonicalDigest(value: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalize(value) ?? '');
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function chainEvent(event: Unhashed): Promise<ComplaintEvent> {
  return { ...event, hash: await hashEvent(event) };
}

/** Returns the seq of the first event that does not link to its predecessor, or null when intact. */
export async function verifyChain(events: readonly ComplaintEvent[]): Promise<number | null> {
  let prev = GENESIS_HASH;
  for (const event of events) {
    const { hash, ...rest } = event;
    if (event.prevHash !== prev || (await hashEvent(rest)) !== hash) return event.seq;
    prev = hash;
  }
  return null;
}
