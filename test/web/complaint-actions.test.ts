/**
 * The console's action forms, in-process against DynamoDB Local with the real engine: each action
 * through its form, validation in the page's language, the role matrix, tenant isolation, CSRF,
 * stale versions and double submits.
 */
// Loaded first: it extends zod with .openapi(), which the route modules' schemas call at import.
import '@hono/zod-openapi';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerComplaint } from '../../shared/application/intake';
import { onboardTenant, setTenantStatus } from '../../shared/application/tenants';
import type { Principal } from '../../shared/auth/principal';
import { type StaffActionName, StaffActionNameSchema } from '../../shared/domain/complaint/available-actions';
import { IntakeSchema } from '../../shared/domain/complaint/intake-schema';
import type { Tenant } from '../../shared/domain/tenant/tenant-schema';
import type { Locale } from '../../shared/web/i18n/locale';
import { intakeBody, principal } from '../support/fixtures';
import { fixedClock, type TestClock, testTenant } from '../support/test-platform';
import { type WebApp, webApp } from '../support/web-app';

// Mon 2 Mar 2026, 10:00 in Shanghai: a whole minute, so a form's wall-clock time can name "now".
const START = '2026-03-02T02:00:00.000Z';

let w: WebApp;
let clock: TestClock;
let A: Tenant;
let B: Tenant;

const staff = (roles: string[], sub: string, tenant = () => A): Principal => principal(tenant().id, roles, sub);
const handler = () => staff(['handler'], 'h-1');
const supervisor = (sub = 'sup-1') => staff(['supervisor'], sub);

beforeAll(async () => {
  clock = fixedClock(START);
  w = await webApp({ clock });
  A = w.tenant;
  B = await testTenant(w.platform, { id: 'bank-b', name: 'Bank B' });
});

async function intake(overrides: Record<string, unknown> = {}, tenant = A): Promise<string> {
  const { complaint } = await registerComplaint(
    w.platform,
    tenant,
    principal(tenant.id, ['intake'], 'intake-1'),
    IntakeSchema.parse(intakeBody(overrides)),
    `k-${Math.random()}`,
  );
  await w.platform.engine.settle();
  return complaint.id;
}

const record = async (id: string, tenant = A) => (await w.platform.complaints.get(tenant.tableName, id))!;
const events = async (id: string, tenant = A) => (await w.platform.complaints.events(tenant.tableName, id, 1000)).items;

type Sent = { status: number; location: string | null; html: string };

/**
 * Sends one action's form as a browser would: the session's cookie (and language), its CSRF
 * token, and the version and last event the form was drawn from (the record's current ones
 * unless `drawnFrom` says otherwise).
 */
async function submit(
  name: StaffActionName,
  id: string,
  who: Principal,
  form: Record<string, string | string[]> = {},
  o: { locale?: Locale; csrf?: false; drawnFrom?: { version: number; lastSeq: number }; partner?: string } = {},
): Promise<Sent> {
  const { value, session } = await w.sessions.seal(who, 'console');
  const at = o.drawnFrom ?? (await record(id));
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(form)) for (const one of [v].flat()) body.append(k, one);
  body.set('_version', String(at.version));
  body.set('_seq', String(at.lastSeq));
  if (o.partner) body.set('_partner', o.partner);
  if (o.csrf !== false) body.set('_csrf', session.csrf);
  const res = await w.app.request(`http://localhost/console/complaints/${id}/actions/${name}`, {
    method: 'POST',
    headers: {
      Host: 'localhost',
      Cookie: `redress_console=${value}${o.locale ? `; redress_lang=${o.locale}` : ''}`,
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    body: body.toString(),
  });
  await w.platform.engine.settle();
  return { status: res.status, location: res.headers.get('location'), html: await res.text() };
}

const done = (id: string, name: StaffActionName) => ({
  status: 303,
  location: `/console/complaints/${id}?done=${name}`,
});
const outcome = (s: Sent) => ({ status: s.status, location: s.location });

