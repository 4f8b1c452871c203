/**
 * GET /v1/access-log: the reveals of personal data in the console, for the institution's
 * administrator only, within its own tenant, with the same sealed cursors as every other list.
 */
import '@hono/zod-openapi';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerComplaint } from '../../shared/application/intake';
import { IntakeSchema } from '../../shared/domain/complaint/intake-schema';
import { intakeBody, principal } from '../support/fixtures';
import { testTenant } from '../support/test-platform';
import { type WebApp, webApp } from '../support/web-app';
import { expectErrorShape, leaks } from './helpers';

let w: WebApp;
let reference: string;

beforeAll(async () => {
  w = await webApp();
  await testTenant(w.platform, { id: 'bank-b', name: 'Bank B' });
  const { complaint } = await registerComplaint(
    w.platform,
    w.tenant,
    principal('bank-a', ['intake']),
    IntakeSchema.parse(intakeBody()),
    'access-log-api',
  );
  reference = complaint.reference;
  for (const fields of [['phone'], ['name', 'idNumber'], ['description']]) {
    const res = await w.page('POST', `/console/complaints/${complaint.id}/reveal`, {
      principal: principal('bank-a', ['handler', 'pii:read'], 'api-viewer'),
      form: { 'fields[]': fields },
    });
    expect(res.status).toBe(200);
  }
});

describe('GET /v1/access-log', () => {
  it('gives the admin the reveals, newest first, naming fields and never their values', async () => {
    const res = await w.call('GET', '/v1/access-log', { token: await w.token(['admin']) });
    expect(res.status).toBe(200);
    expect(res.body.items.map((e: { fields: string[] }) => e.fields)).toEqual([
      ['description'],
      ['name', 'idNumber'],
      ['phone'],
    ]);
    expect(res.body.items[0]).toMatchObject({ sub: 'api-viewer', reference });
    expect(res.body.nextCursor).toBeNull();
    expect(leaks(res.text)).toEqual([]);
  });

  it('pages with sealed cursors that open only for the same tenant and query', async () => {
    const admin = await w.token(['admin']);
    const first = await w.call('GET', '/v1/access-log?limit=2', { token: admin });
    expect(first.body.items).toHaveLength(2);
    const second = await w.call('GET', `/v1/access-log?limit=2&cursor=${first.body.nextCursor}`, { token: admin });
    expect(second.status).toBe(200);
    expect(second.body.items.map((e: { fields: string[] }) => e.fields)).toEqual([['phone']]);
    const otherTenant = await w.token(['admin'], { tenantId: 'bank-b' });
    const stolen = await w.call('GET', `/v1/access-log?limit=2&cursor=${first.body.nextCursor}`, {
      token: otherTenant,
    });
    expect(stolen.status).toBe(400);
    expectErrorShape(stolen.body, 'invalid_cursor');
  });

  it("shows another institution's admin nothing of this one", async () => {
    const res = await w.call('GET', '/v1/access-log', { token: await w.token(['admin'], { tenantId: 'bank-b' }) });
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([]);
  });

  it('refuses every other role, and pii:read does not help', async () => {
    for (const roles of [['intake'], ['handler', 'pii:read'], ['supervisor', 'pii:read'], ['pii:read']]) {
      const res = await w.call('GET', '/v1/access-log', { token: await w.token(roles) });
      expect(res.status, roles.join()).toBe(403);
      expectErrorShape(res.body);
    }
    const regulator = await w.call('GET', '/v1/access-log', {
      token: await w.token(['regulator'], { tenantId: null }),
    });
    expect(regulator.status).toBe(403);
  });

  it('answers 400 for a malformed month', async () => {
    const res = await w.call('GET', '/v1/access-log?month=2026-13', { token: await w.token(['admin']) });
    expect(res.status).toBe(400);
    expectErrorShape(res.body);
  });
});
