// Loaded first: it extends zod with .openapi(), which the route modules' schemas call at import.
import '@hono/zod-openapi';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueDesk } from '../support/queue-desk';
import { fixedClock, type TestClock, testTenant } from '../support/test-platform';
import { webApp } from '../support/web-app';
import { collectPageErrors, devSignIn, expectAccessible, launchBrowser, screenshot } from './support/browser';

/** Tuesday 1 December 2026, 10:00 in Shanghai. */
const NOW = '2026-12-01T02:00:00.000Z';
/** Its decision deadline is the end of Wednesday 2 December in Shanghai (15:59:59.999 UTC). */
const RECEIVED = '2026-11-17T02:00:00.000Z';
/** Thursday 3 December, 10:00 in Shanghai: ten hours past it. */
const LATER = '2026-12-03T02:00:00.000Z';
const RED = 'rgb(164, 22, 26)';

/** getComputedStyle's answer, typed here: the test project has no DOM library. */
type Styled = { color: string; backgroundColor: string };

/** What the page's 30-second poll does, done now: htmx fetches the fragment and swaps it in. */
const refresh = (page: Page) =>
  page.evaluate(() => {
    type El = { getAttribute: (name: string) => string | null };
    const g = globalThis as unknown as {
      document: { querySelector: (s: string) => El };
      htmx: { ajax: (verb: string, url: string, target: El) => Promise<void> };
    };
    const el = g.document.querySelector('#queue-results');
    return g.htmx.ajax('GET', el.getAttribute('hx-get')!, el);
  });

describe('the work queue in chromium', () => {
  let browser: Browser;
  let server: { url: string; close: () => Promise<void> };
  let clock: TestClock;
  let tenantId: string;
  let id: string;

  beforeAll(async () => {
    clock = fixedClock(NOW);
    const w = await webApp({ clock });
    tenantId = w.tenant.id;
    await testTenant(w.platform, { id: 'insurer-p', name: '保险公司甲', kind: 'insurer', policy: 'cn-nfra-2020' });
    const desk = queueDesk(w.platform, w.tenant);
    id = await desk.file({ receivedAt: RECEIVED });
    await desk.file({ receivedAt: '2026-11-10T02:00:00.000Z' });
    const assigned = await desk.file({ receivedAt: '2026-11-24T02:00:00.000Z', body: { partners: ['insurer-p'] } });
    await desk.assign(assigned, 'branch', 'h-1');
    await desk.file({ complainant: 1, body: { channel: 'letter', category: 'B-CAT-06' } });
    server = await w.listen();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const row = (page: Page) => page.locator(`tr[data-complaint="${id}"]`);
  const timeLeftColour = (page: Page) =>
    row(page)
      .locator('td.time-left strong')
      .evaluate(
        (el) => (globalThis as unknown as { getComputedStyle: (e: unknown) => Styled }).getComputedStyle(el).color,
      );

  it('shows a complaint red once the clock has moved past its deadline, in the refresh and after a reload', async () => {
    const page = await browser.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${server.url}/console`);
    await devSignIn(page, server.url, { audience: 'console', tenantId, grants: ['handler'], sub: 'h-1' });
    expect(new URL(page.url()).pathname).toBe('/console');

    await expect.poll(() => row(page).textContent()).toContain('1 天后到期');
    expect(await row(page).getAttribute('class')).toBeNull();
    expect(await timeLeftColour(page)).not.toBe(RED);
    expect(await page.getAttribute('#queue-results', 'hx-trigger')).toBe('every 30s');
    await expectAccessible(page);

    await clock.advanceTo(LATER);

    // What the 30-second poll does, asked for now: the fragment swapped into the page by htmx.
    await refresh(page);
    await expect.poll(() => row(page).textContent()).toContain('已逾期 10 小时');
    expect(await row(page).getAttribute('class')).toBe('overdue');
    expect(await timeLeftColour(page)).toBe(RED);
    expect(
      await row(page)
        .locator('td')
        .first()
        .evaluate(
          (el) =>
            (globalThis as unknown as { getComputedStyle: (e: unknown) => Styled }).getComputedStyle(el)
              .backgroundColor,
        ),
    ).toBe('rgb(253, 232, 232)');
    expect(await page.locator('main h1').count()).toBe(1);

    await page.reload();
    await expect.poll(() => row(page).getAttribute('class')).toBe('overdue');
    expect(await row(page).textContent()).toContain('已逾期 10 小时');
    await expectAccessible(page);
    await screenshot(page, 'console-queue');

    await page.click('a[href="/console?view=overdue"]');
    await expect.poll(() => page.locator('a[aria-current="true"]').textContent()).toBe('已逾期');
    expect(await row(page).count()).toBe(1);
    await expectAccessible(page);
    expect(errors).toEqual([]);
  });

  it('sends the whole page to sign in when a refresh finds the session ended', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/console?view=overdue`);
    await devSignIn(page, server.url, { audience: 'console', tenantId, grants: ['handler'], sub: 'h-1' });
    expect(await row(page).count()).toBe(1);
    await context.clearCookies();
    await Promise.all([page.waitForURL((u) => u.pathname === '/console/sign-in'), refresh(page)]);
    expect(new URL(page.url()).searchParams.get('return')).toBe('/console?view=overdue');
    expect(await page.locator('#queue-results').count()).toBe(0);
    await context.close();
  });

  it('filters with the form and pages without script', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/console`);
    await devSignIn(page, server.url, { audience: 'console', tenantId, grants: ['intake'], sub: 'r-1' });
    await page.selectOption('#f-channel', 'letter');
    await page.click('.queue-filters button[type=submit]');
    expect(new URL(page.url()).searchParams.get('channel')).toBe('letter');
    expect(await page.locator('tbody tr').count()).toBe(1);
    await page.goto(`${server.url}/console?limit=2`);
    expect(await page.locator('tbody tr').count()).toBe(2);
    await page.click('a[rel="next"]');
    expect(await page.locator('tbody tr').count()).toBe(2);
    // axe runs as script in the page, which this context has switched off: the scripted test above checks it.
    await context.close();
  });
});
