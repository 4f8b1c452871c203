import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../support/local-server';
import { createComplaint, expectErrorShape, leaks } from './helpers';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
  // A complaint with personal data exists, so a leak into the regulator's view would show.
  await createComplaint(server, await server.token({ tenantId: 'demo-bank', roles: ['intake'] }));
});
afterAll(async () => {
  await server?.stop();
});

describe('regulator routes', () => {
  it('list every institution to the regulator, with no personal data and no internal fields', async () => {
    const res = await server.call('GET', '/regulator/v1/institutions', {
      token: await server.token({ roles: ['regulator'], sub: 'nfra-1' }),
    });
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { id: string }) => i.id).sort()).toEqual(['demo-bank', 'demo-insurer']);
    for (const item of res.body.items)
      expect(Object.keys(item).sort()).toEqual(['id', 'kind', 'name', 'policy', 'status']);
    expect(leaks(JSON.stringify(res.body))).toEqual([]);
  });

  it.each([
    [
      'tenant staff (every role, with pii:read)',
      { tenantId: 'demo-bank', roles: ['intake', 'handler', 'supervisor', 'admin', 'pii:read'] },
    ],
    ['the platform operator', { roles: ['platform-admin'] }],
  ])('refuse %s with 403', async (_who, claims) => {
    const res = await server.call('GET', '/regulator/v1/institutions', { token: await server.token(claims) });
    expect(res.status).toBe(403);
    expectErrorShape(res.body, 'forbidden');
  });

  it('refuse the regulator on tenant and admin routes (read-only across institutions, nothing else)', async () => {
    const regulator = await server.token({ roles: ['regulator'] });
    for (const [method, path] of [
      ['GET', '/v1/complaints'],
      ['GET', '/v1/units'],
      ['GET', '/admin/v1/tenants'],
      ['POST', '/admin/v1/tenants/demo-bank/suspend'],
    ] as const) {
      const res = await server.call(method, path, { token: regulator });
      expect(res.status, `${method} ${path}`).toBe(403);
    }
  });

  it('need a token', async () => {
    expect((await server.call('GET', '/regulator/v1/institutions')).status).toBe(401);
  });
});
