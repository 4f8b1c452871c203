/**
 * The referrals inbox of a partner institution, in-process on the real workflow (manual clock,
 * DynamoDB Local): what it lists and how plainly, the answer form with the API's own schema, the
 * roles that may answer, the 409 of an answer after the lapse, and that no other institution sees it.
 */
// Loaded first: it extends zod with .openapi(), which the route modules' schemas call at import.
import '@hono/zod-openapi';
import { beforeAll, describe, expect, it } from 'vitest';
import { proceedWithoutPartner } from '../../shared/application/referral-lapse';
import { PII, principal } from '../support/fixtures';
import { fixedClock, type TestClock } from '../support/test-platform';
import { type WebApp, webApp } from '../support/web-app';
import { partnerScene } from './support/partner-scene';

// Mon 2 Nov 2026, 10:00 in Shanghai; the partner has 5 days, Sat 7 Nov rolls to Mon 9 Nov.
const RECEIVED = '2026-11-02T02:00:00.000Z';
const AFTER_DEADLINE = '2026-11-10T02:00:00.000Z';

let w: WebApp;
let clock: TestClock;
let scene: Awaited<ReturnType<typeof partnerScene>>;
let answered: Awaited<ReturnType<typeof scene.refer>>;
let lapsing: Awaited<ReturnType<typeof scene.refer>>;
let overdue: Awaited<ReturnType<typeof scene.refer>>;

const partnerHandler = () => principal('ins-b', ['handler'], 'ins-handler');
const html = async (res: Response) => res.text();
const statusOf = async (referralId: string) =>
  (await scene.p.referrals.get(scene.partner.tableName, referralId))?.status;

beforeAll(async () => {
  clock = fixedClock(RECEIVED);
  w = await webApp({ clock });
  scene = await partnerScene(w);
  answered = await scene.refer('银保渠道分红险');
  lapsing = await scene.refer('终身寿险');
  overdue = await scene.refer('意外险');
});

