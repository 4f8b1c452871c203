import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { readOrCreateJson } from './json-file';

/**
 * The key pagination cursors are sealed with: REDRESS_CURSOR_KEY when set, else one made once and
 * kept in the data directory (0600), so cursors handed out before a restart still work after it.
 */
export async function loadCursorKey(dataDir: string, fromEnv: Uint8Array | undefined): Promise<Uint8Array> {
  if (fromEnv) return fromEnv;
  const stored = await readOrCreateJson(join(dataDir, 'cursor-key.json'), () => ({
    key: randomBytes(32).toString('base64'),
  }));
  return new Uint8Array(Buffer.from(stored.key, 'base64'));
}
