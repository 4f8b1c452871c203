import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { LocalWebhooks, settleAll } from '../../infra/local/webhooks/webhook-runtime';
import { answerReferral } from '../../shared/application/referral-tasks';
import { onboardTenant } from '../../shared/application/tenants';
import {
  createEndpoint,
  rotateSecret,
  sendTestEvent,
  setEndpointStatus,
} from '../../shared/application/webhook-endpoints';
import { referralIdFor } from '../../shared/domain/complaint/referral';
import * as t from '../../shared/domain/complaint/transitions';
import type { EscalationNotice } from '../../shared/ports/notifier';
import { webhookTypeOf } from '../../shared/webhooks/catalogue';
import { RETRY_DELAYS_MS } from '../../shared/webhooks/retry-schedule';
import { PII, principal } from '../support/fixtures';
import { scene } from '../support/scene';
import { startReceiver, verified } from './receiver';

const RECEIVED = '2026-11-02T02:00:00.000Z';
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A lifecycle scene with webhook delivery running as `npm start` runs it: stream poller, queue, sender. */
async function webhookScene() {
  const s = await scene(RECEIVED);
  const webhooks = new LocalWebhooks(s.p, {
    dynamoEndpoint: inject('dynamoEndpoint'),
    dataDir: mkdtempSync(join(tmpdir(), 'redress-webhooks-')),
    intervalMs: 20,
  });
  await webhooks.start();
  const receiver = await startReceiver();
  cleanups.push(receiver.close, () => webhooks.stop());
  const quiet = () => settleAll(s.p, webhooks);
  const advance = async (iso: string) => {
    await s.clock.manual.advanceTo(Date.parse(iso), quiet);
    await quiet();
  };
  const advanceBy = (ms: number) => advance(new Date(s.clock.now().getTime() + ms).toISOString());
  const subscribe = async (path: string, events: string[], tenant = s.tenant) =>
    createEndpoint(s.p, tenant, { url: receiver.url(path), events: events as never });
  return { s, webhooks, receiver, quiet, advance, advanceBy, subscribe };
}

const ALL_COMPLAINT_EVENTS = [
  'complaint.received',
  'complaint.acknowledged',
  'complaint.escalated',
  'complaint.overdue',
  'complaint.decided',
  'complaint.feedback_recorded',
  'complaint.review_window_opened',
  'complaint.closed',
];

