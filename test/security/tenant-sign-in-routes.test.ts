/**
 * The operator's routes for each institution's identity provider: only the operator may read or
 * set one, the client secret is never answered back nor kept in clear, and one tenant's
 * configuration neither changes nor decrypts as another's.
 */
// First: it extends zod with .openapi(), which schemas need when their modules load.
import '@hono/zod-openapi';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { tenantOidcClient } from '../../shared/application/tenant-sign-in';
import { controlPlaneTable } from '../../shared/store/table-names';
import { testTenant } from '../support/test-platform';
import { expectErrorShape } from './helpers';
import { type InProcessApp, inProcessApp } from './in-process-app';

const SECRET = 'sUp3r-s3cret-of-bank-a';
const config = (o: Record<string, unknown> = {}) => ({
  issuer: 'https://idp.bank-a.example',
  clientId: 'redress-console',
  clientSecret: SECRET,
  ...o,
});

let env: InProcessApp;
let operator: string;
const path = (id: string) => `/admin/v1/tenants/${id}/sign-in`;
const put = (id: string, body: unknown, token = operator) => env.call('PUT', path(id), { token, body });
const get = (id: string, token = operator) => env.call('GET', path(id), { token });
const item = async (id: string) =>
  (
    await env.platform.db.send(
      new GetCommand({ TableName: controlPlaneTable(env.platform.naming), Key: { pk: `TENANT#${id}`, sk: 'SIGN_IN' } }),
    )
  ).Item;

beforeAll(async () => {
  env = await inProcessApp();
  await testTenant(env.platform, { id: 'bank-b', name: 'Bank B' });
  operator = await env.token(['platform-admin'], { tenantId: null, sub: 'op-1' });
});

describe('who may read and set an institution’s sign-in', () => {
  it('the operator only: every staff role of the tenant itself, and the regulator, get 403', async () => {
    expect((await put('bank-a', config())).status).toBe(200);
    for (const roles of [['admin'], ['supervisor'], ['handler'], ['intake'], ['admin', 'pii:read']]) {
      const token = await env.token(roles);
      for (const res of [await get('bank-a', token), await put('bank-a', config({ clientId: 'evil' }), token)]) {
        expect(res.status).toBe(403);
        expectErrorShape(res.body);
      }
    }
    const regulator = await env.token(['regulator'], { tenantId: null });
    expect((await get('bank-a', regulator)).status).toBe(403);
    expect((await put('bank-a', config(), regulator)).status).toBe(403);
    expect((await env.call('GET', path('bank-a'))).status).toBe(401);
    expect((await get('bank-a')).body).toMatchObject({ clientId: 'redress-console' });
  });
});

describe('the client secret', () => {
  it('is never answered back, and is stored encrypted with the tenant’s key', async () => {
    const set = await put('bank-a', config());
    expect(set.status).toBe(200);
    expect(set.body).toEqual({
      issuer: 'https://idp.bank-a.example',
      clientId: 'redress-console',
      clientSecretSet: true,
      rolesClaim: 'roles',
      allowedGrants: ['intake', 'handler', 'supervisor', 'admin', 'pii:read'],
      updatedAt: expect.any(String),
    });
    const read = await get('bank-a');
    expect(read.text).not.toContain(SECRET);
    expect(set.text).not.toContain(SECRET);
    const stored = await item('bank-a');
    expect(JSON.stringify(stored)).not.toContain(SECRET);
    expect((await tenantOidcClient(env.platform, 'bank-a'))?.clientSecret).toBe(SECRET);
    // Nor does it come with the tenant record or its listing.
    const tenants = await env.call('GET', '/admin/v1/tenants', { token: operator });
    expect(tenants.text).not.toContain('clientSecret');
  });

  it('stays when a change leaves it out, and is required the first time', async () => {
    await put('bank-a', config());
    const changed = await put('bank-a', {
      issuer: 'https://idp.bank-a.example',
      clientId: 'renamed',
      rolesClaim: 'groups',
    });
    expect(changed.status).toBe(200);
    expect((await tenantOidcClient(env.platform, 'bank-a'))?.clientSecret).toBe(SECRET);
    await testTenant(env.platform, { id: 'bank-n', name: 'Bank N' });
    const first = await put('bank-n', { issuer: 'https://idp.bank-n.example', clientId: 'c' });
    expect(first.status).toBe(422);
    expectErrorShape(first.body, 'client_secret_required');
  });

  it('does not decrypt as another tenant’s (a ciphertext copied across tenants is refused)', async () => {
    await put('bank-a', config());
    await put('bank-b', config({ clientId: 'b-console', clientSecret: 'secret-of-b' }));
    const ofA = await item('bank-a');
    await env.platform.db.send(
      new PutCommand({
        TableName: controlPlaneTable(env.platform.naming),
        Item: { ...(await item('bank-b')), clientSecretEnc: ofA?.clientSecretEnc },
      }),
    );
    await expect(tenantOidcClient(env.platform, 'bank-b')).rejects.toThrow();
    await put('bank-b', config({ clientId: 'b-console', clientSecret: 'secret-of-b' }));
  });
});

describe('one tenant’s configuration', () => {
  it('leaves the other’s as it was', async () => {
    await put('bank-a', config());
    await put('bank-b', config({ issuer: 'https://login.bank-b.example', clientId: 'b', clientSecret: 'sb' }));
    expect((await get('bank-a')).body).toMatchObject({
      issuer: 'https://idp.bank-a.example',
      clientId: 'redress-console',
    });
    expect((await get('bank-b')).body).toMatchObject({ issuer: 'https://login.bank-b.example', clientId: 'b' });
  });
});

describe('what is refused', () => {
  it.each([
    ['a plain-HTTP issuer off this machine', { issuer: 'http://idp.bank-a.example' }],
    ['an issuer with a query', { issuer: 'https://idp.bank-a.example/?tenant=b' }],
    ['an issuer that is no URL', { issuer: 'idp.bank-a.example' }],
    ['a grant an institution may not give', { allowedGrants: ['handler', 'regulator'] }],
    ['platform-admin as a grant', { allowedGrants: ['platform-admin'] }],
    ['no grant at all', { allowedGrants: [] }],
    ['a roles claim with odd characters', { rolesClaim: 'roles[0]' }],
    ['an unknown field', { tenantId: 'bank-b' }],
  ])('%s: 400', async (_name, o) => {
    const res = await put('bank-a', config(o));
    expect(res.status).toBe(400);
    expectErrorShape(res.body);
  });

  it('an unknown tenant: 404 on both routes; a tenant without one: 404 on GET', async () => {
    expect((await put('no-such-bank', config())).status).toBe(404);
    expect((await get('no-such-bank')).status).toBe(404);
    await testTenant(env.platform, { id: 'bank-x', name: 'Bank X' });
    const none = await get('bank-x');
    expect(none.status).toBe(404);
    expectErrorShape(none.body, 'not_found');
  });

  it('accepts plain HTTP on loopback (development and tests)', async () => {
    expect((await put('bank-b', config({ issuer: 'http://127.0.0.1:4000' }))).status).toBe(200);
    expect((await put('bank-b', config({ issuer: 'http://localhost:4000/realms/b' }))).status).toBe(200);
  });
});
