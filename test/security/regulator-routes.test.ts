import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESCRIPTION_REDACTED, intakeBody } from '../support/fixtures';
import { type InProcessRuntime, startInProcess } from '../support/in-process-runtime';
import { createComplaint, expectErrorShape, insurerIntakeBody, keysOf, leaks } from './helpers';

let server: InProcessRuntime;
let bankComplaint: string;
let insurerComplaint: string;
beforeAll(async () => {
  server = await startInProcess();
  // Complaints with personal data (in the description too) exist, so a leak into the regulator's view would show.
  bankComplaint = (
    await createComplaint(
      server,
      await server.token({ tenantId: 'demo-bank', roles: ['intake'] }),
      intakeBody({ agent: { name: '王大明', relationship: 'agent', phone: '13800001111' } }),
    )
  ).id;
  insurerComplaint = (
    await createComplaint(
      server,
      await server.token({ tenantId: 'demo-insurer', roles: ['intake'] }),
      insurerIntakeBody(),
    )
  ).id;
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

  describe("an institution's complaints", () => {
    const regulator = () => server.token({ roles: ['regulator'], sub: 'nfra-1' });
    const PERSON_KEYS = ['complainant', 'agent', 'complainantMasked', 'consumerKey', 'descriptionEnc'];

    it('are listed with the description redacted and no complainant or agent at all', async () => {
      const res = await server.call('GET', '/regulator/v1/institutions/demo-bank/complaints?status=received', {
        token: await regulator(),
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const mine = res.body.items.find((c: { id: string }) => c.id === bankComplaint);
      expect(mine).toMatchObject({ description: DESCRIPTION_REDACTED, descriptionMasked: true, status: 'received' });
      expect([...keysOf(res.body)].filter((k) => PERSON_KEYS.includes(k))).toEqual([]);
      expect(leaks(JSON.stringify(res.body))).toEqual([]);
      expect(JSON.stringify(res.body)).not.toContain('13800001111');
    });

    it('are read one by one the same way, even by a regulator token that carries pii:read', async () => {
      for (const token of [await regulator(), await server.token({ roles: ['regulator', 'pii:read'] })]) {
        const res = await server.call('GET', `/regulator/v1/institutions/demo-bank/complaints/${bankComplaint}`, {
          token,
        });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        expect(res.body).toMatchObject({
          id: bankComplaint,
          description: DESCRIPTION_REDACTED,
          waitingFor: expect.any(String),
        });
        expect([...keysOf(res.body)].filter((k) => PERSON_KEYS.includes(k))).toEqual([]);
        expect(leaks(JSON.stringify(res.body))).toEqual([]);
      }
    });

    it("are found only under their own institution: another's id is 404, as is an unknown institution", async () => {
      const token = await regulator();
      const crossed = await server.call('GET', `/regulator/v1/institutions/demo-bank/complaints/${insurerComplaint}`, {
        token,
      });
      expect(crossed.status).toBe(404);
      expectErrorShape(crossed.body, 'not_found');
      const own = await server.call('GET', `/regulator/v1/institutions/demo-insurer/complaints/${insurerComplaint}`, {
        token,
      });
      expect(own.status).toBe(200);
      for (const path of [
        '/regulator/v1/institutions/no-such-bank/complaints',
        `/regulator/v1/institutions/no-such-bank/complaints/${bankComplaint}`,
      ]) {
        const res = await server.call('GET', path, { token });
        expect(res.status, path).toBe(404);
        expectErrorShape(res.body);
      }
    });

    it.each([
      [
        "the institution's own staff, with pii:read",
        { tenantId: 'demo-bank', roles: ['supervisor', 'admin', 'pii:read'] },
      ],
      ["another institution's staff", { tenantId: 'demo-insurer', roles: ['handler', 'pii:read'] }],
      ['the platform operator', { roles: ['platform-admin'] }],
    ])('refuse %s with 403', async (_who, claims) => {
      const token = await server.token(claims);
      for (const path of [
        '/regulator/v1/institutions/demo-bank/complaints',
        `/regulator/v1/institutions/demo-bank/complaints/${bankComplaint}`,
      ]) {
        const res = await server.call('GET', path, { token });
        expect(res.status, path).toBe(403);
        expectErrorShape(res.body, 'forbidden');
      }
    });
  });

  it('need a token', async () => {
    expect((await server.call('GET', '/regulator/v1/institutions')).status).toBe(401);
  });
});