/** The actions whose forms a page offers, in order (one per open referral for proceeding without a partner). */
async function offered(id: string, who: Principal): Promise<string[]> {
  const html = await (await w.page('GET', `/console/complaints/${id}`, { principal: who })).text();
  return [...html.matchAll(/<form method="post" action="\/console\/complaints\/[^/]+\/actions\/([a-z-]+)"/g)].map(
    (m) => m[1]!,
  );
}

describe('a handler through the forms (acknowledge, assign, decide, feedback)', () => {
  it('records each action at once, as the user, and redirects back to the complaint', async () => {
    const id = await intake();
    expect(outcome(await submit('acknowledge', id, handler()))).toEqual(done(id, 'acknowledge'));
    expect((await record(id)).status).toBe('acknowledged');

    expect(outcome(await submit('assign', id, handler(), { unitId: 'sub-branch', assignee: 'h-1' }))).toEqual(
      done(id, 'assign'),
    );
    expect(await record(id)).toMatchObject({ status: 'investigating', unitId: 'sub-branch', assignee: 'h-1' });

    const decided = await submit('decision', id, handler(), {
      outcome: 'partially_upheld',
      summary: '退还年费300元',
      'remediesAvailable[]': ['review', 'litigation'],
    });
    expect(outcome(decided)).toEqual(done(id, 'decision'));
    expect((await record(id)).decision).toMatchObject({
      outcome: 'partially_upheld',
      summary: '退还年费300元',
      remediesAvailable: ['review', 'litigation'],
      decidedBy: 'h-1',
    });

    // Told by phone an hour after the decision, typed as Shanghai's wall clock.
    clock.set('2026-03-02T04:00:00.000Z');
    const told = await submit('feedback', id, handler(), {
      channel: 'phone',
      deliveredAt: '2026-03-02T11:00',
      summary: '电话告知处理结果',
    });
    expect(outcome(told)).toEqual(done(id, 'feedback'));
    expect((await record(id)).feedback).toMatchObject({ channel: 'phone', deliveredAt: '2026-03-02T03:00:00.000Z' });

    const mine = (await events(id)).filter((e) => e.actor.kind === 'user' && e.actor.id === 'h-1').map((e) => e.type);
    expect(mine).toEqual(['acknowledged', 'assigned', 'decided', 'feedback_delivered']);
  });

  it('the panel says what was done after the redirect', async () => {
    const id = await intake();
    await submit('acknowledge', id, handler());
    const html = await (
      await w.page('GET', `/console/complaints/${id}?done=acknowledge`, { principal: handler() })
    ).text();
    expect(html).toContain('已完成：确认受理');
  });

  it('a blank feedback time is now', async () => {
    const id = await intake();
    await submit('acknowledge', id, handler());
    await submit('decision', id, handler(), { outcome: 'upheld', summary: '全额退还' });
    expect(outcome(await submit('feedback', id, handler(), { channel: 'sms', summary: '短信告知' }))).toEqual(
      done(id, 'feedback'),
    );
    expect((await record(id)).feedback?.deliveredAt).toBe(clock.now().toISOString());
  });
});

