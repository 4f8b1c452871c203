import { describe, expect, it } from 'vitest';
import { IntakeSchema } from '../../../shared/domain/complaint/intake-schema';
import { type NewComplaintFacts, newComplaint, receivedEvent } from '../../../shared/domain/complaint/new-complaint';
import { referralIdFor } from '../../../shared/domain/complaint/referral';
import { GENESIS_HASH } from '../../../shared/domain/events/hash-chain';
import { intakeBody, PII } from '../../support/fixtures';

const facts = (overrides: Partial<NewComplaintFacts> = {}, body: Record<string, unknown> = {}): NewComplaintFacts => ({
  id: '01JCOMPLAINT',
  tenantId: 'bank',
  reference: 'BK-20261203-ABCDEFGH',
  input: IntakeSchema.parse(intakeBody(body)),
  receivedAt: '2026-12-03T02:00:00.000Z',
  at: '2026-12-03T02:00:05.000Z',
  actorSub: 'staff-1',
  deadlines: {
    acknowledgement: '2026-12-04T16:00:00.000Z',
    decision: '2026-12-18T16:00:00.000Z',
    provisional: false,
    provisionalBy: [],
  } as never,
  policy: { preset: 'cn-nfra-2020', version: 1 } as never,
  unitId: 'hq',
  consumerKey: 'ck',
  repeatOf: null,
  complainantEnc: { phone: 'enc' } as never,
  description: { descriptionEnc: 'enc', descriptionMasked: '[姓名]' },
  ...overrides,
});

describe('a complaint just received', () => {
  it('opens a referral per partner, masks the complainant and starts its history at version 1', () => {
    const r = newComplaint(facts({}, { partners: ['insurer-a', 'insurer-b'] }), 'h1');
    expect(r.referrals).toEqual([
      { partnerTenantId: 'insurer-a', referralId: referralIdFor(r.id), status: 'open', escalationLevel: 0 },
      { partnerTenantId: 'insurer-b', referralId: referralIdFor(r.id), status: 'open', escalationLevel: 0 },
    ]);
    expect(JSON.stringify(r.complainantMasked)).not.toContain(PII.phone);
    expect(r).toMatchObject({ status: 'received', version: 1, lastSeq: 1, lastHash: 'h1', assignee: null });
    expect(r).not.toHaveProperty('agentEnc');
    expect(r).not.toHaveProperty('transferredFrom');
  });

  it('records where a transfer came from, in the record and in the first event', () => {
    const origin = { tenantId: 'bank-b', complaintId: '01JSOURCE', reference: 'BB-1' };
    const f = facts({ origin });
    expect(newComplaint(f, 'h').transferredFrom).toEqual(origin);
    const e = receivedEvent(f);
    expect(e).toMatchObject({
      seq: 1,
      type: 'received',
      prevHash: GENESIS_HASH,
      actor: { kind: 'user', id: 'staff-1' },
    });
    expect(e.data).toMatchObject({
      reference: f.reference,
      transferredFrom: { tenantId: 'bank-b', reference: 'BB-1' },
    });
  });
});
