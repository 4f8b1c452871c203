/**
 * The contact log's forms in-process (real app, DynamoDB Local): a contact and a note go into the
 * complaint's chain and back to the complaint (PRG), refusals come back with the schema's messages,
 * a double submit records once, roles gate each form as they gate the API, another institution's
 * complaint is a 404, and a post without the session's token is refused.
 */
// First: it extends zod with .openapi(), which the route modules' schemas call at import.
import '@hono/zod-openapi';
import { beforeAll, describe, expect, it } from 'vitest';
import { readContactLog } from '../../shared/application/contact-log';
import { registerComplaint } from '../../shared/application/intake';
import { IntakeSchema } from '../../shared/domain/complaint/intake-schema';
import { ContactLog } from '../../shared/web/console/contact-log';
import { isoToLocalInput } from '../../shared/web/datetime-local';
import { intakeBody, PII, principal } from '../support/fixtures';
import { testTenant } from '../support/test-platform';
import { type WebApp, webApp } from '../support/web-app';

const SUMMARY = `回电${PII.name}（${PII.phone}），告知已调取录音。`;
const SUMMARY_REDACTED = '回电[姓名]（[电话]），告知已调取录音。';

let w: WebApp;
const handler = () => principal(w.tenant.id, ['handler'], 'handler-1');

beforeAll(async () => {
  w = await webApp();
  await testTenant(w.platform, { id: 'bank-b', name: 'Bank B' });
});

async function complaint() {
  const received = new Date(w.platform.clock.now().getTime() - 3 * 3600_000).toISOString();
  const { complaint } = await registerComplaint(
    w.platform,
    w.tenant,
    principal(w.tenant.id, ['intake']),
    IntakeSchema.parse(intakeBody({ receivedAt: received })),
    `k-${Math.random()}`,
  );
  return complaint;
}

const keyOf = (html: string, action: string) =>
  new RegExp(`action="[^"]*/${action}"[^>]*>[\\s\\S]*?name="_key" value="([^"]+)"`).exec(html)?.[1];

async function logPage(id: string, who = handler()) {
  const res = await w.page('GET', `/console/complaints/${id}/contacts`, { principal: who });
  return { status: res.status, html: await res.text() };
}

const postContact = (id: string, form: Record<string, string>, who = handler(), csrf?: string | false) =>
  w.page('POST', `/console/complaints/${id}/contacts`, { principal: who, form, ...(csrf !== undefined && { csrf }) });
const postNote = (id: string, form: Record<string, string>, who = handler()) =>
  w.page('POST', `/console/complaints/${id}/notes`, { principal: who, form });

const entries = (id: string) =>
  w.platform.complaints.eventsOfTypes(w.tenant.tableName, id, ['contact_recorded', 'note_added'], 100);

