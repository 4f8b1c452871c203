import { describe, expect, it } from 'vitest';
import { complaintEventPayload, referralPayload } from '../../shared/webhooks/payload';

const open = {
  kind: 'referral',
  id: 'ref-c1',
  complaintId: 'c1',
  complaintReference: 'BANK-A-2026-000001',
  fromTenantId: 'bank-a',
  status: 'open',
  deadline: '2026-11-09T15:59:59.999Z',
  createdAt: '2026-11-02T02:00:00.000Z',
  updatedAt: '2026-11-02T02:00:00.000Z',
};

describe('webhooks for a referral that ends without an answer, and for pauses', () => {
  it.each(['lapsed', 'waived'])('tells the partner its referral was %s', (status) => {
    const after = { ...open, status, updatedAt: '2026-11-10T02:00:00.000Z' };
    const payload = referralPayload('ins-p', open, after);
    expect(payload).toMatchObject({
      id: 'evt_ref-c1_lapsed',
      type: 'referral.lapsed',
      timestamp: '2026-11-10T02:00:00.000Z',
      tenantId: 'ins-p',
      data: { referralId: 'ref-c1', status, partnerTenantId: 'ins-p', deadline: open.deadline },
    });
    // Saved again once ended (nothing changed its status): no second delivery.
    expect(referralPayload('ins-p', after, { ...after, version: 3 })).toBeUndefined();
  });

  it("passes the pause's facts on, not its reason", () => {
    const item = {
      kind: 'event',
      complaintId: 'c1',
      seq: 5,
      type: 'resumed',
      at: '2026-10-08T02:00:00.000Z',
      actor: { kind: 'user', id: 'handler-1' },
      data: { from: '2026-09-24T02:00:00.000Z', to: '2026-10-08T02:00:00.000Z', pausedDays: 14, reason: '鉴定' },
      prevHash: 'a',
      hash: 'b',
      snapshot: {
        reference: 'BANK-A-2026-000001',
        status: 'investigating',
        overdue: false,
        receivedAt: '2026-09-21T02:00:00.000Z',
        category: 'B-CAT-05',
        unitId: null,
        deadlines: { acknowledgement: '2026-09-22T15:59:59.999Z', decision: '2026-10-20T15:59:59.999Z' },
      },
    };
    const payload = complaintEventPayload('bank-a', item);
    expect(payload?.type).toBe('complaint.resumed');
    expect(payload?.data.details).toEqual({
      from: '2026-09-24T02:00:00.000Z',
      to: '2026-10-08T02:00:00.000Z',
      pausedDays: 14,
    });
    expect(complaintEventPayload('bank-a', { ...item, type: 'referral_lapsed' })?.type).toBe('referral.lapsed');
  });
});
