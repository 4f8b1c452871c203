import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * One platform per data directory: DynamoDB Local's single database file cannot be shared. A lock
 * left by a process that died (even by SIGKILL) is taken over.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true });
  const path = join(dataDir, 'platform.pid');
  const holder = Number(await readFile(path, 'utf8').catch(() => ''));
  if (holder && holder !== process.pid && alive(holder)) {
    throw new Error(`data directory ${dataDir} is in use by process ${holder}; stop it or set REDRESS_DATA_DIR`);
  }
  await writeFile(path, String(process.pid));
  return () => rm(path, { force: true });
}
