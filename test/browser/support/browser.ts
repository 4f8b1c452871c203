import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';

/** Debian's chromium, never a downloaded browser; flags for root and a closed network. */
export const CHROMIUM = process.env.REDRESS_CHROMIUM ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

export const ARTIFACTS = join(process.cwd(), 'test-artifacts', 'screenshots');

/** A full-page screenshot kept as a CI artifact. */
export async function screenshot(page: Page, name: string) {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core on the page as it stands: no violations of WCAG 2.1 A/AA. Evaluated through the
 * DevTools protocol, which the page's CSP does not govern, so the CSP stays as strict as in production.
 */
export async function expectAccessible(page: Page) {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run: (
            ctx: unknown,
            o: unknown,
          ) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const r = await axe.run((globalThis as unknown as { document: unknown }).document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return r.violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  expect(violations).toEqual([]);
}

/** Signs in through the development sign-in form, as a person would. */
export async function devSignIn(
  page: Page,
  base: string,
  o: { audience: 'console' | 'portal'; tenantId?: string; grants: string[]; sub?: string },
) {
  // Already sent to the sign-in page (with where to go back to): sign in there.
  if (!new URL(page.url(), base).pathname.endsWith('/sign-in')) await page.goto(`${base}/${o.audience}/sign-in`);
  if (o.tenantId) await page.selectOption('#dev-tenant', o.tenantId);
  for (const g of o.grants) await page.check(`input[name="grants[]"][value="${g}"]`);
  await page.fill('#dev-sub', o.sub ?? 'dev-user');
  await Promise.all([
    page.waitForURL((u) => !u.pathname.endsWith('/sign-in')),
    page.click('form[action$="/sign-in/dev"] button[type=submit]'),
  ]);
}

/** Console messages of the page that are CSP refusals or script errors: a page must raise none. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return errors;
}