describe('recording a contact and a note', () => {
  it('records each in the chain, goes back to the complaint, and lists them (redacted) on the log', async () => {
    const c = await complaint();
    const first = await logPage(c.id);
    expect(first.status).toBe(200);
    expect(first.html).toContain('尚未记录与投诉人的联系');
    const at = new Date(w.platform.clock.now().getTime() - 3600_000);
    const res = await postContact(c.id, {
      _key: keyOf(first.html, 'contacts')!,
      'contact.channel': 'phone',
      'contact.direction': 'inbound',
      'contact.contactedAt': isoToLocalInput(at.toISOString(), w.tenant.timezone),
      'contact.summary': SUMMARY,
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/console/complaints/${c.id}#contacts`);
    const note = await postNote(c.id, { _key: keyOf(first.html, 'notes')!, 'note.text': '需主管回访' });
    expect(note.status).toBe(303);

    const { items } = await entries(c.id);
    expect(items.map((e) => e.type)).toEqual(['contact_recorded', 'note_added']);
    expect(items[0]?.data).toMatchObject({
      channel: 'phone',
      direction: 'inbound',
      contactedAt: new Date(Math.floor(at.getTime() / 60_000) * 60_000).toISOString(),
    });
    const after = await logPage(c.id);
    expect(after.html).toContain(SUMMARY_REDACTED);
    expect(after.html).not.toContain(PII.phone);
    expect(after.html).toContain('投诉人联系本机构');
    expect(after.html).toContain('需主管回访');
    expect(after.html).toContain('最近一次联系');
  });

  it('shows the clear text only when the page reveals it to a user with pii:read', async () => {
    const c = await complaint();
    const key = keyOf((await logPage(c.id)).html, 'contacts')!;
    await postContact(c.id, { _key: key, 'contact.channel': 'sms', 'contact.summary': SUMMARY });
    const props = { record: c, csrf: 'x', locale: 'zh-CN' as const, timeZone: w.tenant.timezone, roles: ['handler'] };
    const withPii = principal(w.tenant.id, ['handler', 'pii:read']);
    const shown = async (reveal: boolean, who = withPii) =>
      String(
        await ContactLog({
          ...props,
          log: await readContactLog(w.platform, w.tenant, who, c.id, { reveal }),
        }).toString(),
      );
    expect(await shown(true)).toContain(SUMMARY);
    expect(await shown(false)).toContain(SUMMARY_REDACTED);
    expect(await shown(true, handler())).toContain(SUMMARY_REDACTED);
  });
});

describe('a refused form', () => {
  it('comes back with the schema’s and the rule’s messages beside the field, its key kept, nothing recorded', async () => {
    const c = await complaint();
    const key = keyOf((await logPage(c.id)).html, 'contacts')!;
    const empty = await postContact(c.id, { _key: key, 'contact.channel': 'phone', 'contact.summary': '' });
    expect(empty.status).toBe(400);
    const html = await empty.text();
    expect(html).toContain('<a href="#f-contact-summary">');
    expect(html).toContain('aria-invalid="true"');
    expect(keyOf(html, 'contacts')).toBe(key);

    const tomorrow = isoToLocalInput(
      new Date(w.platform.clock.now().getTime() + 86_400_000).toISOString(),
      w.tenant.timezone,
    );
    const future = await postContact(c.id, {
      _key: key,
      'contact.channel': 'phone',
      'contact.contactedAt': tomorrow,
      'contact.summary': 'x',
    });
    expect(future.status).toBe(400);
    const text = await future.text();
    expect(text).toContain('联系时间: 不得晚于现在');
    expect(text).toContain(`value="${tomorrow}"`);
    const unknown = await postContact(c.id, { _key: key, 'contact.channel': 'pigeon', 'contact.summary': 'x' });
    expect(unknown.status).toBe(400);
    expect((await entries(c.id)).items).toEqual([]);
  });
});

describe('submitting twice', () => {
  it('records one contact for one form, however often it is sent', async () => {
    const c = await complaint();
    const form = {
      _key: keyOf((await logPage(c.id)).html, 'contacts')!,
      'contact.channel': 'phone',
      'contact.summary': '致电告知',
    };
    expect((await postContact(c.id, form)).status).toBe(303);
    const twins = await Promise.all([postContact(c.id, form), postContact(c.id, form)]);
    expect(twins.map((r) => r.status)).toEqual([303, 303]);
    expect((await entries(c.id)).items).toHaveLength(1);
    const noKey = await postContact(c.id, { 'contact.channel': 'phone', 'contact.summary': '致电告知' });
    expect(noKey.status).toBe(400);
    expect((await entries(c.id)).items).toHaveLength(1);
  });
});

describe('roles', () => {
  it('show each form only to those who may use it, and refuse the others’ posts', async () => {
    const c = await complaint();
    const intake = principal(w.tenant.id, ['intake'], 'clerk');
    const admin = principal(w.tenant.id, ['admin'], 'admin');
    const asIntake = (await logPage(c.id, intake)).html;
    expect(asIntake).toContain('/contacts"');
    expect(asIntake).not.toContain('/notes"');
    const asAdmin = await logPage(c.id, admin);
    expect(asAdmin.status).toBe(200);
    expect(asAdmin.html).not.toContain('method="post" action="/console/complaints');
    const both = (await logPage(c.id)).html;
    expect(both).toContain('/contacts"');
    expect(both).toContain('/notes"');

    expect((await postNote(c.id, { _key: 'form-a', 'note.text': 'x' }, intake)).status).toBe(403);
    expect(
      (await postContact(c.id, { _key: 'form-b', 'contact.channel': 'phone', 'contact.summary': 'x' }, admin)).status,
    ).toBe(403);
    expect(
      (await postContact(c.id, { _key: 'form-c', 'contact.channel': 'phone', 'contact.summary': 'x' }, intake)).status,
    ).toBe(303);
    expect((await entries(c.id)).items).toHaveLength(1);
  });
});

describe("another institution's complaint", () => {
  it('is a 404 on the log and both forms, as an id that never existed, and nothing is recorded', async () => {
    const c = await complaint();
    const other = principal('bank-b', ['supervisor', 'pii:read'], 'b-1');
    const never = '01JZZZZZZZZZZZZZZZZZZZZZZZ';
    const calls = [
      (id: string) => w.page('GET', `/console/complaints/${id}/contacts`, { principal: other }),
      (id: string) => postContact(id, { _key: 'form-x', 'contact.channel': 'phone', 'contact.summary': 'x' }, other),
      (id: string) => postContact(id, { _key: 'form-y', 'contact.channel': 'phone', 'contact.summary': '' }, other),
      (id: string) => postNote(id, { _key: 'form-z', 'note.text': 'x' }, other),
    ];
    for (const call of calls) {
      const res = await call(c.id);
      expect(res.status).toBe(404);
      const unknown = await call(never);
      expect(unknown.status).toBe(404);
      expect(await res.text()).not.toContain(c.reference);
    }
    expect((await entries(c.id)).items).toEqual([]);
  });
});

describe('CSRF', () => {
  it('refuses a post without the session’s token or from another site, and records nothing', async () => {
    const c = await complaint();
    const form = { _key: 'form-csrf', 'contact.channel': 'phone', 'contact.summary': 'x' };
    expect((await postContact(c.id, form, handler(), false)).status).toBe(403);
    expect((await postContact(c.id, form, handler(), 'forged-token-that-is-long-enough-to-look-real')).status).toBe(
      403,
    );
    const crossSite = await w.page('POST', `/console/complaints/${c.id}/notes`, {
      principal: handler(),
      form: { _key: 'form-csrf-2', 'note.text': 'x' },
      headers: { Origin: 'https://evil.example' },
    });
    expect(crossSite.status).toBe(403);
    expect((await entries(c.id)).items).toEqual([]);
  });
});
