/**
 * Throttling (issue 8): per-address limits on failed authentication, per-identity and per-address
 * limits on 404 bursts (id guessing) and on intake. Over a limit: 429 in the error shape with
 * Retry-After. Only the answers a limit is about count, so ordinary traffic never meets it.
 */
// First: it extends zod with .openapi(), which schemas need when their modules load.
import '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RATE_LIMITS, type RateLimits, RateLimitsSchema } from '../../shared/http/rate-limits';
import { intakeBody } from '../support/fixtures';
import { expectErrorShape, idempotencyKey } from './helpers';
import { inProcessApp } from './in-process-app';

const UNKNOWN = '01JZZZZZZZZZZZZZZZZZZZZZZZ';
const ADDRESS = 'x-test-client-address';

/** An app whose throttles have the given limits (the rest too high to matter), keyed by a test header. */
async function throttled(limits: Partial<RateLimits>) {
  const high = Object.fromEntries(Object.keys(DEFAULT_RATE_LIMITS).map((k) => [k, 10_000])) as RateLimits;
  const env = await inProcessApp({
    options: {
      throttle: { limits: { ...high, windowSeconds: 60, ...limits }, address: (c) => c.req.header(ADDRESS) },
    },
  });
  const from = (address: string, token?: string) => ({
    ...(token && { token }),
    headers: { [ADDRESS]: address },
  });
  return { ...env, from };
}

function expectThrottled(res: { status: number; body: unknown; headers: Headers }) {
  expect(res.status, JSON.stringify(res.body)).toBe(429);
  expectErrorShape(res.body, 'rate_limited');
  const retryAfter = Number(res.headers.get('retry-after'));
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  // The security headers are on throttled answers too.
  expect(res.headers.get('cache-control')).toBe('no-store');
}

describe('failed authentication, per address', () => {
  it('the sixth failure in the window is 429, and then even a good token from that address', async () => {
    const env = await throttled({ authFailuresPerIp: 5 });
    const good = await env.token(['intake']);
    for (let i = 0; i < 5; i++) {
      const res = await env.call('GET', '/v1/taxonomy', env.from('10.0.0.1', `not-a-token-${i}`));
      expect(res.status).toBe(401);
    }
    expectThrottled(await env.call('GET', '/v1/taxonomy', env.from('10.0.0.1', 'not-a-token')));
    expectThrottled(await env.call('GET', '/v1/taxonomy', env.from('10.0.0.1', good)));
    expectThrottled(await env.call('GET', '/admin/v1/tenants', env.from('10.0.0.1')));
    // Another address is not affected.
    expect((await env.call('GET', '/v1/taxonomy', env.from('10.0.0.2', good))).status).toBe(200);
    expect((await env.call('GET', '/v1/taxonomy', env.from('10.0.0.2', 'not-a-token'))).status).toBe(401);
  });

  it('successful and refused-for-role requests do not count', async () => {
    const env = await throttled({ authFailuresPerIp: 3 });
    const good = await env.token(['intake']);
    for (let i = 0; i < 20; i++) {
      expect((await env.call('GET', '/v1/taxonomy', env.from('10.0.0.3', good))).status).toBe(200);
      expect((await env.call('GET', '/admin/v1/tenants', env.from('10.0.0.3', good))).status).toBe(403);
    }
  });
});

