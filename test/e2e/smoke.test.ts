import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../support/local-server';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

describe('the platform as npm start starts it', () => {
  it('seeds the two demo institutions with their unit hierarchies', async () => {
    const admin = await server.token({ roles: ['platform-admin'] });
    const tenants = await server.call('GET', '/admin/v1/tenants', { token: admin });
    expect(tenants.status).toBe(200);
    expect(tenants.body.items.map((t: { id: string; kind: string }) => `${t.id}:${t.kind}`).sort()).toEqual([
      'demo-bank:bank',
      'demo-insurer:insurer',
    ]);
    const staff = await server.token({ tenantId: 'demo-insurer', roles: ['intake'] });
    const units = await server.call('GET', '/v1/units', { token: staff });
    expect(units.body.units.map((u: { id: string }) => u.id)).toEqual([
      'head-office',
      'guangdong-branch',
      'shenzhen-sub-branch',
    ]);
  });
});