describe('a supervisor: extension, pause, review (recusal enforced)', () => {
  it('extends (an especially complex one needs its approval: 422), pauses and resumes', async () => {
    const id = await intake();
    await submit('acknowledge', id, handler());
    const before = (await record(id)).deadlines.decision;

    const unapproved = await submit('extend', id, supervisor(), { tier: 'especially_complex', reason: '需外部鉴定' });
    expect(unapproved.status).toBe(422);
    expect(unapproved.html).toContain('特别复杂情形的延期须填写批准人');
    // The form comes back filled in, still drawn from the version the supervisor saw.
    expect(unapproved.html).toContain('需外部鉴定');
    expect(unapproved.html).toMatch(/name="_version" value="2"/);
    expect((await record(id)).deadlines.decision).toBe(before);

    const extended = await submit('extend', id, supervisor(), {
      tier: 'especially_complex',
      reason: '需外部鉴定',
      approvedBy: '总行消保部负责人',
      'notice.channel': 'letter',
    });
    expect(outcome(extended)).toEqual(done(id, 'extend'));
    const r = await record(id);
    expect(r.deadlines.decision > before).toBe(true);
    expect(r.extension).toMatchObject({
      tier: 'especially_complex',
      approvedBy: '总行消保部负责人',
      noticeChannel: 'letter',
    });

    expect(outcome(await submit('pause', id, supervisor(), { reason: '司法鉴定', 'notice.channel': 'phone' }))).toEqual(
      done(id, 'pause'),
    );
    expect((await record(id)).pause).toMatchObject({ reason: '司法鉴定', from: clock.now().toISOString() });
    expect(outcome(await submit('resume', id, supervisor()))).toEqual(done(id, 'resume'));
    expect((await record(id)).pause).toBeUndefined();
  });

  it('decides a review; the original decision maker gets 422 and the reason, in their language', async () => {
    const id = await intake();
    await submit('acknowledge', id, supervisor('sup-1'));
    await submit('decision', id, supervisor('sup-1'), { outcome: 'not_upheld', summary: '合同约定清楚' });
    await submit('feedback', id, supervisor('sup-1'), { channel: 'phone', summary: '电话告知' });
    expect(outcome(await submit('review-request', id, staff(['intake'], 'intake-1'), { reason: '不服' }))).toEqual(
      done(id, 'review-request'),
    );

    const recused = await submit('review-decision', id, supervisor('sup-1'), { outcome: 'changed', summary: '改判' });
    expect(recused.status).toBe(422);
    expect(recused.html).toContain('按回避要求不能作出核查决定');
    const english = await submit(
      'review-decision',
      id,
      supervisor('sup-1'),
      { outcome: 'changed', summary: '改判' },
      { locale: 'en' },
    );
    expect(english.status).toBe(422);
    expect(english.html).toContain('under the recusal rule you may not decide the review');
    expect((await record(id)).status).toBe('review_requested');

    expect(
      outcome(
        await submit('review-decision', id, supervisor('sup-2'), { outcome: 'changed', summary: '改判全额退还' }),
      ),
    ).toEqual(done(id, 'review-decision'));
    expect((await record(id)).reviewDecision).toMatchObject({ outcome: 'changed', decidedBy: 'sup-2' });
    expect(
      outcome(await submit('feedback', id, supervisor('sup-2'), { channel: 'letter', summary: '书面告知' })),
    ).toEqual(done(id, 'feedback'));
    // Nothing is left after the review's feedback: the workflow closes it at once.
    expect((await record(id)).reviewFeedback).toMatchObject({ channel: 'letter', recordedBy: 'sup-2' });
    expect((await record(id)).status).toBe('closed');
  });
});

