import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalPlatform } from '../../infra/local/platform';
import type { Tenant } from '../../shared/domain/tenant/tenant-schema';
import { webApp } from '../support/web-app';
import { collectPageErrors, devSignIn, expectAccessible, launchBrowser, screenshot } from './support/browser';

/** The page's document as the evaluated functions see it (this project's types hold no DOM). */
type Doc = { document: { activeElement: { className: string; matches: (s: string) => boolean } | null } };

/** The complainant both tests register: the second is a repeat of the first. */
const CALLER = { name: '李娟', phone: '13800138000' };

describe('the intake desk (chromium)', () => {
  let browser: Browser;
  let server: { url: string; close: () => Promise<void> };
  let platform: LocalPlatform;
  let tenant: Tenant;

  beforeAll(async () => {
    const w = await webApp();
    platform = w.platform;
    tenant = w.tenant;
    server = await w.listen();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const complaintIdIn = (url: string) => /\/console\/complaints\/([0-9A-Z]{26})$/.exec(new URL(url).pathname)?.[1];

  it('lets a receptionist register a phone complaint, after putting right what the form refused', async () => {
    const page = await browser.newPage();
    const errors = collectPageErrors(page);
    await devSignIn(page, server.url, {
      audience: 'console',
      tenantId: tenant.id,
      grants: ['intake'],
      sub: 'reception-1',
    });
    await page.click('nav a[href="/console/intake"]');
    expect(await page.getAttribute('.channel-picker a[aria-current="page"]', 'href')).toBe(
      '/console/intake?channel=phone',
    );
    await expectAccessible(page);
    await screenshot(page, 'console-intake');

    await page.fill('#f-complainant-name', CALLER.name);
    await page.fill('#f-complainant-phone', '138-OO13');
    await page.fill('#f-description', '信用卡年费被重复扣收，要求退还。');
    await page.click('form.intake-form button[type=submit]');
    // Refused: the summary names each field, takes the focus, and the page is still accessible.
    await expect
      .poll(() => page.evaluate(() => (globalThis as unknown as Doc).document.activeElement?.className))
      .toBe('error-summary');
    const summary = await page.textContent('.error-summary');
    expect(summary).toContain('电话');
    expect(summary).toContain('业务类别: 此项必填');
    await expectAccessible(page);
    await screenshot(page, 'console-intake-refused');

    await page.fill('#f-complainant-phone', CALLER.phone);
    await page.selectOption('#f-category', 'B-CAT-06');
    await page.selectOption('#f-reason', 'B-RSN-08');
    expect(await page.inputValue('#f-complainant-name')).toBe(CALLER.name);
    // The refusal's own 400 is the browser's one console line; nothing else (no CSP refusal, no script error).
    expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
    await Promise.all([
      page.waitForURL(/\/console\/complaints\/[0-9A-Z]{26}$/),
      page.click('form.intake-form button[type=submit]'),
    ]);
    const id = complaintIdIn(page.url())!;
    const record = await platform.complaints.get(tenant.tableName, id);
    expect(record).toMatchObject({
      channel: 'phone',
      category: 'B-CAT-06',
      reason: 'B-RSN-08',
      createdBy: 'reception-1',
    });
    expect(record?.complainantMasked.phone).toBe('138****8000');
  });

  it('lets a handler record a contact and a note on the complaint, listed in its contact log', async () => {
    const page = await browser.newPage();
    const errors = collectPageErrors(page);
    const { items } = await platform.complaints.list(tenant.tableName, { limit: 10 });
    const id = items.find((r) => r.createdBy === 'reception-1')!.id;
    await devSignIn(page, server.url, {
      audience: 'console',
      tenantId: tenant.id,
      grants: ['handler'],
      sub: 'handler-7',
    });
    await page.goto(`${server.url}/console/complaints/${id}/contacts`);
    await expectAccessible(page);
    await page.selectOption('#f-contact-channel', 'phone');
    await page.fill('#f-contact-summary', `回电${CALLER.name}（${CALLER.phone}），告知正在核实扣费记录。`);
    await Promise.all([
      page.waitForURL(`**/console/complaints/${id}#contacts`),
      page.click('form.contact-form button'),
    ]);
    await page.goto(`${server.url}/console/complaints/${id}/contacts`);
    await page.fill('#f-note-text', '需调取柜面录音');
    await Promise.all([page.waitForURL(`**/console/complaints/${id}#contacts`), page.click('form.note-form button')]);
    await page.goto(`${server.url}/console/complaints/${id}/contacts`);
    // Redacted: the handler holds no pii:read.
    expect(await page.textContent('.contact-list')).toContain('回电[姓名]（[电话]），告知正在核实扣费记录。');
    expect(await page.textContent('.note-list')).toContain('需调取柜面录音');
    await expectAccessible(page);
    await screenshot(page, 'console-contact-log');
    expect(errors).toEqual([]);
  });

  /** Tab (only) until the focus is on `selector`; fails when it is not reachable that way. */
  async function tabTo(page: Page, selector: string, max = 80) {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press('Tab');
      if (
        await page.evaluate((s) => (globalThis as unknown as Doc).document.activeElement?.matches(s) ?? false, selector)
      )
        return;
    }
    throw new Error(`${selector} is not reachable with Tab`);
  }

  it('can be walked with the keyboard alone: language, channel, fields, the repeat warning, register', async () => {
    const page = await browser.newPage();
    const errors = collectPageErrors(page);
    await devSignIn(page, server.url, { audience: 'console', tenantId: tenant.id, grants: ['handler'], sub: 'keys-1' });
    await page.goto(`${server.url}/console`);
    // From here on: Tab, typing, Space and Enter only.
    await tabTo(page, 'a[hreflang="en"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('html[lang="en"]');
    await tabTo(page, 'nav a[href="/console/intake"]');
    await Promise.all([page.waitForURL(/\/console\/intake$/), page.keyboard.press('Enter')]);
    await tabTo(page, '.channel-picker a[href$="channel=letter"]');
    await Promise.all([page.waitForURL(/channel=letter$/), page.keyboard.press('Enter')]);
    expect(await page.textContent('.intake-intro')).toContain('letter');

    await tabTo(page, '#f-complainant-name');
    await page.keyboard.type(CALLER.name);
    await tabTo(page, '#f-complainant-phone');
    await page.keyboard.type(CALLER.phone);
    await tabTo(page, '#f-complainant-address');
    await page.keyboard.type('广州市天河区体育西路1号');
    // The agent section opens with Space; its fields stay empty.
    await tabTo(page, 'details.agent summary');
    await page.keyboard.press('Space');
    expect(await page.getAttribute('details.agent', 'open')).toBe('');
    await tabTo(page, '#f-category');
    await page.keyboard.type('Credit');
    await tabTo(page, '#f-reason');
    await page.keyboard.type('Pricing');
    await tabTo(page, '#f-description');
    await page.keyboard.type('The annual fee was charged twice; I ask for it back.');
    expect(await page.inputValue('#f-category')).toBe('B-CAT-06');
    expect(await page.inputValue('#f-reason')).toBe('B-RSN-08');
    await tabTo(page, 'form.intake-form button[type=submit]');
    await Promise.all([page.waitForLoadState('load'), page.keyboard.press('Enter')]);

    // The same caller and category as the receptionist's: warned before anything is saved, focus on the warning.
    await expect
      .poll(() =>
        page.evaluate(() => (globalThis as unknown as Doc).document.activeElement?.matches('.repeat-warning')),
      )
      .toBe(true);
    expect(await page.textContent('.repeat-warning')).toContain('repeat');
    await expectAccessible(page);
    await screenshot(page, 'console-intake-repeat');
    expect(await page.inputValue('#f-complainant-address')).toBe('广州市天河区体育西路1号');
    await tabTo(page, 'form.intake-form button[type=submit]');
    expect(await page.textContent('form.intake-form button[type=submit]')).toBe('Register anyway (as a repeat)');
    expect(errors).toEqual([]);
    await Promise.all([page.waitForURL(/\/console\/complaints\/[0-9A-Z]{26}$/), page.keyboard.press('Space')]);

    const record = await platform.complaints.get(tenant.tableName, complaintIdIn(page.url())!);
    expect(record).toMatchObject({ channel: 'letter', category: 'B-CAT-06', reason: 'B-RSN-08', createdBy: 'keys-1' });
    expect(record?.repeatOf).toEqual(expect.any(String));
  });
});
