/**
 * The complaint desk in chromium: a handler clicks straight through acknowledge, assign, a contact
 * with the complainant, decision and feedback (each accepted the moment the record allows it, whatever the engine is doing); a
 * supervisor extends one and decides a review the original handler is refused. The handler's path
 * is timed and printed (a measurement, recorded in bench/console-handler-path/results.md).
 */
import '@hono/zod-openapi';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerComplaint } from '../../shared/application/intake';
import { runStaffAction } from '../../shared/application/staff-actions';
import type { StaffActionName } from '../../shared/domain/complaint/available-actions';
import { IntakeSchema } from '../../shared/domain/complaint/intake-schema';
import { intakeBody, PII, principal } from '../support/fixtures';
import { webApp } from '../support/web-app';
import { collectPageErrors, devSignIn, expectAccessible, launchBrowser, screenshot } from './support/browser';

let w: Awaited<ReturnType<typeof webApp>>;
let browser: Browser;
let server: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  w = await webApp();
  server = await w.listen();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function intake(): Promise<string> {
  const { complaint } = await registerComplaint(
    w.platform,
    w.tenant,
    principal(w.tenant.id, ['intake'], 'reception-1'),
    IntakeSchema.parse(intakeBody()),
    `k-${Math.random()}`,
  );
  return complaint.id;
}

/** An action done outside the browser, to set a scene. */
const act = (id: string, name: StaffActionName, input: unknown, roles: string[], sub: string) =>
  runStaffAction(w.platform, w.tenant, principal(w.tenant.id, roles, sub), name, id, input);

async function signedIn(grants: string[], sub: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors = collectPageErrors(page);
  await devSignIn(page, server.url, { audience: 'console', tenantId: w.tenant.id, grants, sub });
  return { page, errors };
}

const form = (name: StaffActionName) => `form[action$="/actions/${name}"]`;