describe('the endings and the partner', () => {
  it('withdraw, decline with a reason code, transfer to another institution', async () => {
    const withdrawn = await intake();
    expect(outcome(await submit('withdraw', withdrawn, staff(['intake'], 'intake-1')))).toEqual(
      done(withdrawn, 'withdraw'),
    );
    expect((await record(withdrawn)).status).toBe('withdrawn');

    const declined = await intake();
    expect(outcome(await submit('decline', declined, supervisor(), { reasonCode: 'duplicate' }))).toEqual(
      done(declined, 'decline'),
    );
    expect((await record(declined)).ended).toMatchObject({ kind: 'declined', reasonCode: 'duplicate' });

    const moved = await intake();
    const unknown = await submit('transfer', moved, supervisor(), { toTenantId: 'no-such-bank', reason: '非本行产品' });
    expect(unknown.status).toBe(400);
    expect(unknown.html).toContain('平台上没有该机构，或该机构已停用');
    expect(outcome(await submit('transfer', moved, supervisor(), { toTenantId: B.id, reason: '非本行产品' }))).toEqual(
      done(moved, 'transfer'),
    );
    const ended = (await record(moved)).ended!;
    expect(ended).toMatchObject({ kind: 'transferred', toTenantId: B.id });
    expect((await record(ended.toComplaintId!, B)).transferredFrom).toMatchObject({
      tenantId: A.id,
      complaintId: moved,
    });
  });

  it('proceeds without a partner: 422 before its deadline, at once once the partner is suspended', async () => {
    const partner = await onboardTenant(w.platform, {
      id: 'ins-p',
      name: '伙伴保险',
      kind: 'insurer',
      policy: 'cn-nfra-2020',
    });
    await w.platform.units.put(partner.tableName, { units: [{ id: 'hq', name: { 'zh-CN': '总公司', en: 'HQ' } }] }, 0);
    const id = await intake({ partners: ['ins-p'] });
    await submit('acknowledge', id, handler());
    expect(await offered(id, supervisor())).toContain('proceed-without-partner');
    expect(await offered(id, supervisor())).not.toContain('decision');

    const early = await submit('proceed-without-partner', id, supervisor(), { reason: '逾期' }, { partner: 'ins-p' });
    expect(early.status).toBe(422);
    expect(early.html).toContain('协办期限尚未届满');

    await setTenantStatus(w.platform, 'ins-p', 'suspended');
    const waived = await submit(
      'proceed-without-partner',
      id,
      supervisor(),
      { reason: '合作机构已暂停' },
      { partner: 'ins-p' },
    );
    expect(outcome(waived)).toEqual(done(id, 'proceed-without-partner'));
    expect((await record(id)).referrals[0]).toMatchObject({ partnerTenantId: 'ins-p', status: 'waived' });
    expect(await offered(id, supervisor())).toContain('decision');
  });
});

describe('validation with the API schemas, in the page language', () => {
  it('zh-CN by default, en on request: 400, the summary names each field, nothing changes', async () => {
    const id = await intake();
    await submit('acknowledge', id, handler());
    const version = (await record(id)).version;

    const zh = await submit('decision', id, handler(), { remedy: '退款' });
    expect(zh.status).toBe(400);
    expect(zh.html).toContain('<html lang="zh-CN"');
    expect(zh.html).toContain('请更正以下问题');
    expect(zh.html).toMatch(/<a href="#f-decision-outcome">处理结果: 无效选项/);
    expect(zh.html).toMatch(/<a href="#f-decision-summary">处理决定: 无效输入/);
    expect(zh.html).toMatch(/id="f-decision-outcome"[^>]*aria-invalid="true"/);
    // What was typed is kept.
    expect(zh.html).toContain('value="退款"');

    const en = await submit('decision', id, handler(), { outcome: 'maybe' }, { locale: 'en' });
    expect(en.status).toBe(400);
    expect(en.html).toContain('Please correct the following');
    expect(en.html).toMatch(/<a href="#f-decision-outcome">Outcome: Invalid option/);

    const future = await submit('feedback', id, handler(), { channel: 'phone', deliveredAt: 'tomorrow', summary: 'x' });
    expect(future.status).toBe(400);
    expect(future.html).toContain('无效ISO日期时间');
    expect((await record(id)).version).toBe(version);
  });

  it("the domain's field refusals too: a feedback time in the future", async () => {
    const id = await intake();
    await submit('acknowledge', id, handler());
    await submit('decision', id, handler(), { outcome: 'upheld', summary: '全额退还' });
    const sent = await submit('feedback', id, handler(), {
      channel: 'phone',
      deliveredAt: '2026-03-09T10:00',
      summary: '电话告知',
    });
    expect(sent.status).toBe(400);
    expect(sent.html).toMatch(/<a href="#f-feedback-deliveredAt">告知时间: 不能晚于现在/);
    expect((await record(id)).status).toBe('decided');
  });
});

