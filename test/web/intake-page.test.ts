/**
 * The intake page in-process (real app, DynamoDB Local): every channel registers, refusals come back
 * with the API schema's messages in the page's language, a double submit files one complaint, the
 * repeat warning comes before anything is saved, and the page keeps to its tenant and its CSRF check.
 */
// First: it extends zod with .openapi(), which the route modules' schemas call at import.
import '@hono/zod-openapi';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ChannelSchema } from '../../shared/domain/taxonomy';
import { isoToLocalInput } from '../../shared/web/datetime-local';
import { DESCRIPTION, principal } from '../support/fixtures';
import { testTenant } from '../support/test-platform';
import { type WebApp, webApp } from '../support/web-app';

let w: WebApp;
let clerk: ReturnType<typeof principal>;
let phoneSeq = 0;

/** A phone number no other test of this file uses: no unintended repeat. */
const freshPhone = () => `1391000${String(++phoneSeq).padStart(4, '0')}`;

beforeAll(async () => {
  w = await webApp();
  await testTenant(w.platform, { id: 'bank-b', name: 'Bank B' });
  clerk = principal(w.tenant.id, ['intake'], 'clerk-1');
});

/** A session of `who` on an English page: its cookie beside the language's, and its CSRF token. */
async function english(who: ReturnType<typeof principal>) {
  const { value, session } = await w.sessions.seal(who, 'console');
  return { headers: { Cookie: `redress_console=${value}; redress_lang=en` }, csrf: session.csrf };
}

const keyOf = (html: string) => /name="_key" value="([^"]+)"/.exec(html)?.[1];

/** The form as first shown: its key, drawn at render. */
async function openForm(channel = 'phone', who = clerk) {
  const res = await w.page('GET', `/console/intake?channel=${channel}`, { principal: who });
  expect(res.status).toBe(200);
  const key = keyOf(await res.text());
  expect(key).toMatch(/^form-/);
  return key!;
}

function fields(o: Record<string, string> = {}): Record<string, string> {
  return {
    channel: 'phone',
    'complainant.name': '王小明',
    'complainant.phone': freshPhone(),
    category: 'B-CAT-06',
    reason: 'B-RSN-08',
    product: '白金信用卡',
    description: DESCRIPTION,
    'amountInDispute.amount': '600.00',
    'amountInDispute.currency': 'CNY',
    ...o,
  };
}

const post = (
  form: Record<string, string>,
  who = clerk,
  extra: { csrf?: string | false; headers?: Record<string, string> } = {},
) => w.page('POST', '/console/intake', { principal: who, form, ...extra });

const complaintIdOf = (res: Response) => {
  expect(res.status).toBe(303);
  const m = /^\/console\/complaints\/([0-9A-Z]{26})$/.exec(res.headers.get('location') ?? '');
  expect(m, res.headers.get('location') ?? '').not.toBeNull();
  return m![1]!;
};

const stored = (id: string, table = w.tenant.tableName) => w.platform.complaints.get(table, id);

