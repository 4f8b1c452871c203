import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { invalid } from '../domain/errors';

/**
 * The store's pagination cursors: the last evaluated key, base64url-encoded. Never handed out as
 * they are: the HTTP edge seals each one to its query (CursorSealer below).
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

const MAC = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{43})$/;

/**
 * Cursors as clients see them: the store's cursor with an HMAC over it and the query it continues,
 * under a key only the platform holds. A forged cursor, or one from another route, tenant, complaint
 * or filter, fails the check and is a 400 before any value reaches DynamoDB.
 */
export class CursorSealer {
  constructor(private readonly key: Uint8Array) {
    if (key.length < 32) throw new Error('the cursor key must have at least 32 bytes');
  }

  seal(cursor: string | null, scope: string): string | null {
    return cursor === null ? null : `${cursor}.${this.mac(cursor, scope)}`;
  }

  /** The store's cursor inside `sealed`, if this platform sealed it for this very `scope`. */
  open(sealed: string | undefined, scope: string): string | undefined {
    if (sealed === undefined) return undefined;
    const m = sealed.match(MAC);
    const expected = m ? Buffer.from(this.mac(m[1]!, scope)) : undefined;
    if (!m || !expected || !timingSafeEqual(Buffer.from(m[2]!), expected))
      throw invalid('invalid_cursor', 'cursor is not one this API returned for this query');
    return m[1]!;
  }

  private mac(cursor: string, scope: string): string {
    return createHmac('sha256', this.key).update(scope).update('\n').update(cursor).digest('base64url');
  }
}

/** `REDRESS_CURSOR_KEY` as key bytes: any secret of 32 characters or more (e.g. `openssl rand -base64 32`). */
export const CursorKeySchema = z
  .string()
  .min(32, 'REDRESS_CURSOR_KEY must have at least 32 characters')
  .transform((s) => new Uint8Array(Buffer.from(s, 'utf8')));
