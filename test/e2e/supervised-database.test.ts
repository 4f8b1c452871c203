import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intakeBody } from '../support/fixtures';
import { type RunningServer, startServer } from '../support/local-server';

/** The JVM of the DynamoDB Local now running, as the platform logs it at each (re)start. */
const javaPid = (s: RunningServer) => {
  const all = [...s.output().matchAll(/"msg":"dynamodb local (?:re)?started",[^\n]*"javaPid":(\d+)/g)];
  const pid = Number(all.at(-1)?.[1]);
  if (!pid) throw new Error(`no DynamoDB Local pid in the output:\n${s.output()}`);
  return pid;
};

/** A process's parent, from /proc (the JVM's is its watchdog shell, whose parent is the platform). */
const parentOf = (pid: number) => Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);

async function until(check: () => Promise<boolean> | boolean, what: string, ms = 60_000) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`gave up waiting: ${what}`);
}

type Seen = { status: number; retryAfter: string | null; code?: string };

/**
 * Clients registering complaints as a well-behaved client does: each with its own Idempotency-Key,
 * retried with the same key after a 503 until it is acknowledged (201).
 */
function intakeLoad(server: RunningServer, token: string, clients: number) {
  const seen: Seen[] = [];
  const acknowledged = new Map<string, string>();
  let running = true;
  let n = 0;
  const client = async () => {
    while (running) {
      const key = `supervised-${n++}`;
      for (;;) {
        const res = await server.call('POST', '/v1/complaints', {
          token,
          body: intakeBody(),
          headers: { 'idempotency-key': key },
        });
        seen.push({ status: res.status, retryAfter: res.headers.get('retry-after'), code: res.body?.error?.code });
        if (res.status === 201) {
          acknowledged.set(key, res.body.id);
          break;
        }
        if (res.status !== 503 || !running) break;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  };
  const done = Promise.all(Array.from({ length: clients }, client));
  return {
    seen,
    acknowledged,
    stop: async () => {
      running = false;
      await done;
    },
  };
}

describe('a supervised DynamoDB Local', () => {
  let server: RunningServer;
  let token: string;
  beforeAll(async () => {
    server = await startServer();
    token = await server.token({ tenantId: 'demo-bank', roles: ['intake', 'handler', 'pii:read'] });
  });
  afterAll(() => server?.stop());

  it('is restarted when its JVM is killed under load: 503 with Retry-After meanwhile, never 500, nothing acknowledged lost', async () => {
    const load = intakeLoad(server, token, 4);
    const health: number[] = [];
    const readiness: number[] = [];
    let watching = true;
    const watch = (async () => {
      while (watching) {
        health.push((await server.call('GET', '/health')).status);
        readiness.push((await server.call('GET', '/health/ready')).status);
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    await until(() => load.acknowledged.size >= 5, 'complaints before the kill');
    process.kill(javaPid(server), 'SIGKILL');
    await until(() => load.seen.some((s) => s.status === 503), 'a 503 while the database is down');
    await until(() => server.output().includes('"msg":"dynamodb local restarted"'), 'the restart');
    const afterRestart = load.acknowledged.size;
    await until(() => load.acknowledged.size >= afterRestart + 5, 'complaints after the restart');
    await load.stop();
    watching = false;
    await watch;

    const statuses = new Set(load.seen.map((s) => s.status));
    expect([...statuses].sort()).toEqual([201, 503]);
    for (const s of load.seen.filter((x) => x.status === 503)) {
      expect(s.code).toBe('service_unavailable');
      expect(Number(s.retryAfter)).toBeGreaterThan(0);
    }
    // Liveness stays true (the process serves), readiness said the truth while the database was away.
    expect(new Set(health)).toEqual(new Set([200]));
    expect(readiness).toContain(503);
    expect(readiness.at(-1)).toBe(200);
    const missing: string[] = [];
    for (const [key, id] of load.acknowledged) {
      const read = await server.call('GET', `/v1/complaints/${id}`, { token });
      if (read.status !== 200) missing.push(`${key} ${id} ${read.status}`);
    }
    expect(missing, `of ${load.acknowledged.size}:\n${server.output()}`).toEqual([]);
    // No retry doubled a complaint: one complaint per acknowledged key, none without one.
    const listed = new Set<string>();
    let cursor: string | undefined;
    do {
      const page = await server.call('GET', `/v1/complaints?limit=100${cursor ? `&cursor=${cursor}` : ''}`, { token });
      for (const c of page.body.items) listed.add(c.id);
      cursor = page.body.nextCursor ?? undefined;
    } while (cursor);
    expect(new Set(load.acknowledged.values()).size).toBe(load.acknowledged.size);
    for (const id of load.acknowledged.values()) expect(listed.has(id)).toBe(true);
  });

  it('answers 503 in time and turns readiness false while it is frozen (SIGSTOP), and recovers on SIGCONT', async () => {
    const pid = javaPid(server);
    process.kill(pid, 'SIGSTOP');
    try {
      const res = await server.call('POST', '/v1/complaints', {
        token,
        body: intakeBody(),
        headers: { 'idempotency-key': 'while-frozen' },
      });
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('service_unavailable');
      expect(res.headers.get('retry-after')).toBeTruthy();
      await until(async () => (await server.call('GET', '/health/ready')).status === 503, 'readiness false');
      const ready = await server.call('GET', '/health/ready');
      expect(ready.body.error.details.checks).toEqual({ store: false, engine: true });
      expect((await server.call('GET', '/health')).status).toBe(200);
      const read = await server.call('GET', '/v1/complaints?limit=1', { token });
      expect(read.status).toBe(503);
    } finally {
      process.kill(pid, 'SIGCONT');
    }
    await until(async () => (await server.call('GET', '/health/ready')).status === 200, 'readiness true again');
    const retry = await server.call('POST', '/v1/complaints', {
      token,
      body: intakeBody(),
      headers: { 'idempotency-key': 'while-frozen' },
    });
    expect(retry.status).toBe(201);
    // The same JVM, thawed: nothing was restarted.
    expect(javaPid(server)).toBe(pid);
  });
});

const exitWithin = (server: RunningServer, ms: number) =>
  Promise.race([
    new Promise<number | null>((r) => server.process.once('exit', r)),
    new Promise<'still running'>((r) => setTimeout(() => r('still running'), ms)),
  ]);

describe('a DynamoDB Local that cannot come back', () => {
  it('ends the platform with a non-zero exit and a clear message after its restarts fail', async () => {
    const server = await startServer();
    const port = Number(server.output().match(/DynamoDB Local at http:\/\/127\.0\.0\.1:(\d+)/)?.[1]);
    const pid = javaPid(server);
    // The platform is held still while its JVM dies and someone else takes the freed port, so its
    // first restart (200 ms after the death) cannot win the port on a busy machine: every restart fails.
    const supervisor = parentOf(parentOf(pid));
    process.kill(supervisor, 'SIGSTOP');
    const squatter = createServer();
    try {
      process.kill(pid, 'SIGKILL');
      await until(
        () =>
          new Promise<boolean>((r) => {
            squatter.once('error', () => r(false));
            squatter.listen(port, '127.0.0.1', () => r(true));
          }),
        'the freed port',
      );
    } finally {
      process.kill(supervisor, 'SIGCONT');
    }
    try {
      // Five JVM starts that each fail on the taken port: seconds apiece on a loaded machine.
      const code = await exitWithin(server, 150_000);
      if (code === 'still running') await server.stop('SIGKILL');
      expect(code).toBe(1);
      expect(server.output()).toMatch(
        /Redress cannot go on: DynamoDB Local exited with code 137 and did not come back after 5 restarts: port \d+ is taken/,
      );
      expect(server.output()).not.toContain('"msg":"dynamodb local restarted"');
    } finally {
      squatter.close();
    }
  }, 200_000);

  it('ends the platform with a non-zero exit and a clear message (in memory, its data is gone)', async () => {
    const server = await startServer({ env: { REDRESS_DYNAMODB_STORAGE: 'memory' } });
    process.kill(javaPid(server), 'SIGKILL');
    const code = await exitWithin(server, 30_000);
    if (code === 'still running') await server.stop('SIGKILL');
    expect(code).toBe(1);
    expect(server.output()).toMatch(
      /Redress cannot go on: DynamoDB Local \(in memory\) exited with .*; its data is gone/,
    );
  });
});
