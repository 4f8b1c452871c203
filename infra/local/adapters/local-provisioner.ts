import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Tenant } from '../../../shared/domain/tenant/tenant-schema';
import type { TenantProvisioner } from '../../../shared/ports/tenant-provisioner';
import {
  IDEMPOTENCY_TTL_ATTRIBUTE,
  TENANT_SCHEMA_VERSION,
  tenantTableDefinition,
} from '../../../shared/store/table-schemas';
import type { TenantsRepo } from '../../../shared/store/tenants-repo';
import { ensureTable } from './ensure-table';

/**
 * Locally, provisioning is creating (or migrating) the tenant's table in DynamoDB Local,
 * in-process, and recording its schema version so that start skips it.
 */
export class LocalProvisioner implements TenantProvisioner {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tenants: TenantsRepo,
  ) {}

  async provision(tenant: Tenant): Promise<'ready'> {
    await ensureTable(this.db, tenantTableDefinition(tenant.tableName), IDEMPOTENCY_TTL_ATTRIBUTE);
    await this.tenants.recordSchemaVersion(tenant.id, TENANT_SCHEMA_VERSION);
    return 'ready';
  }
}