describe('webhook delivery from the table stream', () => {
  it('delivers every event of a full lifecycle once, signed, in order, with no personal data', async () => {
    const w = await webhookScene();
    const { secret } = await w.subscribe('/all', ALL_COMPLAINT_EVENTS);
    const { secret: onlyClosed } = await w.subscribe('/closed', ['complaint.closed']);
    // Escalation notices to units travel the same outbox: one per recorded escalation, from the stream.
    const notices: EscalationNotice[] = [];
    w.s.p.notifier = { escalation: async (n) => void notices.push(n) };

    const id = await w.s.intake({ description: `客户${PII.name}，电话${PII.phone}，投诉年费重复扣收` });
    await w.quiet();
    await w.s.act(id, (r, _i, ctx) => t.acknowledge(r, ctx), {});
    await w.advance('2026-11-25T02:00:00Z'); // past the decision deadline: escalations and overdue
    await w.s.act(id, (r, i, ctx) => t.decide(r, i, ctx), { outcome: 'upheld' as const, summary: '退还年费' });
    await w.s.act(id, (r, i, ctx) => t.recordFeedback(r, i, ctx), {
      channel: 'phone' as const,
      deliveredAt: w.s.clock.now().toISOString(),
      summary: `已致电${PII.name}`,
    });
    await w.advance('2027-01-15T02:00:00Z'); // the review window passes: closed
    await w.quiet();

    const events = await w.s.events(id);
    const expected = events.map((e) => e.seq);
    const escalations = events.filter((e) => e.type === 'escalated');
    expect(escalations.length).toBeGreaterThan(2);
    expect(notices.map((n) => `${n.level}/${n.kind}/${n.step}`)).toEqual(
      escalations.map((e) => `${e.data.level}/${e.data.kind}/${e.data.step}`),
    );
    expect(notices.every((n) => n.tenantId === w.s.tenant.id && n.complaintId === id)).toBe(true);
    const got = w.receiver.at('/all').map((r) => verified(secret, r));
    expect(got.map((b) => b.data.seq)).toEqual(expected);
    expect(new Set(got.map((b) => b.id)).size).toBe(got.length);
    expect(got.map((b) => b.type)).toEqual(
      expect.arrayContaining([
        'complaint.received',
        'complaint.acknowledged',
        'complaint.escalated',
        'complaint.overdue',
        'complaint.decided',
        'complaint.feedback_recorded',
        'complaint.closed',
      ]),
    );
    for (const r of w.receiver.at('/all')) expect(r.headers['webhook-id']).toBe(JSON.parse(r.body).id);
    const last = got.at(-1)!;
    expect(last).toMatchObject({ type: 'complaint.closed', data: { complaintId: id, status: 'closed' } });
    expect(got[0]!.data).toMatchObject({ reference: expect.any(String), deadlines: { decision: expect.any(String) } });

    const closed = w.receiver.at('/closed').map((r) => verified(onlyClosed, r));
    expect(closed.map((b) => b.type)).toEqual(['complaint.closed']);

    const everything = w.receiver.received.map((r) => r.body).join('\n');
    for (const value of [...Object.values(PII), '退还年费', '年费重复扣收', '已致电'])
      expect(everything).not.toContain(value);
  });

  it('retries a failing receiver on the schedule and succeeds on the third attempt', async () => {
    const w = await webhookScene();
    const { endpoint, secret } = await w.subscribe('/flaky', ['complaint.received']);
    w.receiver.script('/flaky', [{ status: 500 }, { status: 503 }]);
    const started = w.s.clock.now().getTime();
    await w.s.intake();
    await w.quiet();
    expect(w.receiver.at('/flaky')).toHaveLength(1);

    await w.advanceBy(RETRY_DELAYS_MS[1] * 0.85); // before the 5 s retry (jitter is at most ±10 %)
    expect(w.receiver.at('/flaky')).toHaveLength(1);
    await w.advanceBy(RETRY_DELAYS_MS[1] * 0.3);
    expect(w.receiver.at('/flaky')).toHaveLength(2);
    await w.advanceBy(RETRY_DELAYS_MS[2] * 1.15);
    const attempts = w.receiver.at('/flaky');
    expect(attempts).toHaveLength(3);
    // One message: the same id and body on every attempt, each verifiable.
    expect(new Set(attempts.map((a) => a.headers['webhook-id'])).size).toBe(1);
    for (const a of attempts) verified(secret, a);

    const log = await w.s.p.webhooks.deliveries(w.s.tenant.tableName, endpoint.id, { limit: 10 });
    expect(log.items[0]).toMatchObject({ status: 'succeeded', attemptCount: 3 });
    expect(log.items[0]!.attempts.map((a) => a.status)).toEqual([500, 503, 200]);
    const times = log.items[0]!.attempts.map((a) => Date.parse(a.at) - started);
    expect(times[1]).toBeGreaterThanOrEqual(RETRY_DELAYS_MS[1] * 0.9);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(RETRY_DELAYS_MS[2] * 0.9);
    expect(await w.s.p.webhooks.endpoint(w.s.tenant.tableName, endpoint.id)).toMatchObject({ failingSince: null });
  });

  it('sends a first attempt from the delivery the dispatcher stored, reading it only for a retry', async () => {
    const w = await webhookScene();
    await w.subscribe('/once-more', ['complaint.received']);
    w.receiver.script('/once-more', [{ status: 500 }]);
    const webhooks = w.s.p.webhooks;
    const read = webhooks.delivery.bind(webhooks);
    let reads = 0;
    webhooks.delivery = (...a) => {
      reads++;
      return read(...a);
    };
    await w.s.intake();
    await w.quiet();
    expect(w.receiver.at('/once-more')).toHaveLength(1);
    expect(reads).toBe(0);
    // The retry is woken by the scheduler with the reference only: it reads what the first stored.
    await w.advanceBy(RETRY_DELAYS_MS[1] * 1.15);
    expect(w.receiver.at('/once-more')).toHaveLength(2);
    expect(reads).toBe(1);
  });

  it('honours Retry-After when it asks for longer than the schedule', async () => {
    const w = await webhookScene();
    await w.subscribe('/busy', ['complaint.received']);
    w.receiver.script('/busy', [{ status: 429, headers: { 'retry-after': '120' } }]);
    await w.s.intake();
    await w.quiet();
    await w.advanceBy(60_000);
    expect(w.receiver.at('/busy')).toHaveLength(1);
    await w.advanceBy(61_000);
    expect(w.receiver.at('/busy')).toHaveLength(2);
  });

  it('410 Gone disables the endpoint and tells the tenant’s other endpoints', async () => {
    const w = await webhookScene();
    const gone = await w.subscribe('/gone', ['complaint.received', 'complaint.acknowledged']);
    const ops = await w.subscribe('/ops', ['webhook.endpoint_disabled']);
    w.receiver.script('/gone', [{ status: 410 }]);
    const id = await w.s.intake();
    await w.quiet();
    expect(await w.s.p.webhooks.endpoint(w.s.tenant.tableName, gone.endpoint.id)).toMatchObject({
      status: 'disabled',
      disabledReason: 'gone',
    });
    const notice = w.receiver.at('/ops').map((r) => verified(ops.secret, r));
    expect(notice).toMatchObject([
      { type: 'webhook.endpoint_disabled', data: { endpointId: gone.endpoint.id, reason: 'gone' } },
    ]);
    await w.s.act(id, (r, _i, ctx) => t.acknowledge(r, ctx), {});
    await w.advanceBy(3600_000);
    expect(w.receiver.at('/gone')).toHaveLength(1);
  });

  it('disables an endpoint that failed for five days, and never sends to it again', async () => {
    const w = await webhookScene();
    const dead = await w.subscribe('/dead', ['complaint.received']);
    w.receiver.script(
      '/dead',
      Array.from({ length: 50 }, () => ({ status: 502 })),
    );
    for (let day = 0; day < 6; day++) {
      await w.s.intake();
      await w.advanceBy(24 * 3600_000);
    }
    const e = await w.s.p.webhooks.endpoint(w.s.tenant.tableName, dead.endpoint.id);
    expect(e).toMatchObject({ status: 'disabled', disabledReason: 'failing' });
    const count = w.receiver.at('/dead').length;
    await w.s.intake();
    await w.advanceBy(24 * 3600_000);
    expect(w.receiver.at('/dead')).toHaveLength(count);
  });

  it('a rotated secret and the previous one both verify for 24 h, then only the new one', async () => {
    const w = await webhookScene();
    const { endpoint, secret: old } = await w.subscribe('/rot', ['complaint.received']);
    const { secret: fresh } = await rotateSecret(w.s.p, w.s.tenant, endpoint.id);
    expect(fresh).not.toBe(old);
    await w.s.intake();
    await w.quiet();
    const during = w.receiver.at('/rot').at(-1)!;
    expect(String(during.headers['webhook-signature']).split(' ')).toHaveLength(2);
    verified(old, during);
    verified(fresh, during);

    await w.advanceBy(24 * 3600_000 + 1000);
    await w.s.intake();
    await w.quiet();
    const after = w.receiver.at('/rot').at(-1)!;
    expect(String(after.headers['webhook-signature']).split(' ')).toHaveLength(1);
    verified(fresh, after);
    expect(() => verified(old, after)).toThrow();
  });

  it('pause holds deliveries and resume sends them; a test event reaches one endpoint', async () => {
    const w = await webhookScene();
    const { endpoint, secret } = await w.subscribe('/held', ['complaint.received']);
    await setEndpointStatus(w.s.p, w.s.tenant, endpoint.id, 'paused');
    await w.s.intake();
    await w.s.intake();
    await w.advanceBy(3600_000);
    expect(w.receiver.at('/held')).toHaveLength(0);
    await setEndpointStatus(w.s.p, w.s.tenant, endpoint.id, 'active');
    await w.quiet();
    expect(w.receiver.at('/held').map((r) => verified(secret, r).type)).toEqual([
      'complaint.received',
      'complaint.received',
    ]);
    await sendTestEvent(w.s.p, w.s.tenant, endpoint.id);
    await w.quiet();
    expect(verified(secret, w.receiver.at('/held').at(-1)!).type).toBe('webhook.test');
  });

  it('keeps tenants apart; a partner’s referral events reach only the partner', async () => {
    const w = await webhookScene();
    const partner = (await w.s.p.directory.find(
      (
        await onboardTenant(w.s.p, { id: 'ins-w', name: '伙伴保险', kind: 'insurer', policy: 'cn-nfra-2020' })
      ).id,
    ))!;
    await w.s.p.units.put(partner.tableName, { units: [{ id: 'hq', name: { 'zh-CN': '总公司', en: 'HQ' } }] }, 0);
    const other = (await w.s.p.directory.find(
      (
        await onboardTenant(w.s.p, { id: 'bank-o', name: '他行', kind: 'bank', policy: 'cn-nfra-2020' })
      ).id,
    ))!;
    const bank = await w.subscribe('/bank', ['complaint.received', 'referral.requested', 'referral.answered']);
    const ins = await w.subscribe(
      '/partner',
      ['complaint.received', 'referral.requested', 'referral.answered'],
      partner,
    );
    await w.subscribe('/other', ['complaint.received', 'referral.requested', 'referral.answered'], other);

    const id = await w.s.intake({ partners: ['ins-w'], product: '银保渠道分红险' });
    await w.s.act(id, (r, _i, ctx) => t.acknowledge(r, ctx), {});
    await w.quiet();
    await answerReferral(w.s.p, partner, principal(partner.id, ['handler']), referralIdFor(id), {
      position: 'agrees',
      summary: '同意',
    });
    await w.quiet();

    expect(w.receiver.at('/other')).toHaveLength(0);
    const partnerGot = w.receiver.at('/partner').map((r) => verified(ins.secret, r));
    expect(partnerGot.map((b) => b.type).sort()).toEqual(['referral.answered', 'referral.requested']);
    expect(partnerGot.every((b) => b.tenantId === 'ins-w' && b.data.complaintId === id)).toBe(true);
    const bankGot = w.receiver.at('/bank').map((r) => verified(bank.secret, r));
    expect(bankGot.every((b) => b.tenantId === w.s.tenant.id)).toBe(true);
    // The referring bank hears of what its own complaint records, the partner's answer among it.
    const recorded = (await w.s.events(id)).map((e) => webhookTypeOf(e.type));
    const subscribed = ['complaint.received', 'referral.requested', 'referral.answered'];
    expect(bankGot.map((b) => b.type)).toEqual(recorded.filter((x) => x && subscribed.includes(x)));
    expect(bankGot.map((b) => b.type)).toContain('referral.answered');
  });
});
