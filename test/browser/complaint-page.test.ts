/**
 * The complaint page in chromium: a user without pii:read never sees the complainant's phone number,
 * neither on the page nor anywhere in its DOM; a user with pii:read sees it only after asking, and
 * the administrator finds that reveal in the access log. Every page passes axe-core.
 */
import '@hono/zod-openapi';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { performAction } from '../../shared/application/complaint-actions';
import { registerComplaint } from '../../shared/application/intake';
import { IntakeSchema } from '../../shared/domain/complaint/intake-schema';
import { maskPhone } from '../../shared/domain/complaint/masking';
import * as t from '../../shared/domain/complaint/transitions';
import { intakeBody, PII, principal } from '../support/fixtures';
import { fixedClock } from '../support/test-platform';
import { webApp } from '../support/web-app';
import { collectPageErrors, devSignIn, expectAccessible, launchBrowser, screenshot } from './support/browser';

describe('the complaint page (chromium)', () => {
  let browser: Browser;
  let server: { url: string; close: () => Promise<void> };
  let tenantId: string;
  let id: string;
  let reference: string;

  beforeAll(async () => {
    const clock = fixedClock('2026-03-02T02:00:00.000Z');
    const w = await webApp({ clock });
    tenantId = w.tenant.id;
    const p = w.platform;
    const { complaint } = await registerComplaint(
      p,
      w.tenant,
      principal(tenantId, ['intake'], 'reception-1'),
      IntakeSchema.parse(intakeBody()),
      'browser-complaint-page',
    );
    id = complaint.id;
    reference = complaint.reference;
    await p.engine.settle();
    const supervisor = principal(tenantId, ['supervisor'], 'sup-1');
    const act = async (decide: Parameters<typeof performAction>[4]) => {
      await performAction(p, w.tenant, supervisor, id, decide);
      await p.engine.settle();
    };
    await clock.advanceTo('2026-03-03T01:00:00.000Z');
    await act((r, ctx) => t.acknowledge(r, ctx));
    await act(async (r) =>
      t.assign(r, { unitId: 'branch', assignee: 'handler-7' }, await p.units.get(w.tenant.tableName)),
    );
    // Past the first checkpoint of the decision deadline: an escalation fired, others lie ahead.
    await clock.advanceTo('2026-03-12T02:00:00.000Z');
    server = await w.listen();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('never shows the phone number to a user without pii:read, on the page or in its DOM', async () => {
    const page = await browser.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${server.url}/console/complaints/${id}`);
    await devSignIn(page, server.url, { audience: 'console', tenantId, grants: ['handler'], sub: 'plain-handler' });
    expect(new URL(page.url()).pathname).toBe(`/console/complaints/${id}`);
    await expect.poll(() => page.textContent('h1')).toContain(reference);
    const text = (await page.textContent('body')) ?? '';
    expect(text).toContain(maskPhone(PII.phone));
    expect(text).not.toContain(PII.phone);
    // The DOM as it stands after the script ran, attributes and hidden elements included.
    expect(await page.content()).not.toContain(PII.phone);
    expect(await page.locator('[data-pii="phone"]').textContent()).toBe(maskPhone(PII.phone));
    expect(await page.locator('form[action$="/reveal"]').count()).toBe(0);
    expect(await page.locator('svg.deadline-axis[role="img"]').count()).toBe(1);
    expect(await page.getAttribute('[data-chain]', 'data-chain')).toBe('intact');
    await expectAccessible(page);
    expect(errors).toEqual([]);
  });

  it('shows the phone number to a user with pii:read only after a deliberate reveal, which the admin then finds', async () => {
    const page = await browser.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${server.url}/console/complaints/${id}`);
    await devSignIn(page, server.url, {
      audience: 'console',
      tenantId,
      grants: ['handler', 'pii:read'],
      sub: 'pii-handler',
    });
    await expect.poll(() => page.textContent('h1')).toContain(reference);
    expect(await page.content()).not.toContain(PII.phone);
    await expectAccessible(page);
    await screenshot(page, 'console-complaint');

    // Only the phone: the rest stays masked.
    for (const box of await page.locator('.reveal-form input[type=checkbox]').all()) await box.uncheck();
    await page.check('.reveal-form input[value="phone"]');
    await Promise.all([page.waitForURL(/\/reveal$/), page.click('.reveal-form button[type=submit]')]);
    await expect.poll(() => page.textContent('[data-pii="phone"]')).toBe(PII.phone);
    expect(await page.content()).not.toContain(PII.idNumber);
    await expectAccessible(page);
    await screenshot(page, 'console-complaint-revealed');
    expect(errors).toEqual([]);

    const admin = await browser.newPage();
    const adminErrors = collectPageErrors(admin);
    await admin.goto(`${server.url}/console/admin/access-log`);
    await devSignIn(admin, server.url, { audience: 'console', tenantId, grants: ['admin'], sub: 'auditor' });
    const row = admin.locator('table.access-log tbody tr').first();
    await expect.poll(() => row.textContent()).toContain('pii-handler');
    expect(await row.textContent()).toContain(reference);
    expect(await admin.content()).not.toContain(PII.phone);
    await expectAccessible(admin);
    await screenshot(admin, 'console-access-log');
    expect(adminErrors).toEqual([]);
  });

  it('switches the page to English and keeps it accessible', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/console/complaints/${id}`);
    await devSignIn(page, server.url, { audience: 'console', tenantId, grants: ['supervisor'], sub: 'sup-en' });
    await page.click('a[hreflang="en"]');
    await expect.poll(() => page.textContent('h1')).toContain(`Complaint ${reference}`);
    expect(await page.textContent('#timeline')).toContain('Complaint registered');
    await expectAccessible(page);
    await screenshot(page, 'console-complaint-en');
  });
});
