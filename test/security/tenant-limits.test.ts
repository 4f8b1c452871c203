/**
 * Per-tenant request budgets (issue 8, "per-tenant usage limits"): counted per institution in its
 * own table on DynamoDB Local, so two app instances share one budget; fixed windows on the platform
 * clock; the operator sets a tenant's own limit, nobody else can; a broken counter never fails a request.
 */
// First: it extends zod with .openapi(), which schemas need when their modules load.
import '@hono/zod-openapi';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { RateLimitsSchema } from '../../shared/http/rate-limits';
import { jsonLogger } from '../../shared/ports/logger';
import { requestWindowKey } from '../../shared/store/keys';
import { fixedClock, type TestClock, testTenant } from '../support/test-platform';
import { expectErrorShape } from './helpers';
import { type InProcessApp, inProcessApp } from './in-process-app';

const LIMIT = 3;
const WINDOW = '2030-01-07T10:00:00.000Z';

let clock: TestClock;
let env: InProcessApp;
let staffA: string;
let staffB: string;
let operator: string;

beforeEach(async () => {
  clock = fixedClock('2030-01-07T10:00:15.000Z');
  env = await inProcessApp({ clock, options: { tenantLimit: { defaultRequestsPerMinute: LIMIT } } });
  await testTenant(env.platform, { id: 'bank-b', name: 'Bank B' });
  staffA = await env.token(['handler'], { sub: 'a-1' });
  staffB = await env.token(['handler'], { tenantId: 'bank-b', sub: 'b-1' });
  operator = await env.token(['platform-admin'], { tenantId: null, sub: 'op-1' });
});

const units = (e: InProcessApp, token: string) => e.call('GET', '/v1/units', { token });
const statuses = async (e: InProcessApp, token: string, n: number) => {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push((await units(e, token)).status);
  return out;
};