describe('the intake form', () => {
  it('offers every channel and the institution’s taxonomy with zh-CN labels, English on request', async () => {
    const zh = await (await w.page('GET', '/console/intake', { principal: clerk })).text();
    for (const label of ['电话', '营业网点', '信函', '电子邮件', '移动应用（App）', '监管转办'])
      expect(zh).toContain(label);
    expect(zh).toContain('<option value="B-CAT-06">信用卡</option>');
    expect(zh).toContain('<option value="B-RSN-08">定价收费</option>');
    expect(zh).toContain('aria-current="page">电话</a>');
    expect(zh).not.toContain('name="regulatorReference"');
    const en = await (await w.page('GET', '/console/intake?channel=regulator_transfer', await english(clerk))).text();
    expect(en).toContain('<option value="B-CAT-06">Credit cards</option>');
    expect(en).toContain('Transferred by regulator');
    expect(en).toContain('name="regulatorReference"');
  });

  it('offers an insurer its own categories and reasons, and files with them', async () => {
    await testTenant(w.platform, { id: 'ins-a', name: 'Insurer A', kind: 'insurer' });
    const agent = principal('ins-a', ['intake'], 'ins-clerk');
    const html = await (await w.page('GET', '/console/intake', { principal: agent })).text();
    expect(html).toContain('<option value="I-CAT-01">');
    expect(html).not.toContain('B-CAT-');
    const res = await post({ ...fields({ category: 'I-CAT-01', reason: 'I-RSN-01' }), _key: keyOf(html)! }, agent);
    const insurer = (await w.platform.directory.find('ins-a'))!;
    expect(await stored(complaintIdOf(res), insurer.tableName)).toMatchObject({ category: 'I-CAT-01' });
    // A bank's code is no insurer's: refused beside the field, in the page's words.
    const bankCode = await post({ ...fields(), _key: await openForm('phone', agent) }, agent);
    expect(bankCode.status).toBe(400);
    expect(await bankCode.text()).toContain('<a href="#f-category">业务类别: 请选择本机构的业务类别</a>');
  });

  const CHANNELS: [(typeof ChannelSchema.options)[number], Record<string, string>][] = [
    ['phone', {}],
    ['branch', {}],
    ['letter', { 'complainant.address': '上海市浦东新区世纪大道100号' }],
    ['email', { 'complainant.email': 'letter.writer@example.cn' }],
    ['app', {}],
    ['web', {}],
    ['social', {}],
    ['regulator_transfer', { regulatorReference: 'NFRA-SH-2026-0042' }],
  ];
  it.each(CHANNELS)('registers a complaint received by %s and goes to its page', async (channel, extra) => {
    const key = await openForm(channel);
    const res = await post({ ...fields({ channel, ...extra }), _key: key });
    const record = await stored(complaintIdOf(res));
    expect(record).toMatchObject({ channel, category: 'B-CAT-06', reason: 'B-RSN-08', createdBy: 'clerk-1' });
    if (channel === 'regulator_transfer') expect(record?.regulatorReference).toBe('NFRA-SH-2026-0042');
  });

  it('reads the receipt time in the institution’s zone', async () => {
    const at = new Date(w.platform.clock.now().getTime() - 26 * 3600_000);
    const local = isoToLocalInput(at.toISOString(), w.tenant.timezone);
    const res = await post({ ...fields({ channel: 'letter', receivedAt: local }), _key: await openForm('letter') });
    const record = await stored(complaintIdOf(res));
    // To the minute, as the field takes it: the same instant, not the same digits read as UTC.
    expect(record?.receivedAt).toBe(new Date(Math.floor(at.getTime() / 60_000) * 60_000).toISOString());
  });
});

