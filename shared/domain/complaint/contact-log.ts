import { z } from 'zod';
import { invalid } from '../errors';
import type { ProtectedText } from '../events/protected-text';
import { cleanText } from '../text';
import { type ComplaintRecord, FeedbackChannelSchema } from './complaint-schema';
import { notAfter, type Transition } from './transitions';

/** Who got in touch: the institution (a call back, a letter sent) or the complainant (a call in, a visit). */
export const ContactDirectionSchema = z.enum(['outbound', 'inbound']);
export type ContactDirection = z.infer<typeof ContactDirectionSchema>;

export const CONTACT_SUMMARY_MAX = 5000;
export const NOTE_MAX = 5000;

/** One contact with the complainant, as staff record it: the duty to keep them informed, shown. */
export const ContactInputSchema = z.strictObject({
  channel: FeedbackChannelSchema,
  direction: ContactDirectionSchema.default('outbound'),
  contactedAt: z.iso
    .datetime({ offset: true })
    .optional()
    .describe('When the contact took place, if not just now: never in the future, never before the receipt'),
  summary: cleanText(CONTACT_SUMMARY_MAX).describe(
    "What was said or sent. May hold personal data: stored encrypted, shown redacted without pii:read, never in events, webhooks, logs or the regulator's views",
  ),
});
export type ContactInput = z.infer<typeof ContactInputSchema>;

/** An internal note on the case, for the institution's own staff. */
export const NoteInputSchema = z.strictObject({
  text: cleanText(NOTE_MAX).describe('Stored encrypted and shown redacted without pii:read, like a contact summary'),
});
export type NoteInput = z.infer<typeof NoteInputSchema>;

/**
 * Records a contact at any stage, closed complaints included (a complainant calls again after the
 * decision; that call belongs on the record too). The record keeps the latest contact's time for
 * the queue; a contact entered late for an earlier date does not move it back.
 */
export function recordContact(r: ComplaintRecord, input: ContactInput, at: string, text: ProtectedText): Transition {
  const contactedAt = input.contactedAt ? new Date(input.contactedAt).toISOString() : at;
  notAfter('contactedAt', contactedAt, at, 'must not be in the future');
  if (contactedAt < r.receivedAt) {
    throw invalid('invalid_request', 'contactedAt: must not be before the complaint was received', [
      { path: ['contactedAt'], message: 'must not be before the complaint was received' },
    ]);
  }
  const latest = r.lastContactAt && r.lastContactAt > contactedAt ? r.lastContactAt : contactedAt;
  return {
    patch: { lastContactAt: latest },
    events: [
      { type: 'contact_recorded', data: { channel: input.channel, direction: input.direction, contactedAt }, text },
    ],
  };
}

/** A note changes nothing of the complaint but its chain. */
export function addNote(text: ProtectedText): Transition {
  return { patch: {}, events: [{ type: 'note_added', data: {}, text }] };
}

/** An entry as a caller reads it back: the text in clear for pii:read, else its redacted copy. */
const EntryFields = {
  seq: z.number().int().describe("The seq of its event in the complaint's chain"),
  recordedBy: z.string(),
  recordedAt: z.string(),
  /** False when the stored text no longer matches the digest its event committed to. */
  intact: z.boolean(),
};
export const ContactEntrySchema = z.object({
  ...EntryFields,
  channel: FeedbackChannelSchema,
  direction: ContactDirectionSchema,
  contactedAt: z.string(),
  summary: z.string(),
  summaryMasked: z.boolean(),
});
export type ContactEntry = z.infer<typeof ContactEntrySchema>;

export const NoteEntrySchema = z.object({ ...EntryFields, text: z.string(), textMasked: z.boolean() });
export type NoteEntry = z.infer<typeof NoteEntrySchema>;
