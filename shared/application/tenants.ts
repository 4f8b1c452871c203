import { conflict, notFound } from '../domain/errors';
import { presetById } from '../domain/sla';
import { requireLegalTimeZone } from '../domain/tenant/legal-time-zone';
import {
  defaultReferencePrefix,
  type OnboardTenantInput,
  type Tenant,
  type TenantLimitsInput,
} from '../domain/tenant/tenant-schema';
import { tenantTable } from '../store/table-names';
import type { Platform } from './platform';

const DEFAULT_REPEAT_WINDOW_DAYS = 30;

/**
 * Records the tenant, then creates its table. A retry of the same onboarding after a crash between
 * the two finds the record still `provisioning` and finishes the job; any other reuse of the id is 409.
 */
export async function onboardTenant(p: Platform, input: OnboardTenantInput): Promise<Tenant> {
  if (input.timezone !== undefined) requireLegalTimeZone(input.policy, input.timezone);
  const at = p.clock.now().toISOString();
  const tenant: Tenant = {
    id: input.id,
    name: input.name,
    kind: input.kind,
    policy: input.policy,
    timezone: input.timezone ?? presetById(input.policy).timezone,
    referencePrefix: input.referencePrefix ?? defaultReferencePrefix(input.id),
    repeatWindowDays: input.repeatWindowDays ?? DEFAULT_REPEAT_WINDOW_DAYS,
    status: 'provisioning',
    tableName: tenantTable(p.naming, input.id),
    createdAt: at,
    updatedAt: at,
  };
  let record = tenant;
  if (!(await p.tenants.insert(tenant))) {
    const existing = await p.tenants.get(tenant.id);
    if (existing?.status !== 'provisioning' || !sameDefinition(existing, tenant)) {
      throw conflict('tenant_exists', `a tenant with id ${tenant.id} already exists`);
    }
    record = existing;
  }
  if ((await p.provisioner.provision(record)) === 'pending') {
    p.logger.info('tenant provisioning', { tenantId: record.id, kind: record.kind, policy: record.policy });
    return record;
  }
  return markProvisioned(p, record);
}

/** The last step of onboarding, wherever provisioning ran: the tenant's staff can work from now on. */
export async function markProvisioned(p: Platform, record: Tenant): Promise<Tenant> {
  const active = await p.tenants.setStatus(record.id, 'active', p.clock.now().toISOString());
  p.directory.evict(record.id);
  p.logger.info('tenant onboarded', { tenantId: record.id, kind: record.kind, policy: record.policy });
  return active ?? { ...record, status: 'active' };
}

function sameDefinition(a: Tenant, b: Tenant): boolean {
  const keys = ['name', 'kind', 'policy', 'timezone', 'referencePrefix', 'repeatWindowDays'] as const;
  return keys.every((k) => a[k] === b[k]);
}

/**
 * An institution an operator acts on: 404 if there is none, 409 while it is still being set up
 * (its table and keys exist once provisioning is done).
 */
export async function provisionedTenant(p: Platform, id: string): Promise<Tenant> {
  const tenant = await p.tenants.get(id);
  if (!tenant) throw notFound('tenant');
  if (tenant.status === 'provisioning') throw conflict('tenant_provisioning', 'the tenant is still being set up');
  return tenant;
}

export async function setTenantStatus(p: Platform, id: string, status: 'active' | 'suspended'): Promise<Tenant> {
  await provisionedTenant(p, id);
  const updated = await p.tenants.setStatus(id, status, p.clock.now().toISOString());
  if (!updated) throw notFound('tenant');
  p.directory.evict(id);
  p.logger.info(`tenant ${status === 'suspended' ? 'suspended' : 'reactivated'}`, { tenantId: id });
  return updated;
}

/** The tenant's own request budget, `null` when the platform default applies. */
export async function tenantLimits(p: Platform, id: string): Promise<TenantLimitsInput> {
  const tenant = await p.tenants.get(id);
  if (!tenant) throw notFound('tenant');
  return { requestsPerMinute: tenant.limits?.requestsPerMinute ?? null };
}

/** Effective at once in this process, within the directory's cache time in every other one. */
export async function setTenantLimits(p: Platform, id: string, input: TenantLimitsInput): Promise<TenantLimitsInput> {
  const limits = input.requestsPerMinute === null ? undefined : { requestsPerMinute: input.requestsPerMinute };
  const updated = await p.tenants.setLimits(id, limits, p.clock.now().toISOString());
  if (!updated) throw notFound('tenant');
  p.directory.evict(id);
  p.logger.info('tenant limits set', { tenantId: id, requestsPerMinute: input.requestsPerMinute });
  return { requestsPerMinute: updated.limits?.requestsPerMinute ?? null };
}
