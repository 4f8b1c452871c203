/**
 * In chromium: a bank's complaint names an insurer as partner; the insurer's handler signs in,
 * finds the referral in the inbox and answers it; the bank may then decide. Then the bank's admin
 * walks the admin pages and registers a webhook. axe-core on every page, no CSP violation.
 */
// Loaded first: it extends zod with .openapi(), which the route modules' schemas call at import.
import '@hono/zod-openapi';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../support/test-platform';
import { webApp } from '../support/web-app';
import { partnerScene } from '../web/support/partner-scene';
import { collectPageErrors, devSignIn, expectAccessible, launchBrowser, screenshot } from './support/browser';

const RECEIVED = '2026-11-02T02:00:00.000Z';

describe('a partner answers a referral; the admin pages (chromium)', () => {
  let browser: Browser;
  let server: { url: string; close: () => Promise<void> };
  let w: Awaited<ReturnType<typeof webApp>>;
  let scene: Awaited<ReturnType<typeof partnerScene>>;
  let referral: Awaited<ReturnType<typeof scene.refer>>;

  beforeAll(async () => {
    w = await webApp({ clock: fixedClock(RECEIVED) });
    scene = await partnerScene(w);
    referral = await scene.refer('银保渠道分红险');
    server = await w.listen();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("the insurer's handler answers from the inbox, and the bank's decision is then accepted", async () => {
    const page = await browser.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${server.url}/console/referrals`);
    await devSignIn(page, server.url, {
      audience: 'console',
      tenantId: 'ins-b',
      grants: ['handler'],
      sub: 'ins-handler',
    });
    expect(new URL(page.url()).pathname).toBe('/console/referrals');
    const row = page.locator('table.referrals tbody tr', { hasText: referral.reference });
    await expect.poll(() => row.textContent()).toContain('7 天后到期');
    await expectAccessible(page);
    await screenshot(page, 'console-referrals');

    await row.getByRole('link', { name: referral.reference }).click();
    await page.waitForURL((u) => u.pathname === `/console/referrals/${referral.referralId}`);
    await expectAccessible(page);

    // Sent without a choice: the API's schema refuses it, the page says where.
    await page.getByRole('button', { name: '提交答复' }).click();
    await expect.poll(() => page.locator('.error-summary').count()).toBe(1);
    // The script moves focus to the summary, so a screen reader reads it first.
    expect(await page.locator('.error-summary:focus').count()).toBe(1);
    await expectAccessible(page);

    await page.getByLabel('部分同意').check();
    await page.getByLabel('意见说明').fill('同意退还保费，手续费不予退还');
    await page.getByRole('button', { name: '提交答复' }).click();
    await page.waitForURL((u) => u.searchParams.get('done') === 'answered');
    await expect.poll(() => page.textContent('[role=status]')).toContain('答复已提交');
    expect(await page.textContent('main')).toContain('同意退还保费，手续费不予退还');
    await expectAccessible(page);

    const record = await scene.p.complaints.get(scene.from.tableName, referral.complaintId);
    expect(record?.referrals[0]).toMatchObject({ partnerTenantId: 'ins-b', status: 'answered' });
    expect((await scene.decide(referral.complaintId)).status).toBe('decided');
    // The one refused form answered 400, as it should; nothing else went wrong (no CSP violation).
    expect(errors).toEqual(['Failed to load resource: the server responded with a status of 400 (Bad Request)']);
  });

  it("the bank's admin walks the admin pages and sees a new webhook's secret once", async () => {
    const page = await browser.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${server.url}/console/admin`);
    await devSignIn(page, server.url, {
      audience: 'console',
      tenantId: w.tenant.id,
      grants: ['admin'],
      sub: 'a-admin',
    });
    expect(new URL(page.url()).pathname).toBe('/console/admin');
    await expectAccessible(page);
    await screenshot(page, 'console-admin');

    for (const section of ['units', 'policy']) {
      await page.click(`.admin-nav a[href="/console/admin/${section}"]`);
      await page.waitForURL((u) => u.pathname === `/console/admin/${section}`);
      await expectAccessible(page);
    }
    // A refused override, as the admin would see it.
    await page.fill('#f-decision-amount', '20');
    await page.getByRole('button', { name: '保存覆盖' }).click();
    await expect.poll(() => page.textContent('.error-summary')).toContain('不得超过预设的 15 个自然日');
    await expectAccessible(page);

    // The dev sign-in went through the console's session start, which noted this user and roles.
    await page.click('.admin-nav a[href="/console/admin/users"]');
    await page.waitForURL((u) => u.pathname === '/console/admin/users');
    expect(await page.textContent('table.users')).toContain('a-admin');
    await expectAccessible(page);

    await page.click('.admin-nav a[href="/console/admin/webhooks"]');
    await page.waitForURL((u) => u.pathname === '/console/admin/webhooks');
    await expectAccessible(page);
    await page.fill('#f-url', 'http://127.0.0.1:9/crm');
    await page.check('input[name="events[]"][value="complaint.received"]');
    await page.check('input[name="events[]"][value="referral.answered"]');
    await page.getByRole('button', { name: '创建' }).click();
    await page.waitForURL((u) => u.searchParams.get('done') === 'created');
    const secret = await page.inputValue('#webhook-secret');
    expect(secret).toMatch(/^whsec_/);
    await expectAccessible(page);
    await screenshot(page, 'console-admin-webhook');
    await page.reload();
    expect(await page.locator('#webhook-secret').count()).toBe(0);
    expect(await page.content()).not.toContain(secret);
    expect(errors).toEqual([
      'Failed to load resource: the server responded with a status of 422 (Unprocessable Entity)',
    ]);
  });
});
