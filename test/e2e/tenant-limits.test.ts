/**
 * Per-tenant budgets in the local runtime as `npm start` composes it (its config from the same
 * variables, start.ts's app): REDRESS_RATE_LIMITS sets the platform default, the operator a tenant's
 * own limit, and the manual clock moves the window.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onboardTenant } from '../security/helpers';
import { type InProcessRuntime, startInProcess } from '../support/in-process-runtime';

const DEFAULT = 4;
let server: InProcessRuntime;
let operator: string;

beforeAll(async () => {
  server = await startInProcess({
    env: { REDRESS_RATE_LIMITS: `tenantRequestsPerMinute=${DEFAULT}`, REDRESS_CLOCK: 'manual' },
  });
  operator = await server.token({ roles: ['platform-admin'] });
});
afterAll(async () => {
  await server?.stop();
});

const statuses = async (token: string, n: number) => {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push((await server.call('GET', '/v1/taxonomy', { token })).status);
  return out;
};

describe('a tenant budget on the local server', () => {
  it('refuses the tenant over it with 429 tenant_rate_limited, leaves another tenant alone, resets next minute', async () => {
    const demo = await server.token({ tenantId: 'demo-bank', roles: ['handler'] });
    const otherId = await onboardTenant(server, operator);
    const other = await server.token({ tenantId: otherId, roles: ['handler'] });

    expect(await statuses(demo, DEFAULT)).toEqual([200, 200, 200, 200]);
    const refused = await server.call('GET', '/v1/taxonomy', { token: demo });
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({
      error: { code: 'tenant_rate_limited', details: { retryAfter: expect.any(Number) } },
    });
    expect(refused.headers.get('retry-after')).toBe(String(refused.body.error.details.retryAfter));
    expect(server.output()).toMatch(/"msg":"tenant rate limited".*"tenantId":"demo-bank"/);

    expect(await statuses(other, 1)).toEqual([200]);

    const moved = await server.call('POST', '/_local/clock', { body: { advance: 'PT1M' } });
    expect(moved.status).toBe(200);
    expect(await statuses(demo, 1)).toEqual([200]);
  });

  it("follows the tenant's own limit the operator sets", async () => {
    const id = await onboardTenant(server, operator);
    const set = await server.call('PUT', `/admin/v1/tenants/${id}/limits`, {
      token: operator,
      body: { requestsPerMinute: 2 },
    });
    expect(set).toMatchObject({ status: 200, body: { requestsPerMinute: 2 } });
    const staff = await server.token({ tenantId: id, roles: ['intake'] });
    expect(await statuses(staff, 3)).toEqual([200, 200, 429]);
  });
});
