/**
 * OpenID Connect sign-in in chromium, through a real `oidc-provider`'s own login and consent pages.
 * The app is visited as `localhost`, the provider is `127.0.0.1`: another site, so the provider's
 * redirect back is a cross-site navigation, as with any institution's IdP, and the SameSite=Strict
 * session cookie must still arrive with the first page after it.
 */
import '@hono/zod-openapi';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ISSUER_GRANTS } from '../../shared/auth/roles';
import { institutionSignIn, regulatorSignIn } from '../../shared/web/auth/oidc-sign-in';
import { SESSION_SECONDS } from '../../shared/web/session';
import { startTestIdp, type TestIdp } from '../support/oidc-idp';
import { webApp } from '../support/web-app';
import { expectAccessible, launchBrowser, screenshot } from './support/browser';

let browser: Browser;
let idp: TestIdp;
let w: Awaited<ReturnType<typeof webApp>>;
let server: { url: string; close: () => Promise<void> };
let app: string;
let now = Date.now();

beforeAll(async () => {
  idp = await startTestIdp();
  idp.accounts.set('alice', { roles: ['handler', 'pii:read', 'regulator'], tenant_id: 'someone-else' });
  idp.accounts.set('rita', { roles: ['regulator'] });
  w = await webApp({
    now: () => now,
    signIn: [
      institutionSignIn(),
      regulatorSignIn({
        issuer: idp.issuer,
        clientId: 'portal',
        clientSecret: 'secret-p',
        rolesClaim: 'roles',
        allowedGrants: ISSUER_GRANTS.regulator,
      }),
    ],
  });
  server = await w.listen();
  app = server.url.replace('127.0.0.1', 'localhost');
  await idp.start([
    { clientId: 'console-a', clientSecret: 'secret-a', redirectUri: `${app}/console/sign-in/oidc/callback` },
    { clientId: 'portal', clientSecret: 'secret-p', redirectUri: `${app}/portal/sign-in/oidc/callback` },
  ]);
  const operator = await w.token(['platform-admin'], { tenantId: null });
  const set = await w.call('PUT', `/admin/v1/tenants/${w.tenant.id}/sign-in`, {
    token: operator,
    body: { issuer: idp.issuer, clientId: 'console-a', clientSecret: 'secret-a' },
  });
  expect(set.status).toBe(200);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await idp?.close();
});

/** Errors (CSP refusals among them) raised by our own pages; the provider's pages are not ours to judge. */
function ownPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && m.location().url.startsWith(app)) errors.push(m.text());
  });
  return errors;
}

/** The provider's own pages, as a person uses them: any login and password, then consent. */
async function atTheProvider(page: Page, login: string, shot?: string) {
  await page.waitForURL((u) => u.origin === idp.issuer);
  await page.fill('input[name="login"]', login);
  await page.fill('input[name="password"]', 'correct horse');
  if (shot) await screenshot(page, shot);
  await page.click('button[type="submit"]');
  await page.waitForSelector('input[name="prompt"][value="consent"]', { state: 'attached' });
  await page.click('button[type="submit"]');
}

describe('console sign-in with the institution’s IdP (chromium)', () => {
  it('goes through the provider’s login and consent and lands signed in, on the page asked for', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = ownPageErrors(page);
    await page.goto(`${app}/console?view=mine`);
    expect(new URL(page.url()).pathname).toBe('/console/sign-in');
    await expectAccessible(page);
    await screenshot(page, 'console-sign-in-oidc');
    await page.fill('#oidc-tenant', w.tenant.id);
    await page.click('form[action$="/sign-in/oidc/start"] button[type="submit"]');
    await atTheProvider(page, 'alice', 'oidc-provider-login');
    await page.waitForURL(`${app}/console?view=mine`);
    // The tenant of the configuration that started the flow, not the one the token named.
    await expect.poll(() => page.textContent('.who')).toContain(`alice · ${w.tenant.name}`);
    // A handler's navigation: the queue and intake, not the institution's admin pages.
    const nav = await page.locator('.site-header nav a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(nav).toEqual(['/console', '/console/intake', '/console/referrals']);
    await expectAccessible(page);
    await screenshot(page, 'console-signed-in-oidc');
    const cookies = await context.cookies(`${app}/console/sign-in/oidc/callback`);
    expect(cookies.find((c) => c.name === 'redress_console')).toMatchObject({
      httpOnly: true,
      sameSite: 'Strict',
      path: '/console',
    });
    // The flow's checks were spent at the callback.
    expect(cookies.find((c) => c.name === 'redress_console_oidc')).toBeUndefined();
    expect(errors).toEqual([]);

    // The session's time runs out: back at sign-in, told so.
    now += (SESSION_SECONDS + 1) * 1000;
    await page.goto(`${app}/console`);
    expect(new URL(page.url()).pathname).toBe('/console/sign-in');
    await expect.poll(() => page.textContent('.notice')).toContain('登录已过期');
    await expectAccessible(page);
    now = Date.now();
    await context.close();
  });

  it('sends an unknown institution code back with a message, not to any IdP', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app}/console/sign-in`);
    await page.fill('#oidc-tenant', 'no-such-bank');
    await page.click('form[action$="/sign-in/oidc/start"] button[type="submit"]');
    await expect.poll(() => page.textContent('.notice')).toContain('no-such-bank');
    expect(new URL(page.url()).origin).toBe(app);
    await expectAccessible(page);
    await context.close();
  });
});

describe('portal sign-in with the regulator’s IdP (chromium)', () => {
  it('signs a regulator in to the portal', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = ownPageErrors(page);
    await page.goto(`${app}/portal`);
    expect(new URL(page.url()).pathname).toBe('/portal/sign-in');
    await expectAccessible(page);
    await page.click('a[href^="/portal/sign-in/oidc/start"]');
    await atTheProvider(page, 'rita');
    await page.waitForURL(`${app}/portal`);
    await expect.poll(() => page.textContent('.who')).toContain('rita');
    await expectAccessible(page);
    await screenshot(page, 'portal-signed-in-oidc');
    // A regulator's session is for the portal only.
    await page.goto(`${app}/console`);
    expect(new URL(page.url()).pathname).toBe('/console/sign-in');
    expect(errors).toEqual([]);
    await context.close();
  });
});
