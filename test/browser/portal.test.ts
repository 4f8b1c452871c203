/**
 * The regulator portal in chromium, on the seeded multi-tenant scenario: sign in, the league table's
 * figures, sorting, the language switch, an institution, an overdue complaint's timeline, and the
 * quarterly return downloaded and parsed. axe-core on every page; no CSP refusal or script error.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Case, expectedKpis } from '../regulator/expected-kpis';
import { kpiScenario, scenarioCases } from '../regulator/kpi-scenario';
import { webApp } from '../support/web-app';
import { expectedCells } from '../web/portal-expected';
import { collectPageErrors, devSignIn, expectAccessible, launchBrowser, screenshot } from './support/browser';

describe('the regulator portal (chromium)', () => {
  let browser: Browser;
  let server: { url: string; close: () => Promise<void> };
  let cases: Record<string, Case[]>;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    const sc = await kpiScenario();
    cases = await scenarioCases(sc);
    const w = await webApp({ sharing: { platform: sc.s.p, tenant: sc.tenants['bank-a'] } });
    server = await w.listen();
    browser = await launchBrowser();
    page = await browser.newPage({ acceptDownloads: true });
    errors = collectPageErrors(page);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** The league table as the browser shows it: institution id → column → cell text. */
  const league = () =>
    page.$$eval('tr[data-institution]', (rows) =>
      rows.map((r) => ({
        id: r.getAttribute('data-institution')!,
        cells: Object.fromEntries(
          [...r.querySelectorAll('td[data-col]')].map((td) => [td.getAttribute('data-col')!, td.textContent!.trim()]),
        ),
      })),
    );

  it('signs in, offers no institution grant, and shows the league table with the right figures', async () => {
    await page.goto(`${server.url}/portal`);
    expect(new URL(page.url()).pathname).toBe('/portal/sign-in');
    expect(
      await page.locator('input[name="grants[]"]').evaluateAll((xs) => xs.map((x) => x.getAttribute('value'))),
    ).toEqual(['regulator']);
    await devSignIn(page, server.url, { audience: 'portal', grants: ['regulator'], sub: 'nfra-1' });
    expect(new URL(page.url()).pathname).toBe('/portal');
    // The period picker, as a person uses it.
    await page.selectOption('#period', '2026Q4');
    await Promise.all([page.waitForURL(/period=2026Q4/), page.click('.period-picker button[type=submit]')]);
    const rows = await league();
    expect(rows.map((r) => r.id).sort()).toEqual(['bank-a', 'bank-b', 'ins-a']);
    for (const r of rows) expect(r.cells, r.id).toEqual(expectedCells(cases[r.id]!, '2026Q4', '未报送'));
    expect(await page.locator('svg[role="img"]').count()).toBe(3);
    await expectAccessible(page);
    await screenshot(page, 'portal-dashboard');
  });

  it('sorts by on-time rate through the column header, and says so with aria-sort', async () => {
    const header = page.locator('th:has(a.sort[href*="sort=onTime"])');
    await Promise.all([page.waitForURL(/sort=onTime&dir=desc/), header.locator('a').click()]);
    expect(await page.locator('th:has(a.sort[href*="sort=onTime"])').getAttribute('aria-sort')).toBe('descending');
    const rate = (id: string) => expectedKpis(cases[id]!, '2026Q4').decided.onTimeRate;
    const order = (await league()).map((r) => rate(r.id));
    const known = order.filter((x): x is number => x !== null);
    expect(known).toEqual([...known].sort((a, b) => b - a));
    await Promise.all([
      page.waitForURL(/sort=onTime&dir=asc/),
      page.locator('th:has(a.sort[href*="sort=onTime"]) a').click(),
    ]);
    expect(await page.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('ascending');
    await expectAccessible(page);
  });

  it('switches to English and keeps the figures', async () => {
    await Promise.all([page.waitForURL(/sort=onTime/), page.click('a[hreflang="en"]')]);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.textContent('nav')).toContain('Dashboard');
    for (const r of await league())
      expect(r.cells, r.id).toEqual(expectedCells(cases[r.id]!, '2026Q4', 'not stated', 'en'));
    await expectAccessible(page);
  });

  it("opens an institution and an overdue complaint's timeline", async () => {
    await Promise.all([page.waitForURL(/\/portal\/institutions\/bank-b/), page.click('a:has-text("乙银行")')]);
    const k = expectedKpis(cases['bank-b']!, '2026Q4');
    expect((await page.textContent('dd[data-figure="received"]'))?.trim()).toBe(String(k.received));
    await expectAccessible(page);
    await page.selectOption('#f-view', 'overdue');
    await Promise.all([page.waitForURL(/view=overdue/), page.click('form.filters:has(#f-view) button[type=submit]')]);
    const overdue = cases['bank-b']!.filter((c) => c.record.overdue && c.record.status !== 'closed');
    expect(overdue.length).toBeGreaterThan(0);
    const listed = await page.$$eval('tr[data-complaint]', (rs) => rs.map((r) => r.getAttribute('data-complaint')));
    expect(listed.sort()).toEqual(overdue.map((c) => c.record.id).sort());
    await screenshot(page, 'portal-institution');
    await Promise.all([page.waitForURL(/\/complaints\//), page.click('tr[data-complaint] a')]);
    const axis = page.locator('svg.time-axis[role="img"]');
    expect(await axis.count()).toBe(1);
    expect(await axis.locator('title').textContent()).toBe('Timeline');
    expect(await page.locator('tr[data-event="overdue"]').count()).toBeGreaterThan(0);
    expect(await page.locator('dd[data-deadline="decision"]').count()).toBe(1);
    await expectAccessible(page);
    await screenshot(page, 'portal-complaint');
  });

  it('downloads the quarterly return and parses it: UTF-8 with BOM, the figures of the API', async () => {
    await page.click('nav a[href="/portal/returns"]');
    await expectAccessible(page);
    await page.click('a[hreflang="zh-CN"]');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[data-period="2026Q4"]')]);
    expect(download.suggestedFilename()).toBe('redress-return-2026Q4.csv');
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes, { bom: true, columns: true }) as Record<string, string>[];
    for (const [tid, list] of Object.entries(cases)) {
      const mine = rows.filter((r) => r.institution_id === tid);
      expect(mine.length, tid).toBeGreaterThan(0);
      expect(
        mine.reduce((s, r) => s + Number(r.received), 0),
        tid,
      ).toBe(expectedKpis(list, '2026Q4').received);
      for (const r of mine)
        expect(Number(r.received), `${tid} ${r.category_code}`).toBe(
          expectedKpis(list, '2026Q4', r.category_code).received,
        );
    }
    expect(rows.find((r) => r.institution_id === 'bank-b')?.institution_name).toBe('乙银行');
  });

  it('shows forwarded complaints, and no page raised a CSP refusal or script error', async () => {
    await page.click('nav a[href="/portal/forwarded"]');
    expect(await page.locator('tr[data-forwarded]').count()).toBeGreaterThan(0);
    await expectAccessible(page);
    expect(errors).toEqual([]);
  });
});