describe('roles, tenants, CSRF', () => {
  it('intake cannot decide, a handler cannot extend: 403 and nothing changes', async () => {
    const id = await intake();
    await submit('acknowledge', id, handler());
    const version = (await record(id)).version;
    const intakeDecides = await submit('decision', id, staff(['intake'], 'intake-1'), {
      outcome: 'upheld',
      summary: 'x',
    });
    expect(intakeDecides.status).toBe(403);
    const handlerExtends = await submit('extend', id, handler(), { tier: 'complex', reason: '复杂' });
    expect(handlerExtends.status).toBe(403);
    expect((await record(id)).version).toBe(version);
  });

  it('the panel offers exactly what the record and the roles allow', async () => {
    const id = await intake();
    expect(await offered(id, handler())).toEqual(['acknowledge', 'assign', 'withdraw']);
    expect(await offered(id, supervisor())).toEqual([
      'acknowledge',
      'assign',
      'extend',
      'withdraw',
      'decline',
      'transfer',
    ]);
    expect(await offered(id, staff(['intake'], 'intake-1'))).toEqual(['withdraw']);
    expect(await offered(id, staff(['admin'], 'admin-1'))).toEqual(['assign']);
    await submit('acknowledge', id, handler());
    expect(await offered(id, handler())).toEqual(['assign', 'pause', 'decision', 'withdraw']);
    await submit('decision', id, handler(), { outcome: 'upheld', summary: '全额退还' });
    expect(await offered(id, handler())).toEqual(['feedback', 'withdraw']);
    expect(await offered(id, staff(['intake'], 'intake-1'))).toEqual(['withdraw']);
  });

  it("B's session posting any action to A's complaint gets 404, and A's complaint stays as it was", async () => {
    const id = await intake();
    const before = await record(id);
    const intruder = staff(['supervisor', 'handler', 'intake'], 'b-sup', () => B);
    for (const name of StaffActionNameSchema.options) {
      const sent = await submit(
        name,
        id,
        intruder,
        { reason: '越权', outcome: 'upheld', summary: 'x' },
        { drawnFrom: before },
      );
      expect({ name, status: sent.status }).toEqual({ name, status: 404 });
      expect(sent.html).not.toContain(before.reference);
    }
    expect(await record(id)).toEqual(before);
  });

  it('a form without its CSRF token is 403 and changes nothing', async () => {
    const id = await intake();
    const before = await record(id);
    expect((await submit('acknowledge', id, handler(), {}, { csrf: false })).status).toBe(403);
    expect((await submit('withdraw', id, handler(), {}, { csrf: false })).status).toBe(403);
    expect(await record(id)).toEqual(before);
  });
});

describe('versions: never a lost update, never twice', () => {
  it('a form drawn from an older version is 409 with a reload message', async () => {
    const id = await intake();
    const seen = await record(id);
    await submit('assign', id, supervisor(), { unitId: 'branch', assignee: 'h-2' });
    const stale = await submit('assign', id, handler(), { unitId: 'sub-branch', assignee: 'h-1' }, { drawnFrom: seen });
    expect(stale.status).toBe(409);
    expect(stale.html).toContain('投诉在您打开此表单后已有变化，您的操作未保存');
    expect(stale.html).toContain(`href="/console/complaints/${id}"`);
    expect(await record(id)).toMatchObject({ unitId: 'branch', assignee: 'h-2' });
  });

  it('the same form sent twice files the action once, and both answers go back to the complaint', async () => {
    const id = await intake();
    await submit('acknowledge', id, handler());
    const seen = await record(id);
    const form = { outcome: 'upheld', summary: '全额退还' };
    const [first, second] = await Promise.all([
      submit('decision', id, handler(), form, { drawnFrom: seen }),
      submit('decision', id, handler(), form, { drawnFrom: seen }),
    ]);
    expect([outcome(first), outcome(second)]).toEqual([done(id, 'decision'), done(id, 'decision')]);
    expect((await events(id)).filter((e) => e.type === 'decided')).toHaveLength(1);
    // Sent again later, after someone else's change, it is a conflict after all.
    await submit('feedback', id, supervisor(), { channel: 'phone', summary: '电话告知' });
    expect((await submit('decision', id, handler(), form, { drawnFrom: seen })).status).toBe(409);
  });
});
