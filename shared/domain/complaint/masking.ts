import type { Agent, Complainant } from './intake-schema';

const stars = (n: number) => '*'.repeat(Math.max(n, 1));

/** "张三丰" → "张**", "Alice Smith" → "A**********": keeps what a caller needs to confirm identity on a call. */
export function maskName(name: string): string {
  const chars = [...name];
  return chars[0] + stars(chars.length - 1);
}

/** "13812345678" → "138****5678"; short numbers keep only their last two digits. */
export function maskPhone(phone: string): string {
  if (phone.length >= 11) return phone.slice(0, 3) + stars(phone.length - 7) + phone.slice(-4);
  return stars(phone.length - 2) + phone.slice(-2);
}

export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local[0] ?? ''}***@${domain}`;
}

/** Shows the last four characters, as receipts do; fewer for short numbers, never the whole. */
export function maskIdNumber(id: string): string {
  const shown = Math.min(4, Math.floor(id.length / 3));
  return stars(id.length - shown) + (shown > 0 ? id.slice(-shown) : '');
}

/** Only the first few characters: enough to tell a province or city, not a home. */
export function maskAddress(address: string): string {
  const chars = [...address];
  return `${chars.slice(0, Math.min(6, Math.floor(chars.length / 3))).join('')}****`;
}

export function maskComplainant(c: Complainant): Complainant {
  return {
    name: maskName(c.name),
    ...(c.phone !== undefined && { phone: maskPhone(c.phone) }),
    ...(c.email !== undefined && { email: maskEmail(c.email) }),
    ...(c.idNumber !== undefined && { idNumber: maskIdNumber(c.idNumber) }),
    ...(c.address !== undefined && { address: maskAddress(c.address) }),
  };
}

export function maskAgent(a: Agent): Agent {
  return {
    name: maskName(a.name),
    relationship: a.relationship,
    ...(a.phone !== undefined && { phone: maskPhone(a.phone) }),
    ...(a.email !== undefined && { email: maskEmail(a.email) }),
    ...(a.authorisationRef !== undefined && { authorisationRef: a.authorisationRef }),
  };
}
