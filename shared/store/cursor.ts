import { invalid } from '../domain/errors';

/**
 * Opaque pagination cursors: the last evaluated key, base64url-encoded. Queries are pinned to one
 * partition and table, so a forged cursor can at worst skip around inside the caller's own results.
 */
export function encodeCursor(key: Record<string, unknown> | undefined): string | null {
  return key ? Buffer.from(JSON.stringify(key)).toString('base64url') : null;
}

/** `keys`: the attribute names a cursor of this query may hold (its table's and index's keys). */
export function decodeCursor(
  cursor: string | undefined,
  keys: readonly string[] = ['pk', 'sk'],
): Record<string, string> | undefined {
  if (!cursor) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      parsed &&
      typeof parsed === 'object' &&
      Object.values(parsed).every((v) => typeof v === 'string') &&
      Object.keys(parsed).length === keys.length &&
      Object.keys(parsed).every((k) => keys.includes(k))
    ) {
      return parsed as Record<string, string>;
    }
  } catch {
    // fall through to the error below
  }
  throw invalid('invalid_cursor', 'cursor is not one this API returned');
}
