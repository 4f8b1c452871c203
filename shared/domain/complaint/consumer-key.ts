import type { Complainant } from './intake-schema';

/**
 * The identifier a repeat complaint is matched on, strongest first: an ID number names one person,
 * a phone or e-mail address usually does. Prefixed so equal strings of different kinds never match.
 * The caller turns this into a keyed hash (blind index) before it is stored.
 */
export function consumerIdentity(c: Complainant): string {
  if (c.idNumber) return `id:${c.idNumber}`;
  if (c.phone) return `phone:${c.phone}`;
  return `email:${c.email ?? ''}`;
}
