import { z } from 'zod';
import type { ComplaintRecord, ComplaintView } from './complaint-schema';

/** The personal data of a complaint one can ask to see in clear, field by field: what the access log names. */
export const PiiFieldSchema = z.enum(['name', 'phone', 'email', 'idNumber', 'address', 'agent', 'description']);
export type PiiField = z.infer<typeof PiiFieldSchema>;

/** A deliberate request to see personal data: which fields (at least one; each once). */
export const RevealSchema = z.strictObject({
  fields: z
    .array(PiiFieldSchema)
    .min(1)
    .transform((fields) => [...new Set(fields)]),
});
export type RevealInput = z.infer<typeof RevealSchema>;

/** One reveal: who saw which fields of which complaint, when. Holds no personal data itself. */
export const AccessEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  sub: z.string(),
  issuer: z.string(),
  complaintId: z.string(),
  reference: z.string(),
  fields: z.array(PiiFieldSchema),
});
export type AccessEntry = z.infer<typeof AccessEntrySchema>;

const COMPLAINANT_FIELDS = ['name', 'phone', 'email', 'idNumber', 'address'] as const;

/** The fields this record actually holds: nothing else can be revealed, so nothing else is logged. */
export function revealableFields(r: ComplaintRecord): PiiField[] {
  return [
    ...COMPLAINANT_FIELDS.filter((f) => r.complainantMasked[f] !== undefined),
    ...(r.agentEnc ? (['agent'] as const) : []),
    ...(r.descriptionEnc !== undefined || r.description !== undefined ? (['description'] as const) : []),
  ];
}

/**
 * The masked view with the chosen fields taken from the clear one. The clear agent holds only what
 * was encrypted (name, phone, e-mail), so its masked copy supplies the relationship and the mandate.
 */
export function partlyRevealed(
  masked: ComplaintView,
  clear: ComplaintView,
  fields: readonly PiiField[],
): ComplaintView {
  const chosen = new Set(fields);
  const complainant: Record<string, string> = { ...(masked.complainant as Record<string, string>) };
  const clearComplainant = clear.complainant as Record<string, string | undefined>;
  for (const f of COMPLAINANT_FIELDS) {
    const value = clearComplainant[f];
    if (chosen.has(f) && value !== undefined) complainant[f] = value;
  }
  return {
    ...masked,
    complainant: complainant as ComplaintView['complainant'],
    complainantMasked: !COMPLAINANT_FIELDS.every((f) => chosen.has(f) || complainant[f] === undefined),
    ...(chosen.has('agent') && masked.agent && clear.agent && { agent: { ...masked.agent, ...clear.agent } }),
    ...(chosen.has('description') && { description: clear.description, descriptionMasked: false }),
  };
}
