import type { Tenant } from '../domain/tenant/tenant-schema';

/**
 * Creates a tenant's own table (same schema everywhere), idempotently: a second call for a table
 * that exists, or is being created, succeeds once the table is usable. `ready`: the table is usable
 * now; `pending`: provisioning continues elsewhere, which marks the tenant active when done.
 */
export interface TenantProvisioner {
  provision(tenant: Tenant): Promise<'ready' | 'pending'>;
}
