/**
 * The customer base an institution states per period (PUT/GET /v1/customer-base/{period}): who may
 * state and read it, that it stays within the caller's own institution, what is refused, and the
 * ratios the regulator sees from it.
 */
import '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { localDateOf } from '../../shared/domain/calendars';
import { intakeBody } from '../support/fixtures';
import { testTenant } from '../support/test-platform';
import { expectErrorShape, idempotencyKey } from './helpers';
import { inProcessApp } from './in-process-app';

const env = await inProcessApp();
const bankB = await testTenant(env.platform, { id: 'bank-b', name: 'Bank B' });
const admin = await env.token(['admin'], { sub: 'admin-a' });
const adminB = await env.token(['admin'], { tenantId: bankB.id, sub: 'admin-b' });
const regulator = await env.token(['regulator'], { tenantId: null, sub: 'nfra-1' });
const staff = await env.token(['intake'], { sub: 'intake-a' });
const PERIOD = '2026Q4';

// Three complaints received in bank-a in the test clock's month (the quarter counted below).
for (let i = 0; i < 3; i++)
  expect(
    (
      await env.call('POST', '/v1/complaints', {
        token: staff,
        body: intakeBody({ complainant: { name: `客户${i}`, phone: `1390000000${i}` } }),
        headers: { 'Idempotency-Key': idempotencyKey() },
      })
    ).status,
  ).toBe(201);
// Counted in the institution's zone, as the KPIs count receipts.
const month = localDateOf(env.platform.clock.now(), env.tenant.timezone).slice(0, 7);
const quarter = `${month.slice(0, 4)}Q${Math.ceil(Number(month.slice(5)) / 3)}`;

const institutions = async (period: string) => {
  const res = await env.call('GET', `/regulator/v1/institutions?period=${period}&limit=100`, { token: regulator });
  expect(res.status).toBe(200);
  return Object.fromEntries(res.body.items.map((i: { id: string }) => [i.id, i])) as Record<string, any>;
};

describe('PUT and GET /v1/customer-base/{period}', () => {
  it.each([
    ['intake', 403, 403],
    ['handler', 403, 403],
    ['supervisor', 403, 200],
    ['admin', 200, 200],
    ['regulator', 403, 403],
    ['platform-admin', 403, 403],
  ])('%s: PUT %i, GET %i', async (role, putStatus, getStatus) => {
    const noTenant = role === 'regulator' || role === 'platform-admin';
    const token = await env.token([role], { sub: `who-${role}`, ...(noTenant && { tenantId: null }) });
    await env.call('PUT', `/v1/customer-base/2026-10`, { token: admin, body: { customers: 5000 } });
    const put = await env.call('PUT', `/v1/customer-base/2026-10`, { token, body: { customers: 7000 } });
    expect(put.status).toBe(putStatus);
    if (putStatus !== 200) expectErrorShape(put.body);
    const get = await env.call('GET', `/v1/customer-base/2026-10`, { token });
    expect(get.status).toBe(getStatus);
    if (getStatus === 200) expect(get.body.customers).toBe(putStatus === 200 ? 7000 : 5000);
  });

  it('stores the figures per period and answers 404 for a period with none', async () => {
    const put = await env.call('PUT', `/v1/customer-base/${PERIOD}`, {
      token: admin,
      body: { customers: 120_000, premiumYuan: 250_000_000 },
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({
      period: PERIOD,
      customers: 120_000,
      premiumYuan: 250_000_000,
      updatedBy: 'admin-a',
    });
    const get = await env.call('GET', `/v1/customer-base/${PERIOD}`, { token: admin });
    expect(get.body).toEqual(put.body);
    // A PUT replaces the period's figures whole.
    await env.call('PUT', `/v1/customer-base/${PERIOD}`, { token: admin, body: { customers: 100_000 } });
    expect((await env.call('GET', `/v1/customer-base/${PERIOD}`, { token: admin })).body.premiumYuan).toBeUndefined();
    const none = await env.call('GET', '/v1/customer-base/2025Q1', { token: admin });
    expect(none.status).toBe(404);
    expectErrorShape(none.body);
  });

  it('refuses bad periods and bodies with 400 in the error shape', async () => {
    for (const [period, body] of [
      ['2026Q5', { customers: 1 }],
      ['2026-13', { customers: 1 }],
      ['Q4', { customers: 1 }],
      [PERIOD, {}],
      [PERIOD, { customers: 0 }],
      [PERIOD, { customers: -5 }],
      [PERIOD, { customers: 1.5 }],
      [PERIOD, { customers: '1000' }],
      [PERIOD, { policies: 1e12 }],
      [PERIOD, { customers: 10, tenantId: 'bank-b' }],
    ] as const) {
      const res = await env.call('PUT', `/v1/customer-base/${period}`, { token: admin, body });
      expect(res.status, `${period} ${JSON.stringify(body)}`).toBe(400);
      expectErrorShape(res.body);
    }
  });

  it("stays within the caller's institution: another's admin neither reads nor overwrites it", async () => {
    await env.call('PUT', '/v1/customer-base/2026Q3', { token: admin, body: { customers: 42_000 } });
    expect((await env.call('GET', '/v1/customer-base/2026Q3', { token: adminB })).status).toBe(404);
    await env.call('PUT', '/v1/customer-base/2026Q3', { token: adminB, body: { customers: 1 } });
    expect((await env.call('GET', '/v1/customer-base/2026Q3', { token: admin })).body.customers).toBe(42_000);
    expect((await env.call('GET', '/v1/customer-base/2026Q3', { token: adminB })).body.customers).toBe(1);
    // A tenant id in the path is no route of this API.
    const other = await env.call('PUT', `/v1/customer-base/${bankB.id}/2026Q3`, {
      token: admin,
      body: { customers: 9 },
    });
    expect(other.status).toBe(404);
  });

  it('gives the regulator complaints per 10,000 customers or policies and per ¥100m premium, null where none', async () => {
    await env.call('PUT', `/v1/customer-base/${quarter}`, {
      token: admin,
      body: { customers: 30_000, policies: 6_000, premiumYuan: 300_000_000 },
    });
    for (const period of [quarter, month]) {
      const byId = await institutions(period);
      const received = byId[env.tenant.id].kpis.received;
      expect(received).toBe(3);
      expect(byId[env.tenant.id]).toMatchObject({
        per10kCustomers: 1,
        per10kPolicies: 5,
        per100mPremium: 1,
        customerBase: { period: quarter, customers: 30_000 },
      });
      expect(byId[bankB.id]).toMatchObject({
        per10kCustomers: null,
        per10kPolicies: null,
        per100mPremium: null,
        customerBase: null,
      });
    }
    // A month's own figures come before its quarter's.
    await env.call('PUT', `/v1/customer-base/${month}`, { token: admin, body: { customers: 60_000 } });
    expect((await institutions(month))[env.tenant.id]).toMatchObject({
      per10kCustomers: 0.5,
      per10kPolicies: null,
      customerBase: { period: month },
    });
  });
});
