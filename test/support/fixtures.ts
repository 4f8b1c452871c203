import type { Principal } from '../../shared/auth/principal';

/** Personal data of the test complainants: the log and payload checks search for exactly these strings. */
export const PII = {
  name: '王小明',
  phone: '13912345678',
  email: 'xiaoming.wang@example.cn',
  idNumber: '11010519491231002X',
  address: '北京市朝阳区建国路88号SOHO现代城5号楼1203室',
} as const;

export function intakeBody(overrides: Record<string, unknown> = {}) {
  return {
    channel: 'phone',
    complainant: { ...PII },
    category: 'B-CAT-05',
    reason: 'B-RSN-01',
    product: '白金信用卡',
    description: '信用卡年费被重复扣收，要求退还。',
    amountInDispute: { amount: '600.00', currency: 'CNY' },
    ...overrides,
  };
}

export const principal = (tenantId: string, roles: string[], sub = 'staff-1'): Principal => ({
  sub,
  tenantId,
  roles,
  issuer: 'test',
});
