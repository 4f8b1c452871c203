import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Reads a JSON file, or creates it once with `make()`. Creation uses the exclusive flag, so two
 * processes racing on a fresh data directory end up reading the same secret, never two different ones.
 */
export async function readOrCreateJson<T>(path: string, make: () => Promise<T> | T): Promise<T> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const value = await make();
  try {
    await writeFile(path, JSON.stringify(value, null, 2), { flag: 'wx', mode: 0o600 });
    return value;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return JSON.parse(await readFile(path, 'utf8')) as T;
    throw e;
  }
}
