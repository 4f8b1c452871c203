import { describe, expect, it } from 'vitest';
import { intakeBody } from '../support/fixtures';
import { type RunningServer, startServer } from '../support/local-server';

const MANUAL = { REDRESS_CLOCK: 'manual' };

async function waitFor(server: RunningServer, token: string, id: string, step: string) {
  for (let i = 0; i < 100; i++) {
    const r = await server.call('GET', `/v1/complaints/${id}`, { token });
    if (r.body.waitingFor === step) return r.body;
    await new Promise((res) => setTimeout(res, 50));
  }
  throw new Error(`complaint ${id} never waited for ${step}`);
}

const escalations = async (server: RunningServer, token: string, id: string) =>
  (await server.call('GET', `/v1/complaints/${id}/events`, { token })).body.items
    .filter((e: { type: string }) => e.type === 'escalated')
    .map(
      (e: { data: Record<string, unknown> }) =>
        `${e.data.step}/${e.data.deadline ?? e.data.partnerTenantId}/${e.data.checkpointAt}`,
    );

describe('lifecycle over HTTP on the manual clock, across a SIGKILL', () => {
  it('resumes every waiting complaint after kill -9 and fires each timer exactly once', async () => {
    const first = await startServer({ env: MANUAL });
    const bank = await first.token({ tenantId: 'demo-bank', roles: ['supervisor'], sub: 'sup-1' });
    const insurer = await first.token({ tenantId: 'demo-insurer', roles: ['handler'], sub: 'ins-1' });
    const create = async (key: string, extra: Record<string, unknown> = {}) =>
      (
        await first.call('POST', '/v1/complaints', {
          token: bank,
          body: intakeBody(extra),
          headers: { 'idempotency-key': key },
        })
      ).body.id as string;

    const acked = await create('a');
    const ignored = await create('b');
    const withPartner = await create('c', { partners: ['demo-insurer'] });
    await waitFor(first, bank, acked, 'acknowledgement');
    for (const id of [acked, withPartner])
      expect((await first.call('POST', `/v1/complaints/${id}/acknowledge`, { token: bank, body: {} })).status).toBe(
        200,
      );
    await waitFor(first, bank, withPartner, 'referrals');
    const refused = await first.call('POST', `/v1/complaints/${withPartner}/decision`, {
      token: bank,
      body: { outcome: 'upheld', summary: '先行' },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('partner feedback');

    expect((await first.call('POST', '/_local/clock', { body: { advance: 'P5D' } })).status).toBe(200);
    const before = {
      ignored: await escalations(first, bank, ignored),
      withPartner: await escalations(first, bank, withPartner),
    };
    expect(before.ignored.length).toBeGreaterThan(3);
    const clockBefore = (await first.call('GET', '/_local/clock')).body.now;
    await first.stop('SIGKILL');

    const second = await startServer({ dataDir: first.dataDir, env: MANUAL });
    try {
      expect((await second.call('GET', '/_local/clock')).body.now).toBe(clockBefore);
      // The API serves while the engine resumes: the line comes once every lifecycle is parked.
      for (let i = 0; i < 200 && !second.output().includes('"msg":"lifecycles resumed"'); i++)
        await new Promise((r) => setTimeout(r, 50));
      expect(second.output()).toMatch(/"msg":"lifecycles resumed","count":3/);
      // Resuming fires nothing that already fired.
      expect(await escalations(second, bank, ignored)).toEqual(before.ignored);

      // Past every decision deadline whatever day the run starts on: 15 working days from a receipt the
      // day before a weekend (or before a holiday week) end more than 17 calendar days later.
      expect((await second.call('POST', '/_local/clock', { body: { advance: 'P30D' } })).status).toBe(200);
      for (const id of [acked, ignored, withPartner]) {
        const keys = await escalations(second, bank, id);
        expect(new Set(keys).size, id).toBe(keys.length);
        const c = (await second.call('GET', `/v1/complaints/${id}`, { token: bank })).body;
        expect(c.overdue, id).toBe(true);
        const decision = keys.filter((k: string) => k.includes('/decision/'));
        // 50 %, 80 %, the deadline, then a daily reminder: all of them, once.
        expect(decision.length, id).toBeGreaterThanOrEqual(4);
      }
      const afterIgnored = await escalations(second, bank, ignored);
      expect(afterIgnored.slice(0, before.ignored.length)).toEqual(before.ignored);
      expect(
        (await second.call('GET', `/v1/complaints/${ignored}/events`, { token: bank })).body.items.filter(
          (e: { type: string }) => e.type === 'overdue',
        ),
      ).toHaveLength(1);

      // The partner answers over HTTP in its own tenant; the bank's decision is then accepted.
      const referrals = await second.call('GET', '/v1/referrals', { token: insurer });
      expect(referrals.body.items.map((r: { complaintId: string }) => r.complaintId)).toEqual([withPartner]);
      const answer = await second.call('POST', `/v1/referrals/${referrals.body.items[0].id}/feedback`, {
        token: insurer,
        body: { position: 'agrees', summary: '同意' },
      });
      expect(answer.status).toBe(200);
      await waitFor(second, bank, withPartner, 'decision');
      expect(
        (
          await second.call('POST', `/v1/complaints/${withPartner}/decision`, {
            token: bank,
            body: { outcome: 'upheld', summary: '支持' },
          })
        ).status,
      ).toBe(200);
    } finally {
      await second.stop();
    }
  });
});