describe('a tenant over its budget', () => {
  it('gets 429 tenant_rate_limited with Retry-After to the end of the window', async () => {
    expect(await statuses(env, staffA, LIMIT)).toEqual([200, 200, 200]);
    const res = await units(env, staffA);
    expect(res.status).toBe(429);
    expectErrorShape(res.body, 'tenant_rate_limited');
    expect(res.headers.get('retry-after')).toBe('45');
    expect(res.body.error.details).toEqual({ retryAfter: 45 });
    // Security headers are on the 429 too.
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('counts its staff together: a colleague of the throttled one is throttled too', async () => {
    await statuses(env, staffA, LIMIT);
    const colleague = await env.token(['supervisor'], { sub: 'a-2' });
    expect((await units(env, colleague)).status).toBe(429);
  });

  it('does not affect another tenant on the same platform', async () => {
    await statuses(env, staffA, LIMIT + 2);
    expect(await statuses(env, staffB, LIMIT)).toEqual([200, 200, 200]);
    expect((await units(env, staffB)).status).toBe(429);
  });

  it('starts again in the next window of the platform clock', async () => {
    await statuses(env, staffA, LIMIT + 1);
    clock.set('2030-01-07T10:00:59.000Z');
    const late = await units(env, staffA);
    expect(late.status).toBe(429);
    expect(late.headers.get('retry-after')).toBe('1');
    clock.set('2030-01-07T10:01:00.000Z');
    expect(await statuses(env, staffA, LIMIT + 1)).toEqual([200, 200, 200, 429]);
  });

  it('is counted in a window item of its own table that TTL removes one window after its end', async () => {
    await statuses(env, staffA, 2);
    const item = await env.platform.db.send(
      new GetCommand({ TableName: env.tenant.tableName, Key: requestWindowKey(WINDOW) }),
    );
    expect(item.Item).toMatchObject({ hits: 2, expiresAt: Date.parse('2030-01-07T10:02:00.000Z') / 1000 });
  });

  it('is shared by two app instances on the same tables', async () => {
    const other = await inProcessApp({
      sharing: env,
      options: { tenantLimit: { defaultRequestsPerMinute: LIMIT } },
    });
    const onOther = await other.token(['handler'], { sub: 'a-1' });
    expect((await units(env, staffA)).status).toBe(200);
    expect((await units(other, onOther)).status).toBe(200);
    expect((await units(env, staffA)).status).toBe(200);
    expect((await units(other, onOther)).status).toBe(429);
    expect((await units(env, staffA)).status).toBe(429);
  });

  it('is not counted for routes outside the tenant surface', async () => {
    for (let i = 0; i < LIMIT + 1; i++)
      expect((await env.call('GET', '/admin/v1/tenants', { token: operator })).status).toBe(200);
    expect(await statuses(env, staffA, LIMIT)).toEqual([200, 200, 200]);
  });
});

describe('requests the budget does not count', () => {
  it('a token naming no tenant, or an unknown or suspended one, keeps its own 403', async () => {
    const noTenant = await env.token(['handler'], { tenantId: null, sub: 'x-1' });
    const unknown = await env.token(['handler'], { tenantId: 'no-such-bank', sub: 'x-2' });
    const suspended = await env.call('POST', '/admin/v1/tenants/bank-b/suspend', { token: operator });
    expect(suspended.status).toBe(200);
    for (const [token, code] of [
      [noTenant, 'tenant_required'],
      [unknown, 'unknown_tenant'],
      [staffB, 'tenant_suspended'],
    ] as const) {
      for (let i = 0; i < LIMIT + 1; i++) {
        const res = await units(env, token);
        expect(res.status).toBe(403);
        expectErrorShape(res.body, code);
      }
    }
  });
});

describe('a counter that cannot count', () => {
  it('lets requests through and logs once, not per request', async () => {
    const lines: Record<string, unknown>[] = [];
    env.platform.logger = jsonLogger((l) => lines.push(JSON.parse(l)));
    const broken = await inProcessApp({ sharing: env, options: { tenantLimit: { defaultRequestsPerMinute: 1 } } });
    // A window item whose count is not a number: DynamoDB refuses the ADD (ValidationException).
    await env.platform.db.send(
      new PutCommand({ TableName: env.tenant.tableName, Item: { ...requestWindowKey(WINDOW), hits: 'garbage' } }),
    );
    const token = await broken.token(['handler'], { sub: 'a-1' });
    expect(await statuses(broken, token, 4)).toEqual([200, 200, 200, 200]);
    const failures = lines.filter((l) => String(l.msg).startsWith('tenant request counter unreachable'));
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ level: 'error', error: 'ValidationException' });
    // Once the counter works again (the next window) it counts and says so.
    clock.set('2030-01-07T10:01:00.000Z');
    expect(await statuses(broken, token, 2)).toEqual([200, 429]);
    expect(lines.some((l) => String(l.msg).startsWith('tenant request counter reachable again'))).toBe(true);
  });
});

describe("a tenant's own limit", () => {
  const limitsOf = (id: string, token: string) => env.call('GET', `/admin/v1/tenants/${id}/limits`, { token });
  const setLimit = (id: string, token: string, body: unknown) =>
    env.call('PUT', `/admin/v1/tenants/${id}/limits`, { token, body });

  it('is the platform default until the operator sets one, and applies at once', async () => {
    expect(await limitsOf('bank-a', operator)).toMatchObject({ status: 200, body: { requestsPerMinute: null } });
    const set = await setLimit('bank-a', operator, { requestsPerMinute: 5 });
    expect(set).toMatchObject({ status: 200, body: { requestsPerMinute: 5 } });
    expect(await limitsOf('bank-a', operator)).toMatchObject({ status: 200, body: { requestsPerMinute: 5 } });
    expect(await statuses(env, staffA, 6)).toEqual([200, 200, 200, 200, 200, 429]);
    // bank-b keeps the default.
    expect(await statuses(env, staffB, LIMIT + 1)).toEqual([200, 200, 200, 429]);
  });

  it('is on the tenant record the operator lists', async () => {
    await setLimit('bank-b', operator, { requestsPerMinute: 7 });
    const list = await env.call('GET', '/admin/v1/tenants', { token: operator });
    const byId = Object.fromEntries(list.body.items.map((t: { id: string }) => [t.id, t]));
    expect(byId['bank-b'].limits).toEqual({ requestsPerMinute: 7 });
    expect(byId['bank-a'].limits).toBeUndefined();
  });

  it('returns to the platform default with null', async () => {
    await setLimit('bank-a', operator, { requestsPerMinute: 1 });
    expect(await statuses(env, staffA, 2)).toEqual([200, 429]);
    expect(await setLimit('bank-a', operator, { requestsPerMinute: null })).toMatchObject({
      status: 200,
      body: { requestsPerMinute: null },
    });
    // Refused requests count too: this is the third of the window, under the default of 3.
    expect(await statuses(env, staffA, 2)).toEqual([200, 429]);
  });

  it.each([
    { requestsPerMinute: 0 },
    { requestsPerMinute: 2.5 },
    { requestsPerMinute: '10' },
    {},
    { requestsPerMinute: 5, x: 1 },
  ])('refuses %j with 400', async (body) => {
    const res = await setLimit('bank-a', operator, body);
    expect(res.status).toBe(400);
    expectErrorShape(res.body);
  });

  it('is 404 for a tenant that does not exist', async () => {
    for (const res of [
      await limitsOf('no-such-bank', operator),
      await setLimit('no-such-bank', operator, { requestsPerMinute: 5 }),
    ]) {
      expect(res.status).toBe(404);
      expectErrorShape(res.body);
    }
  });
});

