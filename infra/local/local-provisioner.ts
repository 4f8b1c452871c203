import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Tenant } from '../../shared/domain/tenant/tenant-schema';
import type { TenantProvisioner } from '../../shared/ports/tenant-provisioner';
import { IDEMPOTENCY_TTL_ATTRIBUTE, tenantTableDefinition } from '../../shared/store/table-schemas';
import { ensureTable } from './ensure-table';

/** Locally, provisioning is creating the tenant's table in DynamoDB Local, in-process. */
export class LocalProvisioner implements TenantProvisioner {
  constructor(private readonly db: DynamoDBDocumentClient) {}

  async provision(tenant: Tenant): Promise<'ready'> {
    await ensureTable(this.db, tenantTableDefinition(tenant.tableName), IDEMPOTENCY_TTL_ATTRIBUTE);
    return 'ready';
  }
}
