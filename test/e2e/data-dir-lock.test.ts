import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { intakeBody } from '../support/fixtures';
import { startServer } from '../support/local-server';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * The platform under a parent that never reaps its children (as a container's init that is not one
 * would): after SIGKILL the dead platform stays a zombie, which `kill -0 <pid>` reports alive.
 */
async function startUnreaped(dataDir: string) {
  const shell = spawn(
    '/bin/sh',
    ['-c', 'node --import tsx infra/local/main.ts & echo "platform-pid $!"; exec sleep 120'],
    { cwd: ROOT, env: { ...process.env, PORT: '0', REDRESS_DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  shell.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  shell.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const deadline = Date.now() + 60_000;
  while (!output.includes('"msg":"platform started"')) {
    if (Date.now() > deadline) throw new Error(`platform did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    pid: Number(output.match(/platform-pid (\d+)/)?.[1]),
    url: output.match(/"msg":"platform started","url":"([^"]+)"/)![1]!,
    end: () => shell.kill('SIGKILL'),
  };
}

describe('the data-directory lock', () => {
  it('is released by the OS with the process: a restart right after SIGKILL succeeds, zombie or not', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'redress-lock-'));
    const first = await startUnreaped(dataDir);
    try {
      const tokenRes = await fetch(`${first.url}/_local/tokens`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ tenantId: 'demo-bank', roles: ['intake', 'handler'] }),
      });
      const { token } = (await tokenRes.json()) as { token: string };
      const created = await fetch(`${first.url}/v1/complaints`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': 'k1' },
        body: JSON.stringify(intakeBody()),
      });
      expect(created.status).toBe(201);
      const { id } = (await created.json()) as { id: string };

      process.kill(first.pid, 'SIGKILL');
      // The PID still names a process (a zombie): the old lock took that for a live holder.
      expect(() => process.kill(first.pid, 0)).not.toThrow();
      const second = await startServer({ dataDir });
      try {
        expect((await second.call('GET', `/v1/complaints/${id}`, { token })).status).toBe(200);
      } finally {
        await second.stop();
      }
    } finally {
      first.end();
    }
  });

  it('is not fooled by a platform.pid naming a live, unrelated process (a recycled PID)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'redress-lock-'));
    writeFileSync(join(dataDir, 'platform.pid'), String(process.pid));
    const server = await startServer({ dataDir });
    try {
      expect((await server.call('GET', '/health')).status).toBe(200);
      // …and still refuses a second platform on the directory it really holds.
      await expect(startServer({ dataDir })).rejects.toThrow(new RegExp(`in use by process ${server.process.pid}`));
    } finally {
      await server.stop();
    }
  });
});
