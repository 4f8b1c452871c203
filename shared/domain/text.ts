import { z } from 'zod';

/** In a `u` regex a surrogate pair is one code point: only an unpaired surrogate is of category Cs. */
const LONE_SURROGATE = /\p{Cs}/u;

/** JSON can carry `"\ud800"`, which no store, hash or cipher accepts as text: refused at the edge. */
export const isWellFormed = (s: string) => !LONE_SURROGATE.test(s);

/**
 * Every string a request brings in, whatever its other rules: well-formed Unicode (no lone UTF-16
 * surrogate). Request schemas start from this, never from a bare z.string().
 */
export const TextSchema = z
  .string()
  .refine(isWellFormed, 'must be well-formed Unicode text (it has a lone UTF-16 surrogate)');

/**
 * Free text as people type it: surrounding white space dropped and Unicode NFC-normalised, so that
 * "张三" typed on two keyboards compares and hashes the same.
 */
export const cleanText = (max: number, min = 1) =>
  z.preprocess((v) => (typeof v === 'string' ? v.trim().normalize('NFC') : v), TextSchema.min(min).max(max));

export const optionalCleanText = (max: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? v.trim().normalize('NFC') || undefined : v),
    TextSchema.max(max).optional(),
  );
