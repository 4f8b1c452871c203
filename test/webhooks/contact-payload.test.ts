import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { LocalWebhooks, settleAll } from '../../infra/local/webhooks/webhook-runtime';
import { addComplaintNote, recordComplaintContact } from '../../shared/application/contact-log';
import { createEndpoint } from '../../shared/application/webhook-endpoints';
import { PII } from '../support/fixtures';
import { scene } from '../support/scene';
import { startReceiver, verified } from './receiver';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('webhooks for the contact log', () => {
  it('publish a contact as ids, channel, direction and time, never its summary; a note not at all', async () => {
    const s = await scene('2026-11-02T02:00:00Z');
    const webhooks = new LocalWebhooks(s.p, {
      dynamoEndpoint: inject('dynamoEndpoint'),
      dataDir: mkdtempSync(join(tmpdir(), 'redress-webhooks-')),
      intervalMs: 20,
    });
    await webhooks.start();
    const receiver = await startReceiver();
    cleanups.push(receiver.close, () => webhooks.stop());
    const { secret } = await createEndpoint(s.p, s.tenant, {
      url: receiver.url('/hook'),
      events: ['complaint.received', 'complaint.contact_recorded'] as never,
    });

    const id = await s.intake();
    const handler = s.staff(['handler', 'pii:read']);
    const summary = `回电${PII.name}（${PII.phone}），说明退费进度`;
    const contact = await recordComplaintContact(
      s.p,
      s.tenant,
      handler,
      id,
      { channel: 'phone', direction: 'outbound', summary },
      'k-contact',
    );
    await addComplaintNote(s.p, s.tenant, handler, id, { text: `${PII.name}情绪激动，需主管回访` }, 'k-note');
    await settleAll(s.p, webhooks);

    const got = receiver.at('/hook').map((r) => verified(secret, r));
    expect(got.map((b) => b.type)).toEqual(['complaint.received', 'complaint.contact_recorded']);
    expect(got[1]).toMatchObject({
      id: `evt_${id}_${contact.entry.seq}`,
      data: {
        complaintId: id,
        seq: contact.entry.seq,
        details: { channel: 'phone', direction: 'outbound', contactedAt: contact.entry.contactedAt },
      },
    });
    expect(Object.keys(got[1]!.data.details).sort()).toEqual(['channel', 'contactedAt', 'direction']);
    const everything = receiver.received.map((r) => r.body).join('\n');
    for (const value of [summary, '说明退费进度', '情绪激动', PII.name, PII.phone, 'textDigest', 'eyJ'])
      expect(everything).not.toContain(value);
  });
});
