import { z } from 'zod';

/**
 * Free text as people type it: surrounding white space dropped and Unicode NFC-normalised, so that
 * "张三" typed on two keyboards compares and hashes the same.
 */
export const cleanText = (max: number, min = 1) =>
  z.preprocess((v) => (typeof v === 'string' ? v.trim().normalize('NFC') : v), z.string().min(min).max(max));

export const optionalCleanText = (max: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? v.trim().normalize('NFC') || undefined : v),
    z.string().max(max).optional(),
  );
