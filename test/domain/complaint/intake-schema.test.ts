import { describe, expect, it } from 'vitest';
import { IntakeSchema } from '../../../shared/domain/complaint/intake-schema';
import { intakeBody } from '../../support/fixtures';

describe('intake schema', () => {
  it('trims and NFC-normalises text, normalises phone, e-mail and ID number', () => {
    const parsed = IntakeSchema.parse(
      intakeBody({
        complainant: {
          name: '  Zoe\u0308  ',
          phone: '+86 139-1234 5678',
          email: ' Wang@Example.CN ',
          idNumber: ' 11010519491231002x ',
        },
      }),
    );
    expect(parsed.complainant).toEqual({
      name: 'Zo\u00eb',
      phone: '+8613912345678',
      email: 'wang@example.cn',
      idNumber: '11010519491231002X',
    });
  });

  it('rejects unknown fields at every level', () => {
    expect(IntakeSchema.safeParse(intakeBody({ extra: 1 })).success).toBe(false);
    expect(
      IntakeSchema.safeParse(intakeBody({ amountInDispute: { amount: '1', currency: 'CNY', fx: 1 } })).success,
    ).toBe(false);
  });

  it('requires name, one contact, category, reason and description', () => {
    for (const missing of ['channel', 'complainant', 'category', 'reason', 'description']) {
      const body = intakeBody();
      delete (body as Record<string, unknown>)[missing];
      expect(IntakeSchema.safeParse(body).success, missing).toBe(false);
    }
    expect(IntakeSchema.safeParse(intakeBody({ complainant: { name: 'x', email: 'a@b.cn' } })).success).toBe(true);
    expect(IntakeSchema.safeParse(intakeBody({ complainant: { name: 'x' } })).success).toBe(false);
  });

  it('takes amounts only as decimal strings with an ISO currency', () => {
    const ok = (amount: unknown, currency = 'CNY') =>
      IntakeSchema.safeParse(intakeBody({ amountInDispute: { amount, currency } })).success;
    expect(ok('1200.00')).toBe(true);
    expect(ok('0')).toBe(true);
    expect(ok('01.5')).toBe(false);
    expect(ok('-3')).toBe(false);
    expect(ok('1e3')).toBe(false);
    expect(ok(1200)).toBe(false);
    expect(ok('10', 'GBP')).toBe(true);
    expect(ok('10', 'RMB')).toBe(false);
  });

  it('refuses duplicate partners and more than ten', () => {
    expect(IntakeSchema.safeParse(intakeBody({ partners: ['ins-a', 'ins-a'] })).success).toBe(false);
    expect(
      IntakeSchema.safeParse(intakeBody({ partners: Array.from({ length: 11 }, (_, i) => `partner-${i}`) })).success,
    ).toBe(false);
  });
});
