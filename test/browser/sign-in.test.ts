import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webApp } from '../support/web-app';
import { collectPageErrors, devSignIn, expectAccessible, launchBrowser, screenshot } from './support/browser';

describe('signing in to the console and the portal (chromium)', () => {
  let browser: Browser;
  let server: { url: string; close: () => Promise<void> };
  let tenantId: string;

  beforeAll(async () => {
    const w = await webApp();
    tenantId = w.tenant.id;
    server = await w.listen();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('sends an anonymous visitor to the sign-in page, and back to the page asked for after signing in', async () => {
    const page = await browser.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${server.url}/console?view=mine`);
    expect(new URL(page.url()).pathname).toBe('/console/sign-in');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await expectAccessible(page);
    await screenshot(page, 'console-sign-in');
    await devSignIn(page, server.url, { audience: 'console', tenantId, grants: ['handler'], sub: 'h-1' });
    expect(page.url()).toBe(`${server.url}/console?view=mine`);
    await expect.poll(() => page.textContent('.who')).toContain('h-1');
    const cookie = (await page.context().cookies()).find((c) => c.name === 'redress_console');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/console' });
    expect(errors).toEqual([]);
  });

  it('switches the language and keeps it, then signs out', async () => {
    const page = await browser.newPage();
    const errors = collectPageErrors(page);
    await devSignIn(page, server.url, { audience: 'console', tenantId, grants: ['supervisor'] });
    await page.click('a[hreflang="en"]');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await expect.poll(() => page.textContent('nav')).toContain('Work queue');
    await expectAccessible(page);
    await page.click('button:has-text("Sign out")');
    expect(new URL(page.url()).pathname).toBe('/console/sign-in');
    await page.goto(`${server.url}/console`);
    expect(new URL(page.url()).pathname).toBe('/console/sign-in');
    expect(errors).toEqual([]);
  });

  it('gives the regulator the portal, not the console', async () => {
    const page = await browser.newPage();
    await devSignIn(page, server.url, { audience: 'portal', grants: ['regulator'], sub: 'reg-1' });
    expect(new URL(page.url()).pathname).toBe('/portal');
    await expectAccessible(page);
    await page.goto(`${server.url}/console`);
    expect(new URL(page.url()).pathname).toBe('/console/sign-in');
  });
});
