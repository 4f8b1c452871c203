import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { type AddressInfo, connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { intakeBody } from '../support/fixtures';
import { type RunningServer, startServer } from '../support/local-server';

const dynamoPort = (s: RunningServer) => Number(s.output().match(/DynamoDB Local at http:\/\/127\.0\.0\.1:(\d+)/)?.[1]);

const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

async function eventually(check: () => Promise<boolean>, ms = 10_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

describe('restarting the local platform on the same data directory', () => {
  it('stops everything on SIGTERM, Java included, and finds every record again after a restart', async () => {
    const first = await startServer();
    const token = await first.token({ tenantId: 'demo-bank', roles: ['handler', 'pii:read'] });
    const created = await first.call('POST', '/v1/complaints', {
      token,
      body: intakeBody(),
      headers: { 'idempotency-key': 'before-restart' },
    });
    expect(created.status).toBe(201);
    await first.call('POST', `/v1/complaints/${created.body.id}/acknowledge`, { token, body: {} });
    const port = dynamoPort(first);
    expect(port).toBeGreaterThan(0);

    expect(await first.stop('SIGTERM')).toBe(0);
    expect(await accepts(port)).toBe(false);

    const second = await startServer({ dataDir: first.dataDir });
    try {
      expect(second.output()).not.toContain('Seeded');
      // The issuer key lives in the data directory: a token from before the restart still works.
      const read = await second.call('GET', `/v1/complaints/${created.body.id}`, { token });
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({
        reference: created.body.reference,
        status: 'acknowledged',
        version: 2,
        complainant: created.body.complainant,
      });
      const events = await second.call('GET', `/v1/complaints/${created.body.id}/events`, { token });
      expect(events.body.items.map((e: { type: string }) => e.type)).toEqual(['received', 'acknowledged']);
      // The idempotency record survived too: the retry after the restart is still the same complaint.
      const retry = await second.call('POST', '/v1/complaints', {
        token,
        body: intakeBody(),
        headers: { 'idempotency-key': 'before-restart' },
      });
      expect(retry.body.id).toBe(created.body.id);
    } finally {
      await second.stop();
    }
  });

  it('survives SIGKILL: the orphaned Java process goes away by itself and the data is still there', async () => {
    const first = await startServer();
    const token = await first.token({ tenantId: 'demo-insurer', roles: ['intake'] });
    const created = await first.call('POST', '/v1/complaints', {
      token,
      body: intakeBody({ category: 'I-CAT-01', reason: 'I-RSN-01' }),
      headers: { 'idempotency-key': 'before-kill' },
    });
    expect(created.status).toBe(201);
    const port = dynamoPort(first);
    await first.stop('SIGKILL');
    expect(await eventually(async () => !(await accepts(port)))).toBe(true);

    const second = await startServer({ dataDir: first.dataDir });
    try {
      const read = await second.call('GET', `/v1/complaints/${created.body.id}`, { token });
      expect(read.status).toBe(200);
      expect(read.body.reference).toBe(created.body.reference);
    } finally {
      await second.stop();
    }
  });

  it('stops everything when `npm start` itself gets SIGTERM (npm does not pass it on)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'redress-npm-'));
    const npm = spawn('npm', ['start', '--silent'], {
      cwd: resolve(import.meta.dirname, '../..'),
      env: { ...process.env, PORT: '0', REDRESS_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    npm.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    npm.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    expect(await eventually(async () => output.includes('"msg":"platform started"'), 60_000)).toBe(true);
    const port = Number(output.match(/DynamoDB Local at http:\/\/127\.0\.0\.1:(\d+)/)?.[1]);
    expect(await accepts(port)).toBe(true);
    npm.kill('SIGTERM');
    expect(
      await eventually(async () => !(await accepts(port)) && !existsSync(join(dataDir, 'platform.pid')), 15_000),
    ).toBe(true);
  });

  it('says so and leaves nothing running when its port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as AddressInfo).port;
    const dataDir = mkdtempSync(join(tmpdir(), 'redress-port-'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'infra/local/main.ts'], {
      cwd: resolve(import.meta.dirname, '../..'),
      env: { ...process.env, PORT: String(port), REDRESS_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    const code = await new Promise<number | null>((r) => child.once('exit', r));
    blocker.close();
    expect(code).toBe(1);
    expect(output).toContain(`port ${port} on 127.0.0.1 is in use`);
    // DynamoDB Local had started; it was stopped again before the process exited.
    expect(output).toMatch(/"msg":"dynamodb local exited"/);
    expect(existsSync(join(dataDir, 'platform.pid'))).toBe(false);
  });

  it('refuses to start a second platform on a data directory that is in use', async () => {
    const first = await startServer();
    try {
      await expect(startServer({ dataDir: first.dataDir })).rejects.toThrow(/in use by process/);
      expect((await first.call('GET', '/health')).status).toBe(200);
    } finally {
      await first.stop();
    }
  });
});