describe('the referrals inbox', () => {
  it('lists what the partner must answer, by deadline, with the time left in plain words', async () => {
    const res = await w.page('GET', '/console/referrals', { principal: partnerHandler() });
    expect(res.status).toBe(200);
    const body = await html(res);
    for (const r of [answered, lapsing, overdue]) expect(body).toContain(r.reference);
    expect(body).toContain('Bank A');
    // Asked on Mon 2 Nov, due Mon 9 Nov: seven days of the partner's own calendar.
    expect(body).toContain('7 天后到期');
    expect(body).not.toContain('class="overdue"');
    // Category and reason in the reader's language, not as codes.
    expect(body).not.toContain('>B-CAT-05<');
    for (const value of Object.values(PII)) expect(body).not.toContain(value);
  });

  it('speaks English when asked, and refuses a cursor it did not hand out', async () => {
    const cookie = await w.cookie(partnerHandler(), 'console');
    const en = await w.app.request('http://localhost/console/referrals', {
      headers: { Host: 'localhost', Cookie: `${cookie}; redress_lang=en` },
    });
    const body = await en.text();
    expect(body).toContain('Due in 7 days');
    expect(body).toContain('View by status');
    const forged = await w.page('GET', '/console/referrals?cursor=abc.def', { principal: partnerHandler() });
    expect(forged.status).toBe(400);
  });

  it('shows a referral with its answer form to a handler, and only the facts to an intake clerk', async () => {
    const page = await html(
      await w.page('GET', `/console/referrals/${answered.referralId}`, { principal: partnerHandler() }),
    );
    expect(page).toContain(`action="/console/referrals/${answered.referralId}/answer"`);
    expect(page).toContain('银保渠道分红险');
    for (const value of Object.values(PII)) expect(page).not.toContain(value);

    const clerk = principal('ins-b', ['intake'], 'ins-intake');
    const read = await w.page('GET', `/console/referrals/${answered.referralId}`, { principal: clerk });
    expect(read.status).toBe(200);
    const text = await html(read);
    expect(text).not.toContain('/answer"');
    expect(text).toContain('答复需要经办人或主管角色');
    const refused = await w.page('POST', `/console/referrals/${answered.referralId}/answer`, {
      principal: clerk,
      form: { position: 'agrees', summary: '同意' },
    });
    expect(refused.status).toBe(403);
    expect(await statusOf(answered.referralId)).toBe('open');
  });

  it('refuses what the API refuses, with the messages at their fields and the text kept', async () => {
    const res = await w.page('POST', `/console/referrals/${answered.referralId}/answer`, {
      principal: partnerHandler(),
      form: { position: 'maybe', summary: '   ' },
    });
    expect(res.status).toBe(400);
    const body = await html(res);
    expect(body).toContain('class="error-summary"');
    expect(body).toContain('href="#f-position"');
    expect(body).toContain('href="#f-summary"');
    expect(body).toContain('aria-invalid="true"');
    // A key the API's strict schema does not know is refused here too.
    const extra = await w.page('POST', `/console/referrals/${answered.referralId}/answer`, {
      principal: partnerHandler(),
      form: { position: 'agrees', summary: '同意退保', onTime: 'true' },
    });
    expect(extra.status).toBe(400);
    expect(await statusOf(answered.referralId)).toBe('open');
  });

  it('refuses a form without the session’s anti-forgery token', async () => {
    const res = await w.page('POST', `/console/referrals/${answered.referralId}/answer`, {
      principal: partnerHandler(),
      form: { position: 'agrees', summary: '同意退保并返还保费' },
      csrf: false,
    });
    expect(res.status).toBe(403);
    expect(await statusOf(answered.referralId)).toBe('open');
  });

  it('never shows nor takes another institution’s referral', async () => {
    // The bank's own supervisor: the referral lives in the insurer's table, never in the bank's.
    const bank = principal(w.tenant.id, ['supervisor', 'handler'], 'bank-user');
    const list = await html(await w.page('GET', '/console/referrals', { principal: bank }));
    expect(list).not.toContain(answered.reference);
    expect(list).toContain('没有待答复的协办');
    expect((await w.page('GET', `/console/referrals/${answered.referralId}`, { principal: bank })).status).toBe(404);
    const post = await w.page('POST', `/console/referrals/${answered.referralId}/answer`, {
      principal: bank,
      form: { position: 'agrees', summary: '冒名答复' },
    });
    expect(post.status).toBe(404);
    expect(await statusOf(answered.referralId)).toBe('open');
  });

  it('takes the answer (PRG), and the referring institution may then decide', async () => {
    const res = await w.page('POST', `/console/referrals/${answered.referralId}/answer`, {
      principal: partnerHandler(),
      form: { position: 'partially_agrees', summary: '同意退还保费，手续费不予退还' },
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/console/referrals/${answered.referralId}?done=answered`);
    const shown = await html(await w.page('GET', res.headers.get('location')!, { principal: partnerHandler() }));
    expect(shown).toContain('答复已提交');
    expect(shown).toContain('同意退还保费，手续费不予退还');
    expect(shown).toContain('部分同意');
    expect(shown).not.toContain('/answer"');

    const record = await scene.p.complaints.get(scene.from.tableName, answered.complaintId);
    expect(record?.referrals[0]).toMatchObject({
      partnerTenantId: 'ins-b',
      status: 'answered',
      position: 'partially_agrees',
    });
    expect((await scene.decide(answered.complaintId)).status).toBe('decided');

    const open = await html(await w.page('GET', '/console/referrals', { principal: partnerHandler() }));
    expect(open).not.toContain(answered.reference);
    const done = await html(await w.page('GET', '/console/referrals?status=answered', { principal: partnerHandler() }));
    expect(done).toContain(answered.reference);
    // A second answer is a conflict, said as such.
    const again = await w.page('POST', `/console/referrals/${answered.referralId}/answer`, {
      principal: partnerHandler(),
      form: { position: 'agrees', summary: '再次答复' },
    });
    expect(again.status).toBe(409);
    expect(await html(again)).toContain('该协办已由他人答复');
  });

  it('shows an overdue referral in red once the deadline has passed', async () => {
    await clock.advanceTo(AFTER_DEADLINE);
    await scene.p.engine.settle();
    const body = await html(await w.page('GET', '/console/referrals', { principal: partnerHandler() }));
    const row = body.slice(body.indexOf(overdue.reference) - 200, body.indexOf(overdue.reference));
    expect(row).toContain('<tr class="overdue">');
    expect(body).toContain('已逾期 1 天');
  });

  it('answers a late answer after the lapse with a plain 409 and keeps what was written', async () => {
    // The handler opened the form before the bank proceeded without the partner.
    const form = await html(
      await w.page('GET', `/console/referrals/${lapsing.referralId}`, { principal: partnerHandler() }),
    );
    expect(form).toContain('/answer"');
    await proceedWithoutPartner(scene.p, scene.from, scene.supervisor, lapsing.complaintId, 'ins-b', {
      reason: '合作机构逾期未反馈',
    });
    await scene.p.engine.settle();

    const res = await w.page('POST', `/console/referrals/${lapsing.referralId}/answer`, {
      principal: partnerHandler(),
      form: { position: 'agrees', summary: '迟到的意见：同意退保' },
    });
    expect(res.status).toBe(409);
    const body = await html(res);
    expect(body).toContain('答复未被接受');
    expect(body).toContain('Bank A 已于');
    expect(body).toContain('不再接受答复');
    expect(body).toContain('迟到的意见：同意退保');
    expect(body).not.toContain('/answer"');
    expect(await statusOf(lapsing.referralId)).toBe('lapsed');
    const lapsed = await html(await w.page('GET', '/console/referrals?status=lapsed', { principal: partnerHandler() }));
    expect(lapsed).toContain(lapsing.reference);
  });
});
