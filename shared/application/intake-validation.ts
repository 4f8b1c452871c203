import type { IntakeInput } from '../domain/complaint/intake-schema';
import { isCategory, isReason } from '../domain/taxonomy';
import type { Tenant } from '../domain/tenant/tenant-schema';
import type { UnitTree } from '../domain/tenant/units';
import type { Platform } from './platform';

/** A letter may be dated before it is keyed in, but nothing is received in the future (allowing clock skew). */
const FUTURE_SKEW_MS = 5 * 60_000;
const DAY_MS = 86_400_000;

export type IntakeProblem = { path: (string | number)[]; message: string };

/**
 * What is wrong with an intake beyond its shape: the receipt time, the tenant's taxonomy, its units
 * and partner institutions, the regulator's reference. Empty when it can be registered.
 */
export async function intakeProblems(
  p: Platform,
  tenant: Tenant,
  input: IntakeInput,
  receivedAt: Date,
  now: Date,
  units: UnitTree | undefined,
): Promise<IntakeProblem[]> {
  return [
    ...(receivedAt.getTime() > now.getTime() + FUTURE_SKEW_MS
      ? [{ path: ['receivedAt'], message: 'must not be in the future' }]
      : []),
    ...(receivedAt.getTime() < now.getTime() - p.maxBackdateDays * DAY_MS
      ? [{ path: ['receivedAt'], message: `must be within the last ${p.maxBackdateDays} days` }]
      : []),
    ...(!isCategory(tenant.kind, input.category)
      ? [{ path: ['category'], message: `not a ${tenant.kind} category code; see GET /v1/taxonomy` }]
      : []),
    ...(!isReason(tenant.kind, input.reason)
      ? [{ path: ['reason'], message: `not a ${tenant.kind} reason code; see GET /v1/taxonomy` }]
      : []),
    ...forwardingProblems(input),
    ...(await partnerProblems(p, tenant, input.partners ?? [])),
    ...(input.unitId && !units?.units.some((u) => u.id === input.unitId)
      ? [{ path: ['unitId'], message: 'no such unit; see GET /v1/units' }]
      : []),
  ];
}

/** A forwarded complaint names the regulator's reference, and only a forwarded one does. */
function forwardingProblems(input: IntakeInput): IntakeProblem[] {
  const forwarded = input.channel === 'regulator_transfer';
  if (forwarded && !input.regulatorReference)
    return [{ path: ['regulatorReference'], message: 'required when the channel is regulator_transfer' }];
  if (!forwarded && input.regulatorReference)
    return [{ path: ['regulatorReference'], message: 'only for the channel regulator_transfer' }];
  return [];
}

async function partnerProblems(p: Platform, tenant: Tenant, partners: readonly string[]) {
  const problems: IntakeProblem[] = [];
  for (const [i, partnerId] of partners.entries()) {
    if (partnerId === tenant.id) {
      problems.push({ path: ['partners', i], message: 'an institution cannot be its own partner' });
      continue;
    }
    if (!(await p.directory.findActive(partnerId)))
      problems.push({ path: ['partners', i], message: 'no such active institution on this platform' });
  }
  return problems;
}
