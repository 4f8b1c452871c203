import { ruleViolation } from '../domain/errors';
import { applyOverride, type PolicyOverride, PolicyOverrideSchema, presetById, type SlaPolicy } from '../domain/sla';
import type { Tenant } from '../domain/tenant/tenant-schema';
import type { Platform } from './platform';

export type PolicyState = { preset: SlaPolicy; override: PolicyOverride; effective: SlaPolicy; version: number };

/** The tenant's preset with its stored override applied; an override was checked when it was stored. */
export async function policyState(p: Platform, tenant: Tenant): Promise<PolicyState> {
  const preset = presetById(tenant.policy);
  const stored = await p.policies.get(tenant.tableName);
  const override = PolicyOverrideSchema.parse(stored?.override ?? {});
  const result = applyOverride(preset, override);
  // A preset change that makes a stored override looser must not loosen deadlines: fall back to the preset.
  return { preset, override, effective: result.ok ? result.policy : preset, version: stored?.version ?? 0 };
}

/** The policy deadlines are computed with (cached per tenant for a few seconds). */
export function effectivePolicy(p: Platform, tenant: Tenant): Promise<SlaPolicy> {
  return p.settings.get(tenant, 'policy', async () => (await policyState(p, tenant)).effective);
}

/** Stores an override only if every field is at least as strict as the preset (else 422 with each field). */
export async function setPolicyOverride(
  p: Platform,
  tenant: Tenant,
  override: PolicyOverride,
  expectedVersion: number,
): Promise<PolicyState> {
  const preset = presetById(tenant.policy);
  const result = applyOverride(preset, override);
  if (!result.ok) {
    throw ruleViolation(
      'policy_looser_than_preset',
      `a tenant may only make ${preset.id} stricter: ${result.violations.map((v) => v.message).join('; ')}`,
      result.violations,
    );
  }
  const stored = await p.policies.put(tenant.tableName, override, expectedVersion, p.clock.now().toISOString());
  p.settings.evict(tenant.id);
  p.logger.info('policy override stored', { tenantId: tenant.id, version: stored.version });
  return { preset, override, effective: result.policy, version: stored.version };
}
