/**
 * The OpenID sign-in as `npm start` composes it: the regulator's IdP and the public URL from the
 * environment, each institution's IdP set through the operator's API, against a real
 * `oidc-provider` on loopback; the development sign-in beside it on this machine.
 */
// First: it extends zod with .openapi(), which schemas need when their modules load (seed.ts's among them).
import '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../infra/local/processes/free-port';
import { DEMO_TENANTS } from '../../infra/local/tools/seed';
import { type InProcessRuntime, startInProcess } from '../support/in-process-runtime';
import { startTestIdp, type TestIdp } from '../support/oidc-idp';
import { continueTarget, oidcPages, setCookies } from '../support/oidc-web';

let idp: TestIdp;
let server: InProcessRuntime;
let pages: ReturnType<typeof oidcPages>;

beforeAll(async () => {
  idp = await startTestIdp();
  idp.accounts.set('hana', { roles: ['supervisor'] });
  idp.accounts.set('rita', { roles: ['regulator'] });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  await idp.start([
    { clientId: 'demo-console', clientSecret: 'demo-secret', redirectUri: `${base}/console/sign-in/oidc/callback` },
    { clientId: 'portal', clientSecret: 'portal-secret', redirectUri: `${base}/portal/sign-in/oidc/callback` },
  ]);
  server = await startInProcess({
    env: {
      PORT: String(port),
      REDRESS_DYNAMODB_STORAGE: 'memory',
      REDRESS_PUBLIC_URL: base,
      REDRESS_REGULATOR_OIDC_ISSUER: idp.issuer,
      REDRESS_REGULATOR_OIDC_CLIENT_ID: 'portal',
      REDRESS_REGULATOR_OIDC_CLIENT_SECRET: 'portal-secret',
    },
    // The IdP redirects a browser back to REDRESS_PUBLIC_URL: the app must answer on that port.
    listen: true,
  });
  pages = oidcPages((url, init) => fetch(url, init), server.url);
});
afterAll(async () => {
  await server?.stop();
  await idp?.close();
});

describe('the local runtime’s OpenID sign-in', () => {
  it('signs the regulator in to the portal with the IdP from the environment', async () => {
    const page = await (await pages.get('/portal/sign-in')).text();
    expect(page).toContain('/portal/sign-in/oidc/start');
    const res = await pages.signIn(idp, '/portal/sign-in/oidc/start', 'rita');
    expect(res.status).toBe(200);
    expect(continueTarget(await res.text())).toBe('/portal');
    const session = setCookies(res).get('redress_portal');
    expect((await pages.get('/portal', `redress_portal=${session?.value}`)).status).toBe(200);
  });

  it('signs a seeded institution’s supervisor in to the console once the operator set its IdP', async () => {
    const operator = await server.token({ roles: ['platform-admin'], sub: 'op-1' });
    expect((await pages.get('/console/sign-in/oidc/start?tenant=demo-bank')).status).toBe(404);
    const set = await server.call('PUT', '/admin/v1/tenants/demo-bank/sign-in', {
      token: operator,
      body: { issuer: idp.issuer, clientId: 'demo-console', clientSecret: 'demo-secret' },
    });
    expect(set.status).toBe(200);
    const page = await (await pages.get('/console/sign-in')).text();
    expect(page).toContain('/console/sign-in/oidc/start');
    expect(page).toContain('/console/sign-in/dev');
    const res = await pages.signIn(idp, '/console/sign-in/oidc/start?tenant=demo-bank', 'hana');
    expect(res.status).toBe(200);
    const session = setCookies(res).get('redress_console');
    const queue = await pages.get('/console', `redress_console=${session?.value}`);
    expect(queue.status).toBe(200);
    // The header names the user and the institution the seed gave demo-bank.
    expect(await queue.text()).toContain(`hana · ${DEMO_TENANTS[0]!.tenant.name}`);
    // Nothing of the flow in the log but codes: no secret, no code, no token.
    expect(server.output()).not.toContain('demo-secret');
    expect(server.output()).not.toContain('portal-secret');
  });
});
