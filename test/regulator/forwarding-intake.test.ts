import { describe, expect, it } from 'vitest';
import { registerComplaint } from '../../shared/application/intake';
import { forwardedComplaints } from '../../shared/application/regulator-forwarded';
import { IntakeSchema } from '../../shared/domain/complaint/intake-schema';
import { intakeBody, principal } from '../support/fixtures';
import { testPlatform, testTenant } from '../support/test-platform';

const parse = (o: Record<string, unknown> = {}) => IntakeSchema.parse(intakeBody(o));

describe('complaints forwarded by the regulator (转办) at intake', () => {
  it('need the regulator reference with channel regulator_transfer, and refuse it with any other channel', async () => {
    const p = await testPlatform();
    const tenant = await testTenant(p);
    const who = principal(tenant.id, ['intake']);
    await expect(
      registerComplaint(p, tenant, who, parse({ channel: 'regulator_transfer' }), 'k1'),
    ).rejects.toMatchObject({
      kind: 'invalid',
      details: [{ path: ['regulatorReference'], message: expect.stringContaining('required') }],
    });
    await expect(
      registerComplaint(p, tenant, who, parse({ channel: 'phone', regulatorReference: 'NFRA-1' }), 'k2'),
    ).rejects.toMatchObject({ kind: 'invalid', details: [{ path: ['regulatorReference'] }] });
    expect(IntakeSchema.safeParse(intakeBody({ regulatorReference: 'A#B' })).success).toBe(false);
    expect(await forwardedComplaints(p)).toEqual([]);
  });

  it('are findable by the reference, twice-used references listing both, each exactly once (a replay adds none)', async () => {
    const p = await testPlatform();
    const tenant = await testTenant(p);
    const other = await testTenant(p, { id: 'bank-b', name: 'Bank B' });
    const body = (ref: string, phone: string) =>
      parse({ channel: 'regulator_transfer', regulatorReference: ref, complainant: { name: '张三', phone } });
    const a = await registerComplaint(p, tenant, principal(tenant.id, ['intake']), body('NFRA-7', '13700000011'), 'k');
    await registerComplaint(p, tenant, principal(tenant.id, ['intake']), body('NFRA-7', '13700000011'), 'k');
    const b = await registerComplaint(p, other, principal(other.id, ['intake']), body('NFRA-7', '13700000012'), 'k');
    await registerComplaint(p, tenant, principal(tenant.id, ['intake']), body('NFRA-70', '13700000013'), 'k3');
    const found = await forwardedComplaints(p, { reference: 'NFRA-7' });
    expect(found.map((f) => [f.tenantId, f.complaintId]).sort()).toEqual(
      [
        [tenant.id, a.complaint.id],
        [other.id, b.complaint.id],
      ].sort(),
    );
    expect(found[0]).toMatchObject({ regulatorReference: 'NFRA-7', status: 'received', decision: null });
    expect(a.complaint.regulatorReference).toBe('NFRA-7');
    expect((await forwardedComplaints(p)).length).toBe(3);
  });
});