describe('who may read and set limits', () => {
  const ROLES = ['intake', 'handler', 'supervisor', 'admin'] as const;

  it.each(ROLES)('%s of the tenant itself gets 403 on its own limits', async (role) => {
    const token = await env.token([role, 'pii:read'], { sub: `own-${role}` });
    const read = await env.call('GET', '/admin/v1/tenants/bank-a/limits', { token });
    const write = await env.call('PUT', '/admin/v1/tenants/bank-a/limits', { token, body: { requestsPerMinute: 9 } });
    for (const res of [read, write]) {
      expect(res.status).toBe(403);
      expectErrorShape(res.body);
    }
  });

  it('a regulator gets 403', async () => {
    const token = await env.token(['regulator'], { tenantId: null, sub: 'reg-1' });
    expect((await env.call('GET', '/admin/v1/tenants/bank-a/limits', { token })).status).toBe(403);
    expect(
      (await env.call('PUT', '/admin/v1/tenants/bank-a/limits', { token, body: { requestsPerMinute: 9 } })).status,
    ).toBe(403);
  });

  it("a tenant's admin cannot read or change another tenant's limits", async () => {
    await env.call('PUT', '/admin/v1/tenants/bank-b/limits', { token: operator, body: { requestsPerMinute: 8 } });
    const adminA = await env.token(['admin'], { sub: 'a-admin' });
    const read = await env.call('GET', '/admin/v1/tenants/bank-b/limits', { token: adminA });
    const write = await env.call('PUT', '/admin/v1/tenants/bank-b/limits', {
      token: adminA,
      body: { requestsPerMinute: 1_000_000 },
    });
    for (const res of [read, write]) {
      expect(res.status).toBe(403);
      expectErrorShape(res.body);
      expect(JSON.stringify(res.body)).not.toContain('"requestsPerMinute"');
    }
    expect((await env.call('GET', '/admin/v1/tenants/bank-b/limits', { token: operator })).body).toEqual({
      requestsPerMinute: 8,
    });
  });

  it('without a token: 401', async () => {
    expect((await env.call('GET', '/admin/v1/tenants/bank-a/limits')).status).toBe(401);
    expect((await env.call('PUT', '/admin/v1/tenants/bank-a/limits', { body: { requestsPerMinute: 9 } })).status).toBe(
      401,
    );
  });
});

describe('REDRESS_RATE_LIMITS', () => {
  it('sets the platform default by name, and off turns it off with the others', () => {
    expect(RateLimitsSchema.parse('tenantRequestsPerMinute=120')).toMatchObject({ tenantRequestsPerMinute: 120 });
    expect(RateLimitsSchema.parse('off')).toBe('off');
  });

  it('without a tenant budget (off) the app never answers tenant_rate_limited', async () => {
    const unlimited = await inProcessApp({ sharing: env });
    const token = await unlimited.token(['handler'], { sub: 'a-1' });
    expect(await statuses(unlimited, token, LIMIT + 2)).toEqual([200, 200, 200, 200, 200]);
  });
});
