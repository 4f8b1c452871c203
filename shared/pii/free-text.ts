import { type PersonHints, redactText } from '../domain/complaint/redaction';
import type { ProtectedText } from '../domain/events/protected-text';
import type { FieldCipher } from './field-cipher';

/**
 * Free text that may name people, as it is stored: encrypted as `field` (the ciphertext is bound to
 * that name), beside its redacted copy computed now, so reads without pii:read never decrypt.
 */
export async function protectText(
  cipher: FieldCipher,
  tenantId: string,
  field: string,
  text: string,
  people: readonly PersonHints[],
): Promise<ProtectedText> {
  const encrypted = await cipher.encryptFields(tenantId, { [field]: text });
  return { enc: encrypted[field]!, masked: redactText(text, people) };
}

export async function clearText(cipher: FieldCipher, tenantId: string, field: string, t: ProtectedText) {
  return (await cipher.decryptFields(tenantId, { [field]: t.enc }))[field]!;
}
