import { ruleViolation } from '../errors';
import { LEGAL_TIME_ZONES } from '../sla/legal-time-zones';
import type { SlaPolicyId } from '../sla/policy-schema';

/**
 * Refuses a tenant zone the preset's rules are not counted in (422 `timezone_not_legal`): the
 * deadlines it would give are wrong by hours, and near midnight by a day.
 */
export function requireLegalTimeZone(preset: SlaPolicyId, timezone: string): void {
  const legal = LEGAL_TIME_ZONES[preset];
  if (legal.zones.includes(timezone)) return;
  const allowed = legal.zones.length <= 3 ? legal.zones.join(', ') : `${legal.zones.slice(0, 3).join(', ')}, …`;
  throw ruleViolation(
    'timezone_not_legal',
    `timezone ${timezone} is not a legal time zone for ${preset}: ${legal.rule} (allowed: ${allowed}). 时区 ${timezone} 不是 ${preset} 的法定时区。`,
    [{ path: ['timezone'], message: `must be one of: ${legal.zones.join(', ')}`, allowed: legal.zones }],
  );
}
