import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { connect, createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the lock of a data directory lives: on Linux a name in the abstract unix-socket namespace,
 * which the kernel frees the instant its process dies (no file, nothing stale); elsewhere (macOS) a
 * socket file in the temporary directory, stale once nobody accepts on it.
 */
function lockAddress(dataDir: string): string {
  const id = createHash('sha256').update(realpathSync(dataDir)).digest('hex').slice(0, 32);
  return process.platform === 'linux' ? `\0redress-data-dir-${id}` : join(tmpdir(), `redress-${id}.sock`);
}

const listen = (server: Server, address: string) =>
  new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(address, () => {
      server.off('error', reject);
      resolve();
    });
  });

/** The holder answers every connection with its process id; undefined when nobody holds the lock. */
const holderOf = (address: string) =>
  new Promise<string | undefined>((resolve) => {
    let reply = '';
    const socket = connect(address);
    socket.on('data', (d) => (reply += d.toString()));
    socket.once('end', () => resolve(reply || 'unknown'));
    socket.once('error', () => resolve(undefined));
  });

/**
 * One platform per data directory: DynamoDB Local's single database file cannot be shared. The lock
 * is a listening unix socket, so the operating system releases it with the process, even on SIGKILL:
 * a restart right after a crash succeeds, and a recycled process id can never hold it. (Node has no
 * flock; this needs nothing native.) The JVM additionally locks its database file itself, so a
 * restart waits for a dying predecessor's JVM instead of sharing the file with it.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true });
  // The PID file of earlier versions proved nothing; it must not mislead anyone reading the directory.
  await rm(join(dataDir, 'platform.pid'), { force: true });
  const address = lockAddress(dataDir);
  const server = createServer((socket) => socket.end(String(process.pid)));
  for (let attempt = 0; ; attempt++) {
    try {
      await listen(server, address);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw e;
      const holder = await holderOf(address);
      if (holder !== undefined || attempt > 2)
        throw new Error(
          `data directory ${dataDir} is in use by process ${holder ?? 'unknown'}; stop it or set REDRESS_DATA_DIR`,
        );
      // Nobody accepts: the holder has just died (an abstract name is then free a moment later), or
      // it left its socket file behind, which is taken over.
      if (!address.startsWith('\0')) await rm(address, { force: true });
    }
  }
  server.unref();
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
