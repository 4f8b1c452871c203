/**
 * The regulator supervises and never changes anything: every mutating operation of the whole API
 * (from the OpenAPI document, so a route added later is swept too), and every other method on every
 * path, is refused to a regulator token — with real ids in the path and a body the route would
 * accept from its own staff, so the refusal is the role's and not a 404 on a made-up id.
 */
import '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { intakeBody } from '../support/fixtures';
import { testTenant } from '../support/test-platform';
import { webApp } from '../support/web-app';
import { idempotencyKey } from './helpers';
import { inProcessApp } from './in-process-app';

const env = await inProcessApp();
await testTenant(env.platform, { id: 'bank-b', name: 'Bank B' });
const staff = await env.token(['intake', 'handler', 'supervisor', 'admin', 'pii:read'], { sub: 'ro-staff' });
const regulators = {
  regulator: await env.token(['regulator'], { tenantId: null, sub: 'nfra-1' }),
  'regulator with every other grant it might be given': await env.token(['regulator', 'pii:read'], {
    tenantId: null,
    sub: 'nfra-2',
  }),
};
const complaintId = (
  await env.call('POST', '/v1/complaints', {
    token: staff,
    body: intakeBody(),
    headers: { 'Idempotency-Key': idempotencyKey() },
  })
).body.id as string;
const doc = (await env.call('GET', '/openapi.json')).body as {
  paths: Record<string, Record<string, { operationId?: string }>>;
};

/** Real values for each path parameter the document names. */
const PARAMS: Record<string, string> = {
  id: complaintId,
  tenantId: env.tenant.id,
  file: '2026Q4.csv',
  year: '2027',
  calendar: 'cn',
  endpointId: '01AAAAAAAAAAAAAAAAAAAAAAAA',
  deliveryId: '01AAAAAAAAAAAAAAAAAAAAAAAA',
  partnerTenantId: 'demo-insurer',
  period: '2026Q4',
};
const fill = (path: string) =>
  path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    if (!(name in PARAMS)) throw new Error(`no value for path parameter ${name} in ${path}: add one`);
    return PARAMS[name]!;
  });

const MUTATING = ['post', 'put', 'patch', 'delete'] as const;
const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
  Object.entries(ops).map(([method, op]) => ({ method, path, op })),
);

describe('the regulator is read-only at the HTTP layer', () => {
  it('the document lists mutating routes to sweep, and every operation has an operationId', () => {
    expect(operations.filter((o) => MUTATING.includes(o.method as never)).length).toBeGreaterThan(15);
    expect(operations.filter((o) => !o.op.operationId).map((o) => `${o.method} ${o.path}`)).toEqual([]);
  });

  it('the regulator surface itself has only GET operations', () => {
    const regulatorOps = operations.filter((o) => o.path.startsWith('/regulator/'));
    expect(regulatorOps.length).toBeGreaterThanOrEqual(7);
    expect(regulatorOps.filter((o) => o.method !== 'get').map((o) => `${o.method} ${o.path}`)).toEqual([]);
  });

  it.each(Object.entries(regulators))(
    'every POST, PUT, PATCH and DELETE of every path is refused to the %s',
    async (_who, token) => {
      const refused: string[] = [];
      for (const path of Object.keys(doc.paths)) {
        for (const method of MUTATING) {
          const res = await env.app.request(fill(path), {
            method: method.toUpperCase(),
            headers: {
              Authorization: `Bearer ${token}`,
              'Content-Type': 'application/json',
              'Idempotency-Key': idempotencyKey(),
              'If-Match': '1',
            },
            body: JSON.stringify(path === '/v1/complaints' ? intakeBody() : {}),
          });
          expect([403, 404, 405], `${method} ${path}: ${res.status}`).toContain(res.status);
          if (doc.paths[path]![method]) refused.push(`${method} ${path} ${res.status}`);
        }
      }
      // The routes that exist for these methods are refused for the role (403), not for a missing id.
      expect(refused.length).toBeGreaterThan(15);
      expect(refused.filter((r) => !r.endsWith(' 403'))).toEqual([]);
      // Nothing changed: the complaint is where the staff left it, and no complaint was added.
      const after = await env.call('GET', `/v1/complaints/${complaintId}`, { token: staff });
      expect(after.body).toMatchObject({ status: 'received', version: 1 });
      const list = await env.call('GET', '/v1/complaints', { token: staff });
      expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([complaintId]);
    },
  );
});

/** Every page of the portal, with real ids: none of them takes a POST, PUT, PATCH or DELETE. */
const PORTAL_PAGES = [
  '/portal',
  '/portal?period=2026Q4',
  `/portal/institutions/${env.tenant.id}`,
  `/portal/institutions/${env.tenant.id}/complaints/${complaintId}`,
  '/portal/forwarded',
  '/portal/returns',
  '/portal/returns/2026Q4.csv',
  '/portal/lang',
  '/portal/anything-else',
];

describe('the regulator is read-only in the portal', () => {
  it('every POST, PUT, PATCH and DELETE under /portal with a regulator session (and its CSRF token) is refused, but sign-out', async () => {
    const web = await webApp({ sharing: env });
    const regulator = { sub: 'nfra-1', roles: ['regulator'], issuer: 'http://localhost/dev' };
    const { value, session } = await web.sessions.seal(regulator, 'portal');
    for (const path of PORTAL_PAGES) {
      const get = await web.page('GET', path.replace('/lang', '/lang?to=en'), { principal: regulator });
      expect(get.status, path).toBe(path.endsWith('anything-else') ? 404 : path.endsWith('/lang') ? 303 : 200);
      for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
        const res = await web.app.request(`http://localhost${path}`, {
          method,
          headers: {
            Host: 'localhost',
            Origin: 'http://localhost',
            Cookie: `redress_portal=${value}`,
            'Content-Type': 'application/x-www-form-urlencoded',
            'X-CSRF-Token': session.csrf,
          },
          body: new URLSearchParams({ _csrf: session.csrf }).toString(),
        });
        expect([404, 405], `${method} ${path}: ${res.status}`).toContain(res.status);
      }
    }
    const out = await web.page('POST', '/portal/sign-out', { principal: regulator });
    expect(out.status).toBe(303);
    const after = await env.call('GET', `/v1/complaints/${complaintId}`, { token: staff });
    expect(after.body).toMatchObject({ status: 'received', version: 1 });
  });
});
