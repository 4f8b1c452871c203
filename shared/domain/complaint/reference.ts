/** Crockford base32 without I, L, O, U: nothing a caller can misread on the phone. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * "DB-20261123-7K3QX": tenant letters, the local date of receipt, five random characters.
 * 32^5 ≈ 33 M per tenant per day; uniqueness is still enforced by the store, which retries on collision.
 */
export function formatReference(prefix: string, localDate: string, random: Uint8Array): string {
  const suffix = Array.from(random.slice(0, 5), (b) => ALPHABET[b % 32]).join('');
  return `${prefix}-${localDate.replaceAll('-', '')}-${suffix}`;
}

export const REFERENCE_PATTERN = /^[A-Z]{2,4}-[0-9]{8}-[0-9A-HJKMNP-TV-Z]{5}$/;
