import type { Principal } from '../../shared/auth/principal';

/** Personal data of the test complainants: the log and payload checks search for exactly these strings. */
export const PII = {
  name: '王小明',
  phone: '13912345678',
  email: 'xiaoming.wang@example.cn',
  idNumber: '11010519491231002X',
  address: '北京市朝阳区建国路88号SOHO现代城5号楼1203室',
} as const;

/** Numbers a complainant writes into the description that are not among the complainant's fields. */
export const DESCRIPTION_PII = {
  card: '6222 0212 3456 7890 123',
  landline: '010-62345678',
} as const;

/** A description as complainants write them: their own name and numbers, a card, a number to call back. */
export const DESCRIPTION =
  `本人${PII.name}（身份证${PII.idNumber}），信用卡卡号${DESCRIPTION_PII.card}的年费600元被重复扣收，要求退还。` +
  `请致电${PII.phone}或${DESCRIPTION_PII.landline}，邮件${PII.email}。`;

/** What the platform stores and shows in place of DESCRIPTION to anyone without pii:read. */
export const DESCRIPTION_REDACTED =
  '本人[姓名]（身份证[身份证号]），信用卡卡号[银行卡号]的年费600元被重复扣收，要求退还。请致电[电话]或[电话]，邮件[邮箱]。';

export function intakeBody(overrides: Record<string, unknown> = {}) {
  return {
    channel: 'phone',
    complainant: { ...PII },
    category: 'B-CAT-05',
    reason: 'B-RSN-01',
    product: '白金信用卡',
    description: DESCRIPTION,
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
