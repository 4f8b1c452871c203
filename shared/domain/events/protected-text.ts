import { z } from 'zod';
import { canonicalDigest } from './hash-chain';

/**
 * Free text staff write along the way that may name the complainant (a contact's summary, an
 * internal note): encrypted with the tenant's key, beside a copy redacted at write time. It rides on
 * its event's item, outside the chained event itself, so the events API, webhooks and the regulator
 * never see it; the event commits to it by `textDigest`, so an edited text is detected like an
 * edited event.
 */
export const ProtectedTextSchema = z.object({
  /** JWE with the tenant's data key. */
  enc: z.string(),
  /** The redacted copy (redaction.ts): what callers without pii:read see. */
  masked: z.string(),
});
export type ProtectedText = z.infer<typeof ProtectedTextSchema>;

/**
 * SHA-256 over both parts. The ciphertext's random IV makes the digest say nothing of the text, so it
 * may stand in event data that the regulator reads.
 */
export const textDigest = (t: ProtectedText): Promise<string> => canonicalDigest({ enc: t.enc, masked: t.masked });
