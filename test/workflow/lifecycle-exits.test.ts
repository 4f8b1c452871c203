import { describe, expect, it } from 'vitest';
import { getComplaint } from '../../shared/application/complaint-queries';
import { transferComplaint } from '../../shared/application/transfer';
import * as t from '../../shared/domain/complaint/transitions';
import { DESCRIPTION, DESCRIPTION_REDACTED, PII, principal } from '../support/fixtures';
import { scene } from '../support/scene';

const RECEIVED = '2026-11-02T02:00:00.000Z';

describe('side exits end the lifecycle from any waiting step', () => {
  it('withdrawal mid-way: ends the execution, no escalation afterwards', async () => {
    const s = await scene(RECEIVED);
    const id = await s.intake();
    await s.act(id, (r, _i, ctx) => t.acknowledge(r, ctx), {});
    await s.advance('2026-11-10T02:00:00Z');
    const before = (await s.escalations(id)).length;
    const view = await s.act(
      id,
      (r, i, ctx) => t.withdraw(r, i, ctx),
      { reason: '客户来电撤回' },
      s.staff(['intake'], 'agent-3'),
    );
    expect(view.status).toBe('withdrawn');
    expect(await s.execution(id)).toBe('SUCCEEDED');
    await s.advance('2026-12-01T02:00:00Z');
    expect((await s.escalations(id)).length).toBe(before);
    expect((await s.record(id)).overdue).toBe(false);
    expect(
      await s.refused(id, (r, i, ctx) => t.decide(r, i, ctx), { outcome: 'upheld' as const, summary: 'x' }),
    ).toMatchObject({ code: 'wrong_step' });
  });

  it('decline with a reason code, before any decision', async () => {
    const s = await scene(RECEIVED);
    const id = await s.intake();
    const view = await s.act(id, (r, i, ctx) => t.decline(r, i, ctx), {
      reasonCode: 'already_in_litigation_or_arbitration' as const,
    });
    expect(view).toMatchObject({
      status: 'declined',
      ended: { kind: 'declined', reasonCode: 'already_in_litigation_or_arbitration' },
    });
    expect(await s.execution(id)).toBe('SUCCEEDED');
  });

  it('transfer to another institution: ends here, registered there with its own lifecycle, personal data re-keyed', async () => {
    const s = await scene(RECEIVED);
    const target = await s.institution({ id: 'bank-b', name: '乙银行', kind: 'bank' });
    const id = await s.intake();
    await s.act(id, (r, _i, ctx) => t.acknowledge(r, ctx), {});
    await s.advance('2026-11-04T02:00:00Z');

    const who = s.staff(['supervisor'], 'sup-1');
    const moved = await transferComplaint(s.p, s.tenant, who, id, {
      toTenantId: 'bank-b',
      reason: '信用卡由乙银行发卡',
    });
    await s.settle();
    expect(moved.status).toBe('transferred');
    const toId = moved.ended!.toComplaintId!;
    expect(await s.execution(id)).toBe('SUCCEEDED');

    const there = await getComplaint(s.p, target, principal('bank-b', ['handler', 'pii:read']), toId);
    expect(there).toMatchObject({
      status: 'received',
      transferredFrom: { tenantId: s.tenant.id, complaintId: id },
      complainant: { name: PII.name, idNumber: PII.idNumber },
      description: DESCRIPTION,
    });
    // Its clock starts when the receiving institution gets it.
    expect(there.deadlines.decision).toBe('2026-11-19T15:59:59.999Z');
    expect(await s.execution(toId)).toBe('RUNNING');
    expect(await s.step(toId, target)).toBe('acknowledgement');
    // Stored under bank-b's own key: bank-a's cannot open it.
    const raw = await s.p.complaints.get(target.tableName, toId);
    await expect(s.p.cipher.decryptFields(s.tenant.id, raw!.complainantEnc)).rejects.toThrow();
    await expect(s.p.cipher.decryptFields(s.tenant.id, { description: raw!.descriptionEnc! })).rejects.toThrow();
    expect(raw!.descriptionMasked).toBe(DESCRIPTION_REDACTED);

    // A retried transfer finishes what the first began and creates nothing new at the receiver.
    // Even with the If-Match the first request was sent with: the first request moved the version on.
    const again = await transferComplaint(s.p, s.tenant, who, id, { toTenantId: 'bank-b', reason: 'again' }, 2);
    expect(again.ended?.toComplaintId).toBe(toId);
    expect((await s.p.complaints.list(target.tableName, { limit: 10 })).items).toHaveLength(1);
    // Elsewhere, it is ended.
    await expect(
      transferComplaint(s.p, s.tenant, who, id, { toTenantId: 'bank-a', reason: 'back' }),
    ).rejects.toMatchObject({ code: 'wrong_step' });
  });
});