describe('id guessing (404 bursts)', () => {
  it('per identity: the identity is throttled, its colleagues are not', async () => {
    const env = await throttled({ notFoundPerIdentity: 5 });
    const guesser = await env.token(['intake'], { sub: 'guesser' });
    const colleague = await env.token(['intake'], { sub: 'colleague' });
    for (let i = 0; i < 5; i++) {
      const res = await env.call('GET', `/v1/complaints/${UNKNOWN.slice(0, -1)}${i}`, env.from('10.0.1.1', guesser));
      expect(res.status).toBe(404);
    }
    expectThrottled(await env.call('GET', `/v1/complaints/${UNKNOWN}`, env.from('10.0.1.1', guesser)));
    // Locked out of everything for the window, from any address.
    expectThrottled(await env.call('GET', '/v1/complaints', env.from('10.0.1.9', guesser)));
    expect((await env.call('GET', `/v1/complaints/${UNKNOWN}`, env.from('10.0.1.1', colleague))).status).toBe(404);
    expect((await env.call('GET', '/v1/complaints', env.from('10.0.1.1', colleague))).status).toBe(200);
  });

  it('per address: many identities guessing from one address are throttled together', async () => {
    const env = await throttled({ notFoundPerIp: 4 });
    for (let i = 0; i < 4; i++) {
      const token = await env.token(['intake'], { sub: `guesser-${i}` });
      expect((await env.call('GET', `/v1/complaints/${UNKNOWN}`, env.from('10.0.2.1', token))).status).toBe(404);
    }
    const fresh = await env.token(['intake'], { sub: 'guesser-new' });
    expectThrottled(await env.call('GET', `/v1/complaints/${UNKNOWN}`, env.from('10.0.2.1', fresh)));
    expect((await env.call('GET', `/v1/complaints/${UNKNOWN}`, env.from('10.0.2.2', fresh))).status).toBe(404);
  });
});

describe('intake', () => {
  const register = (env: Awaited<ReturnType<typeof throttled>>, address: string, token: string) =>
    env.call('POST', '/v1/complaints', {
      token,
      body: intakeBody(),
      headers: { [ADDRESS]: address, 'Idempotency-Key': idempotencyKey() },
    });

  it('per identity: the fourth registration in the window is 429 and registers nothing', async () => {
    const env = await throttled({ intakePerIdentity: 3 });
    const clerk = await env.token(['intake'], { sub: 'clerk' });
    for (let i = 0; i < 3; i++) expect((await register(env, '10.0.3.1', clerk)).status).toBe(201);
    expectThrottled(await register(env, '10.0.3.1', clerk));
    const listed = await env.call('GET', '/v1/complaints?limit=100', env.from('10.0.3.1', clerk));
    expect(listed.body.items).toHaveLength(3);
    // Reading is not intake: the clerk can still work.
    expect(listed.status).toBe(200);
    expect((await register(env, '10.0.3.1', await env.token(['intake'], { sub: 'other-clerk' }))).status).toBe(201);
  });

  it('per address', async () => {
    const env = await throttled({ intakePerIp: 2 });
    for (let i = 0; i < 2; i++)
      expect((await register(env, '10.0.4.1', await env.token(['intake'], { sub: `c-${i}` }))).status).toBe(201);
    expectThrottled(await register(env, '10.0.4.1', await env.token(['intake'], { sub: 'c-new' })));
    expect((await register(env, '10.0.4.2', await env.token(['intake'], { sub: 'c-new' }))).status).toBe(201);
  });
});

describe('without throttles (REDRESS_RATE_LIMITS=off)', () => {
  it('a burst of failures is never 429', async () => {
    const env = await inProcessApp();
    for (let i = 0; i < 80; i++)
      expect((await env.call('GET', '/v1/taxonomy', { token: `bad-${i}` })).status).toBe(401);
  });
});

describe('REDRESS_RATE_LIMITS', () => {
  it('on, off, or limits changed by name', () => {
    expect(RateLimitsSchema.parse(undefined)).toEqual(DEFAULT_RATE_LIMITS);
    expect(RateLimitsSchema.parse('on')).toEqual(DEFAULT_RATE_LIMITS);
    expect(RateLimitsSchema.parse('off')).toBe('off');
    expect(RateLimitsSchema.parse('authFailuresPerIp=10, windowSeconds=30')).toEqual({
      ...DEFAULT_RATE_LIMITS,
      authFailuresPerIp: 10,
      windowSeconds: 30,
    });
  });

  it.each(['nonsense', 'authFailuresPerIp=0', 'authFailuresPerIp=x', 'unknown=5'])(
    '%s is refused with a clear message',
    (v) => {
      const r = RateLimitsSchema.safeParse(v);
      expect(r.success).toBe(false);
      expect(r.error?.issues[0]?.message).toMatch(/REDRESS_RATE_LIMITS: .* is not <name>=<positive integer>/);
    },
  );
});