/** Submits one action's form and waits for the page it lands on; returns the POST's status (303 when done). */
async function send(page: Page, name: StaffActionName): Promise<number> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/actions/${name}`)),
    page.click(`${form(name)} button[type=submit]`),
  ]);
  await page.waitForLoadState('load');
  return response.status();
}

/** Opens the folded form of an action. */
const unfold = (page: Page, name: StaffActionName) => page.click(`details:has(${form(name)}) > summary`);

const doneNotice = (page: Page) => page.textContent('.action-panel [role="status"]');

describe('the complaint desk (chromium)', () => {
  it('a handler acknowledges, assigns, records a contact, decides and records the feedback, clicking straight through', async () => {
    const id = await intake();
    const { page, errors } = await signedIn(['handler'], 'h-1');
    await page.goto(`${server.url}/console/complaints/${id}`);
    expect(await page.$$eval('form[action*="/actions/"]', (fs) => fs.length)).toBeGreaterThan(0);
    // The panel holds no personal data, whoever looks.
    expect(await page.content()).not.toContain(PII.phone);

    // Each step from the click on its form's first control to the complaint page after the redirect.
    const steps: string[] = [];
    let mark = performance.now();
    const lap = (name: string) => {
      const now = performance.now();
      steps.push(`${name} ${(now - mark).toFixed(0)} ms`);
      mark = now;
    };
    const started = mark;
    expect(await send(page, 'acknowledge')).toBe(303);
    lap('acknowledge');
    expect(new URL(page.url()).search).toBe('?done=acknowledge');
    expect(await doneNotice(page)).toContain('确认受理');

    await unfold(page, 'assign');
    await page.selectOption('#f-assign-unitId', 'branch');
    expect(await page.inputValue('#f-assign-assignee')).toBe('h-1');
    expect(await send(page, 'assign')).toBe(303);
    lap('assign');

    // The duty to keep the complainant informed: the call is logged on the same page before deciding.
    await page.selectOption('#f-contact-channel', 'phone');
    await page.fill('#f-contact-summary', '已致电告知正在核实扣费记录');
    await Promise.all([
      page.waitForURL(`**/console/complaints/${id}#contacts`),
      page.click('form.contact-form button'),
    ]);
    lap('contact');
    expect(await page.textContent('.contact-list')).toContain('已致电告知正在核实扣费记录');

    await unfold(page, 'decision');
    await page.selectOption('#f-decision-outcome', 'upheld');
    await page.fill('#f-decision-summary', '重复扣收的年费600元全额退还');
    await page.check(`${form('decision')} input[value="review"]`);
    expect(await send(page, 'decision')).toBe(303);
    lap('decision');

    await unfold(page, 'feedback');
    await page.selectOption('#f-feedback-channel', 'phone');
    await page.fill('#f-feedback-summary', '已电话告知处理结果及核查途径');
    expect(await send(page, 'feedback')).toBe(303);
    lap('feedback');
    const finished = mark;
    await expectAccessible(page);
    expect(await doneNotice(page)).toContain('记录告知投诉人');

    const r = (await w.platform.complaints.get(w.tenant.tableName, id))!;
    expect(r).toMatchObject({ unitId: 'branch', assignee: 'h-1', decision: { outcome: 'upheld', decidedBy: 'h-1' } });
    expect(r.feedback).toMatchObject({ channel: 'phone', recordedBy: 'h-1' });
    expect(r.lastContactAt).toBeDefined();
    process.stdout.write(
      `handler path (chromium, in-process server): ${(finished - started).toFixed(0)} ms in all (${steps.join(', ')})\n`,
    );
    expect(errors).toEqual([]);
  });

  it('a supervisor extends one and decides a review; the original handler is refused', async () => {
    const extendable = await intake();
    await act(extendable, 'acknowledge', {}, ['handler'], 'h-1');
    const reviewed = await intake();
    await act(reviewed, 'acknowledge', {}, ['supervisor'], 'sup-orig');
    await act(reviewed, 'assign', { unitId: 'branch', assignee: 'sup-orig' }, ['supervisor'], 'sup-orig');
    await act(reviewed, 'decision', { outcome: 'not_upheld', summary: '合同约定清楚' }, ['supervisor'], 'sup-orig');
    await act(
      reviewed,
      'feedback',
      { channel: 'phone', deliveredAt: w.platform.clock.now().toISOString(), summary: '电话告知' },
      ['supervisor'],
      'sup-orig',
    );
    await act(reviewed, 'review-request', { reason: '投诉人不服' }, ['intake'], 'reception-1');
    await w.platform.engine.settle();

    const sup = await signedIn(['supervisor'], 'sup-2');
    await sup.page.goto(`${server.url}/console/complaints/${extendable}`);
    const before = (await w.platform.complaints.get(w.tenant.tableName, extendable))!.deadlines.decision;
    await unfold(sup.page, 'extend');
    await sup.page.selectOption('#f-extend-tier', 'complex');
    await sup.page.fill('#f-extend-reason', '涉及多个产品，需调取历史交易记录');
    await sup.page.selectOption('#f-extend-notice-channel', 'sms');
    expect(await send(sup.page, 'extend')).toBe(303);
    expect(await doneNotice(sup.page)).toContain('延长办理期限');
    const extended = (await w.platform.complaints.get(w.tenant.tableName, extendable))!;
    expect(extended.extension).toMatchObject({ tier: 'complex', by: 'sup-2', noticeChannel: 'sms' });
    expect(extended.deadlines.decision > before).toBe(true);

    // The handler by role: no review form at all.
    const handler = await signedIn(['handler'], 'h-1');
    await handler.page.goto(`${server.url}/console/complaints/${reviewed}`);
    expect(await handler.page.$$(form('review-decision'))).toHaveLength(0);

    // The supervisor who handled and decided it: warned, and refused by the recusal rule.
    const original = await signedIn(['supervisor'], 'sup-orig');
    await original.page.goto(`${server.url}/console/complaints/${reviewed}`);
    await unfold(original.page, 'review-decision');
    expect(await original.page.textContent(`${form('review-decision')} .notice`)).toContain('回避');
    await original.page.selectOption('#f-review-decision-outcome', 'changed');
    await original.page.fill('#f-review-decision-summary', '改为全额退还');
    expect(await send(original.page, 'review-decision')).toBe(422);
    expect(await original.page.textContent('.error-summary')).toContain('按回避要求不能作出核查决定');
    await expectAccessible(original.page);
    expect((await w.platform.complaints.get(w.tenant.tableName, reviewed))!.status).toBe('review_requested');

    await sup.page.goto(`${server.url}/console/complaints/${reviewed}`);
    await unfold(sup.page, 'review-decision');
    await sup.page.selectOption('#f-review-decision-outcome', 'changed');
    await sup.page.fill('#f-review-decision-summary', '改为全额退还');
    expect(await send(sup.page, 'review-decision')).toBe(303);
    expect((await w.platform.complaints.get(w.tenant.tableName, reviewed))!.reviewDecision).toMatchObject({
      outcome: 'changed',
      decidedBy: 'sup-2',
    });
    // Every form of the panel open, for the eye and for axe.
    await sup.page.goto(`${server.url}/console/complaints/${extendable}`);
    await sup.page.$$eval('details', (ds) => {
      for (const d of ds) (d as unknown as { open: boolean }).open = true;
    });
    await expectAccessible(sup.page);
    await screenshot(sup.page, 'console-actions');
    expect([...sup.errors, ...handler.errors]).toEqual([]);
    // The refusal's own status is the one message the browser logs.
    expect(original.errors).toEqual([expect.stringContaining('status of 422')]);
  });
});
