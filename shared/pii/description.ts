import type { ComplaintRecord } from '../domain/complaint/complaint-schema';
import { type PersonHints, redactText } from '../domain/complaint/redaction';
import type { FieldCipher } from './field-cipher';
import { protectText } from './free-text';

/**
 * What a record stores of a description: the text encrypted with the tenant's key, and its redacted
 * copy computed now, so reads without pii:read (lists, the regulator) never decrypt.
 */
export async function protectDescription(
  cipher: FieldCipher,
  tenantId: string,
  text: string,
  people: readonly PersonHints[],
): Promise<{ descriptionEnc: string; descriptionMasked: string }> {
  const { enc, masked } = await protectText(cipher, tenantId, 'description', text, people);
  return { descriptionEnc: enc, descriptionMasked: masked };
}

/** The description in clear: decrypted, or as a record stored before encryption holds it. */
export async function clearDescription(cipher: FieldCipher, r: ComplaintRecord): Promise<string> {
  if (r.descriptionEnc === undefined) return r.description ?? '';
  return (await cipher.decryptFields(r.tenantId, { description: r.descriptionEnc })).description!;
}

/**
 * The redacted description. A record stored before encryption has no redacted copy: it is redacted
 * here, with the people's data decrypted only for that, so such records need no migration.
 */
export async function maskedDescription(cipher: FieldCipher, r: ComplaintRecord): Promise<string> {
  if (r.descriptionMasked !== undefined) return r.descriptionMasked;
  return redactText(r.description ?? '', await peopleOf(cipher, r));
}

/** The complainant's and the agent's own data, decrypted only to find them in free text. */
export async function peopleOf(cipher: FieldCipher, r: ComplaintRecord): Promise<PersonHints[]> {
  return [
    await cipher.decryptFields(r.tenantId, r.complainantEnc),
    ...(r.agentEnc ? [await cipher.decryptFields(r.tenantId, r.agentEnc)] : []),
  ] as PersonHints[];
}
