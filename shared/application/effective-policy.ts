import type { ComplaintRecord, PolicyRef } from '../domain/complaint/complaint-schema';
import { ruleViolation } from '../domain/errors';
import { applyOverride, type PolicyOverride, PolicyOverrideSchema, presetById, type SlaPolicy } from '../domain/sla';
import type { Tenant } from '../domain/tenant/tenant-schema';
import type { StoredPolicyVersion } from '../store/policies-repo';
import type { Platform } from './platform';

export type PolicyState = { preset: SlaPolicy; override: PolicyOverride; effective: SlaPolicy; version: number };
/** The policy in force and the version a complaint registered now is pinned to. */
export type CurrentPolicy = { policy: SlaPolicy; ref: PolicyRef };

/** The tenant's preset with its stored override applied; an override was checked when it was stored. */
export async function policyState(p: Platform, tenant: Tenant): Promise<PolicyState> {
  const preset = presetById(tenant.policy);
  const stored = await p.policies.get(tenant.tableName);
  const override = PolicyOverrideSchema.parse(stored?.override ?? {});
  const result = applyOverride(preset, override);
  // A preset change that makes a stored override looser must not loosen deadlines: fall back to the preset.
  return { preset, override, effective: result.ok ? result.policy : preset, version: stored?.version ?? 0 };
}

/**
 * The policy new complaints are registered under (cached per tenant for a few seconds), its
 * immutable version stored before any complaint can point at it.
 */
export function currentPolicy(p: Platform, tenant: Tenant): Promise<CurrentPolicy> {
  return p.settings.get(tenant, 'policy', async () => {
    const state = await policyState(p, tenant);
    const ref = { id: state.effective.id, version: state.effective.version, revision: state.version };
    await p.policies.ensureVersion(tenant.tableName, ref, state.effective, state.override, p.clock.now().toISOString());
    return { policy: state.effective, ref };
  });
}

/** The tenant's current effective policy: for what has no pinned version. */
export async function effectivePolicy(p: Platform, tenant: Tenant): Promise<SlaPolicy> {
  return (await currentPolicy(p, tenant)).policy;
}

/**
 * The policy an open complaint is handled under: the version it was registered with, whatever the
 * tenant changed since. A complaint registered before versions existed has no revision and follows
 * the current policy, as it always did.
 */
export function complaintPolicy(p: Platform, tenant: Tenant, r: ComplaintRecord): Promise<SlaPolicy> {
  return pinnedPolicy(p, tenant, r.policy, { complaintId: r.id });
}

/**
 * The policy of a pinned version of the tenant's (a complaint's, or a referral's in the partner's
 * table); what has no revision, from before versions existed, follows the current policy.
 */
export async function pinnedPolicy(
  p: Platform,
  tenant: Tenant,
  ref: { id: string; version: string; revision?: number | undefined } | undefined,
  subject: Record<string, string>,
): Promise<SlaPolicy> {
  if (ref?.revision === undefined) return effectivePolicy(p, tenant);
  const pinned = await p.policies.getVersion(tenant.tableName, {
    id: ref.id,
    version: ref.version,
    revision: ref.revision,
  });
  if (pinned) return pinned;
  // The version is stored before anything can point at it, so only a deleted item lands here: keep
  // the complaint workable rather than stuck, and say so.
  p.logger.warn('pinned policy version missing, using the current one', {
    tenantId: tenant.id,
    ...subject,
    revision: ref.revision,
  });
  return effectivePolicy(p, tenant);
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
  const stored = await p.policies.put(
    tenant.tableName,
    override,
    expectedVersion,
    p.clock.now().toISOString(),
    result.policy,
  );
  p.settings.evict(tenant.id);
  p.logger.info('policy override stored', { tenantId: tenant.id, version: stored.version });
  return { preset, override, effective: result.policy, version: stored.version };
}

/** The tenant's policy versions, newest first: what complaints registered under each are pinned to. */
export async function policyVersions(p: Platform, tenant: Tenant): Promise<StoredPolicyVersion[]> {
  const versions = await p.policies.listVersions(tenant.tableName);
  return versions.sort((a, b) => b.revision - a.revision || b.createdAt.localeCompare(a.createdAt));
}
