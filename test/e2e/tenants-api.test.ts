import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intakeBody } from '../support/fixtures';
import { type InProcessRuntime, startInProcess } from '../support/in-process-runtime';

let server: InProcessRuntime;
let operator: string;

beforeAll(async () => {
  server = await startInProcess({ env: { REDRESS_SEED: '0' } });
  operator = await server.token({ roles: ['platform-admin'] });
});
afterAll(async () => {
  await server?.stop();
});

const onboard = (body: unknown) => server.call('POST', '/admin/v1/tenants', { token: operator, body });

describe('onboarding institutions over HTTP', () => {
  it('starts with no tenants when REDRESS_SEED=0', async () => {
    const list = await server.call('GET', '/admin/v1/tenants', { token: operator });
    expect(list.body).toEqual({ items: [], nextCursor: null });
  });

  it('onboards a tenant whose staff can work at once; the same id again is 409', async () => {
    const created = await onboard({ id: 'harbour-bank', name: '港湾银行', kind: 'bank', policy: 'cn-nfra-2020' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: 'harbour-bank',
      status: 'active',
      timezone: 'Asia/Shanghai',
      referencePrefix: 'HB',
    });
    expect((await onboard({ id: 'harbour-bank', name: 'Other', kind: 'insurer', policy: 'us-cfpb' })).status).toBe(409);

    const admin = await server.token({ tenantId: 'harbour-bank', roles: ['admin'] });
    const units = await server.call('PUT', '/v1/units', {
      token: admin,
      headers: { 'if-match': '0' },
      body: {
        units: [
          { id: 'hq', name: { 'zh-CN': '总行', en: 'HQ' } },
          { id: 'east', name: { 'zh-CN': '东区', en: 'East' }, parentId: 'hq' },
        ],
      },
    });
    expect(units.status).toBe(200);
    const intake = await server.token({ tenantId: 'harbour-bank', roles: ['intake'] });
    const complaint = await server.call('POST', '/v1/complaints', {
      token: intake,
      body: intakeBody({ unitId: 'east' }),
      headers: { 'idempotency-key': 'first' },
    });
    expect(complaint.status).toBe(201);
    expect(complaint.body.reference).toMatch(/^HB-/);
  });

  it.each([
    ['id with capitals', { id: 'Bad-Bank', name: 'x', kind: 'bank', policy: 'cn-nfra-2020' }, 'id'],
    ['id too short', { id: 'ab', name: 'x', kind: 'bank', policy: 'cn-nfra-2020' }, 'id'],
    ['unknown policy', { id: 'okbank', name: 'x', kind: 'bank', policy: 'cn-2030' }, 'policy'],
    ['unknown kind', { id: 'okbank', name: 'x', kind: 'broker', policy: 'cn-nfra-2020' }, 'kind'],
    [
      'bad time zone',
      { id: 'okbank', name: 'x', kind: 'bank', policy: 'cn-nfra-2020', timezone: 'Mars/Olympus' },
      'timezone',
    ],
  ])('400 for %s', async (_name, body, path) => {
    const res = await onboard(body);
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { path: string[] }) => d.path.join('.'))).toContain(path);
  });

  it('rejects a unit hierarchy without a single head office or with a cycle, and a stale version', async () => {
    await onboard({ id: 'units-bank', name: 'U', kind: 'bank', policy: 'cn-nfra-2020' });
    const admin = await server.token({ tenantId: 'units-bank', roles: ['admin'] });
    const put = (units: unknown, version: string) =>
      server.call('PUT', '/v1/units', { token: admin, headers: { 'if-match': version }, body: { units } });
    const two = await put(
      [
        { id: 'a', name: { 'zh-CN': '甲', en: 'A' } },
        { id: 'b', name: { 'zh-CN': '乙', en: 'B' } },
      ],
      '0',
    );
    expect(two.status).toBe(400);
    expect(two.body.error.message).toContain('exactly one head office');
    const cycle = await put(
      [
        { id: 'hq', name: { 'zh-CN': '总', en: 'HQ' } },
        { id: 'a', name: { 'zh-CN': '甲', en: 'A' }, parentId: 'b' },
        { id: 'b', name: { 'zh-CN': '乙', en: 'B' }, parentId: 'a' },
      ],
      '0',
    );
    expect(cycle.status).toBe(400);
    expect(cycle.body.error.message).toContain('cycle');
    expect((await put([{ id: 'hq', name: { 'zh-CN': '总', en: 'HQ' } }], '0')).status).toBe(200);
    expect((await put([{ id: 'hq', name: { 'zh-CN': '总', en: 'HQ' } }], '0')).status).toBe(409);
  });

  it('accepts a stricter policy override and applies it to new complaints; refuses a looser one with 422', async () => {
    await onboard({ id: 'strict-bank', name: 'S', kind: 'bank', policy: 'cn-nfra-2020' });
    const admin = await server.token({ tenantId: 'strict-bank', roles: ['admin'] });
    const looser = await server.call('PUT', '/v1/policy', {
      token: admin,
      headers: { 'if-match': '0' },
      body: { decision: { amount: 20 } },
    });
    expect(looser.status).toBe(422);
    expect(looser.body.error.code).toBe('policy_looser_than_preset');
    expect(looser.body.error.details[0]).toMatchObject({ field: 'decision', reason: 'greater_amount' });

    const stricter = await server.call('PUT', '/v1/policy', {
      token: admin,
      headers: { 'if-match': '0' },
      body: { decision: { amount: 10 } },
    });
    expect(stricter.status).toBe(200);
    expect(stricter.body.effective.decision).toEqual({ amount: 10, unit: 'calendar_days' });

    const intake = await server.token({ tenantId: 'strict-bank', roles: ['intake'] });
    // 2026-11-02 (Mon) + 10 days = 2026-11-12 (Thu), end of day in Shanghai.
    const res = await server.call('POST', '/v1/complaints', {
      token: intake,
      body: intakeBody({ channel: 'letter', receivedAt: '2026-11-02T10:00:00+08:00' }),
      headers: { 'idempotency-key': 'strict' },
    });
    expect(res.body.deadlines.decision).toBe('2026-11-12T15:59:59.999Z');
  });

  it('suspends and reactivates an institution; unknown ids are 404', async () => {
    await onboard({ id: 'pause-bank', name: 'P', kind: 'bank', policy: 'eu-psd2' });
    const staff = await server.token({ tenantId: 'pause-bank', roles: ['handler'] });
    expect((await server.call('POST', '/admin/v1/tenants/pause-bank/suspend', { token: operator })).body.status).toBe(
      'suspended',
    );
    const refused = await server.call('GET', '/v1/complaints', { token: staff });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('tenant_suspended');
    expect((await server.call('POST', '/admin/v1/tenants/pause-bank/reactivate', { token: operator })).status).toBe(
      200,
    );
    expect((await server.call('GET', '/v1/complaints', { token: staff })).status).toBe(200);
    expect((await server.call('POST', '/admin/v1/tenants/no-such-bank/suspend', { token: operator })).status).toBe(404);
  });
});