describe('a refused form', () => {
  it('comes back with the schema’s messages in Chinese, the values kept and nothing saved', async () => {
    const before = (await w.platform.complaints.list(w.tenant.tableName, { limit: 100 })).items.length;
    const key = await openForm();
    const res = await post({
      ...fields({ 'complainant.name': '', 'complainant.phone': '12ab', category: '' }),
      'complainant.email': 'not-an-email',
      _key: key,
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('class="error-summary"');
    expect(html).toMatch(/<a href="#f-complainant-name">姓名: 此项必填<\/a>/);
    expect(html).toContain('请输入 5–20 位数字的电话号码');
    expect(html).toContain('<a href="#f-category">业务类别: 此项必填</a>');
    expect(html).toContain('无效电子邮件');
    expect(html).toContain('aria-invalid="true"');
    // What was typed stays, and so does the form's key.
    expect(html).toContain('value="not-an-email"');
    expect(keyOf(html)).toBe(key);
    expect((await w.platform.complaints.list(w.tenant.tableName, { limit: 100 })).items).toHaveLength(before);
  });

  it('says it in English on an English page', async () => {
    const res = await w.page('POST', '/console/intake', {
      form: { ...fields({ 'complainant.phone': '', description: '' }), _key: await openForm() },
      ...(await english(clerk)),
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('Phone: Give at least one of phone and email');
    expect(html).toContain('Description: This is required');
  });

  it('shows the rules intake checks itself beside their fields: a future receipt, a missing regulator reference', async () => {
    const future = isoToLocalInput(
      new Date(w.platform.clock.now().getTime() + 2 * 86_400_000).toISOString(),
      w.tenant.timezone,
    );
    const late = await post({ ...fields({ receivedAt: future }), _key: await openForm() });
    expect(late.status).toBe(400);
    expect(await late.text()).toContain('<a href="#f-receivedAt">受理时间: 不得晚于现在</a>');
    const forwarded = await post({ ...fields({ channel: 'regulator_transfer' }), _key: await openForm() });
    expect(forwarded.status).toBe(400);
    const html = await forwarded.text();
    expect(html).toContain('监管转办件须填写转办编号');
    // Now the form is the regulator's kind: its reference field is there to fill in.
    expect(html).toContain('name="regulatorReference"');
  });
});

describe('submitting twice', () => {
  it('files one complaint, however the second submit comes', async () => {
    const key = await openForm();
    const form = { ...fields(), _key: key };
    const count = async () => (await w.platform.complaints.list(w.tenant.tableName, { limit: 100 })).items.length;
    const before = await count();
    const first = complaintIdOf(await post(form));
    const again = complaintIdOf(await post(form));
    expect(again).toBe(first);
    const twins = await Promise.all([post(form), post(form)]);
    expect(twins.map(complaintIdOf)).toEqual([first, first]);
    expect(await count()).toBe(before + 1);
  });

  it('sent again changed after it was filed (the back button) is refused, pointing at what was filed', async () => {
    const key = await openForm();
    const form = { ...fields(), _key: key };
    const first = complaintIdOf(await post(form));
    const changed = await post({ ...form, product: '另一张卡' });
    expect(changed.status).toBe(422);
    expect(await changed.text()).toContain(`href="/console/complaints/${first}"`);
  });
});

describe('a repeat complaint', () => {
  it('is warned of before anything is saved, and registered as a repeat once confirmed', async () => {
    const phone = freshPhone();
    const earlier = complaintIdOf(await post({ ...fields({ 'complainant.phone': phone }), _key: await openForm() }));
    const reference = (await stored(earlier))!.reference;

    const key = await openForm();
    const form = { ...fields({ 'complainant.phone': phone, 'complainant.name': '王小明' }), _key: key };
    const warned = await post(form);
    expect(warned.status).toBe(200);
    const html = await warned.text();
    expect(html).toContain('class="repeat-warning notice"');
    expect(html).toContain(reference);
    expect(html).toContain(`name="_confirmRepeat" value="${earlier}"`);
    expect(html).toContain('仍然登记（记为重复投诉）');
    expect(keyOf(html)).toBe(key);
    expect(html).toContain(`value="${phone}"`);
    // Nothing saved yet: the key has filed nothing.
    expect(await w.platform.complaints.getIdempotency(w.tenant.tableName, key)).toBeUndefined();

    const confirmed = complaintIdOf(await post({ ...form, _confirmRepeat: earlier }));
    expect((await stored(confirmed))?.repeatOf).toBe(earlier);
    // A resubmit of the confirmed form replays, with no warning of itself.
    expect(complaintIdOf(await post(form))).toBe(confirmed);
  });

  it('is not warned of for another category, and is saved at once', async () => {
    const phone = freshPhone();
    complaintIdOf(await post({ ...fields({ 'complainant.phone': phone }), _key: await openForm() }));
    const other = complaintIdOf(
      await post({ ...fields({ 'complainant.phone': phone, category: 'B-CAT-01' }), _key: await openForm() }),
    );
    expect((await stored(other))?.repeatOf).toBeNull();
  });
});

describe('who may register', () => {
  it('files into the signed-in user’s own institution only, whatever the form says', async () => {
    const other = principal('bank-b', ['handler'], 'b-handler');
    const id = complaintIdOf(await post({ ...fields(), _key: await openForm('phone', other) }, other));
    const bankB = (await w.platform.directory.find('bank-b'))!;
    expect(await stored(id, bankB.tableName)).toBeDefined();
    expect(await stored(id)).toBeUndefined();
    const smuggled = await post({ ...fields(), tenantId: w.tenant.id, _key: await openForm('phone', other) }, other);
    expect(smuggled.status).toBe(400);
  });

  it('refuses a session that holds no console role, and the regulator', async () => {
    for (const who of [
      principal(w.tenant.id, ['pii:read'], 'nobody'),
      { ...principal('', ['regulator'], 'reg'), tenantId: undefined },
    ]) {
      const get = await w.page('GET', '/console/intake', { principal: who as never });
      expect(get.status).toBe(303);
      expect(get.headers.get('location')).toMatch(/^\/console\/sign-in/);
      const res = await post({ ...fields(), _key: 'form-x' }, who as never);
      expect(res.status).toBe(401);
    }
  });

  it('shows the intake link to every staff role, which all hold complaint:create', async () => {
    for (const role of ['intake', 'handler', 'supervisor', 'admin']) {
      const html = await (await w.page('GET', '/console', { principal: principal(w.tenant.id, [role]) })).text();
      expect(html, role).toContain('href="/console/intake"');
    }
  });
});

describe('CSRF', () => {
  it('refuses a post without the session’s token, or with another, and saves nothing', async () => {
    const key = await openForm();
    for (const csrf of [false, 'forged-token-that-is-long-enough-to-look-real'] as const) {
      const res = await post({ ...fields(), _key: key }, clerk, { csrf });
      expect(res.status).toBe(403);
    }
    const crossSite = await post({ ...fields(), _key: key }, clerk, { headers: { Origin: 'https://evil.example' } });
    expect(crossSite.status).toBe(403);
    expect(await w.platform.complaints.getIdempotency(w.tenant.tableName, key)).toBeUndefined();
  });
});
