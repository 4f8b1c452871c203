import { describe, expect, it } from 'vitest';
import { idempotencyKey } from '../security/helpers';
import { intakeBody } from '../support/fixtures';
import { type RunningServer, startServer } from '../support/local-server';
import { startReceiver, verified } from '../webhooks/receiver';

const MANUAL = { REDRESS_CLOCK: 'manual' };

async function until(check: () => boolean, what: string, ms = 15_000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function setUp(server: RunningServer, url: string) {
  const admin = await server.token({ tenantId: 'demo-bank', roles: ['admin'] });
  const clerk = await server.token({ tenantId: 'demo-bank', roles: ['intake'] });
  const created = await server.call('POST', '/v1/webhooks', {
    token: admin,
    body: { url, events: ['complaint.received'] },
    headers: { 'idempotency-key': idempotencyKey() },
  });
  expect(created.status).toBe(201);
  const intake = async () => {
    const res = await server.call('POST', '/v1/complaints', {
      token: clerk,
      body: intakeBody(),
      headers: { 'idempotency-key': idempotencyKey() },
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  return { secret: created.body.secret as string, endpointId: created.body.endpoint.id as string, admin, intake };
}

describe('webhook deliveries survive SIGKILL', () => {
  it('a delivery in flight when the platform dies is sent after the restart', async () => {
    const receiver = await startReceiver();
    // The first attempt never gets an answer: the platform is killed while it waits.
    receiver.script('/hook', [{ status: 200, hang: true }]);
    const first = await startServer({ env: MANUAL });
    try {
      const { secret, intake } = await setUp(first, receiver.url('/hook'));
      const id = await intake();
      await until(() => receiver.at('/hook').length === 1, 'the first attempt');
      await first.stop('SIGKILL');

      const second = await startServer({ dataDir: first.dataDir, env: MANUAL });
      try {
        await until(() => receiver.at('/hook').length === 2, 'the attempt after restart');
        const [a, b] = receiver.at('/hook').map((r) => verified(secret, r));
        expect(b).toEqual(a);
        expect(b).toMatchObject({ type: 'complaint.received', data: { complaintId: id } });
      } finally {
        await second.stop();
      }
    } finally {
      await first.stop();
      await receiver.close();
    }
  });

  it('a delivery killed mid-retry keeps its schedule after the restart', async () => {
    const receiver = await startReceiver();
    receiver.script('/retry', [{ status: 500 }]);
    const first = await startServer({ env: MANUAL });
    try {
      const { secret, endpointId, admin, intake } = await setUp(first, receiver.url('/retry'));
      await intake();
      await until(() => receiver.at('/retry').length === 1, 'the failed first attempt');
      const log = async (s: RunningServer) =>
        (await s.call('GET', `/v1/webhooks/${endpointId}/deliveries`, { token: admin })).body.items[0];
      let pending: { status: string; nextAttemptAt: string; attemptCount: number } | undefined;
      for (let i = 0; i < 100 && pending?.status !== 'pending'; i++) {
        pending = await log(first);
        if (pending?.attemptCount !== 1) pending = undefined;
        await new Promise((r) => setTimeout(r, 25));
      }
      expect(pending).toMatchObject({ status: 'pending', nextAttemptAt: expect.any(String) });
      await first.stop('SIGKILL');

      const second = await startServer({ dataDir: first.dataDir, env: MANUAL });
      try {
        // Nothing is sent before the retry is due…
        await new Promise((r) => setTimeout(r, 500));
        expect(receiver.at('/retry')).toHaveLength(1);
        // …and when the clock reaches it, the retry goes out (the clock returns once it has).
        expect((await second.call('POST', '/_local/clock', { body: { advance: 'PT10S' } })).status).toBe(200);
        expect(receiver.at('/retry')).toHaveLength(2);
        verified(secret, receiver.at('/retry')[1]!);
        expect(await log(second)).toMatchObject({ status: 'succeeded', attemptCount: 2 });
      } finally {
        await second.stop();
      }
    } finally {
      await first.stop();
      await receiver.close();
    }
  });
});
