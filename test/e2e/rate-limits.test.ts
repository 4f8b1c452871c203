/**
 * Throttling on the real process (`npm start`'s entry point): limits are on by default, keyed by
 * the socket's address, and REDRESS_RATE_LIMITS changes them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../support/local-server';

let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ env: { REDRESS_RATE_LIMITS: 'authFailuresPerIp=3' } });
});
afterAll(async () => {
  await server?.stop();
});

describe('failed authentication from one address', () => {
  it('is 429 with Retry-After once over the limit, in the error shape', async () => {
    for (let i = 0; i < 3; i++)
      expect((await server.call('GET', '/v1/taxonomy', { token: `forged-${i}` })).status).toBe(401);
    const res = await server.call('GET', '/v1/taxonomy', { token: 'forged' });
    expect(res.status).toBe(429);
    expect(res.body).toMatchObject({ error: { code: 'rate_limited', message: expect.stringMatching(/retry after/) } });
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // The log says what was throttled, with no token in it.
    expect(server.output()).toMatch(/"msg":"rate limited".*"limiter":"auth-ip"/);
    expect(server.output()).not.toContain('forged');
  });

  it('the development routes are not throttled by it', async () => {
    expect((await server.call('GET', '/health')).status).toBe(200);
    expect(await server.token({ roles: ['platform-admin'] })).toEqual(expect.any(String));
  });
});
