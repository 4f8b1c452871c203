import {
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceInUseException,
  UpdateContinuousBackupsCommand,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import {
  CreateAliasCommand,
  CreateKeyCommand,
  DescribeKeyCommand,
  GenerateDataKeyCommand,
  type KMSClient,
  NotFoundException,
} from '@aws-sdk/client-kms';
import type { LambdaClient } from '@aws-sdk/client-lambda';
import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Tenant } from '../../domain/tenant/tenant-schema';
import { tenantKeysKey } from '../../store/keys';
import { migrateTenantTable } from '../../store/table-migration';
import { IDEMPOTENCY_TTL_ATTRIBUTE, TENANT_SCHEMA_VERSION, tenantTableDefinition } from '../../store/table-schemas';
import { TenantsRepo } from '../../store/tenants-repo';
import { ensureStreamMapping } from './stream-mapping';

export type ProvisioningClients = {
  ddb: DynamoDBClient;
  kms: KMSClient;
  db: DynamoDBDocumentClient;
  controlTable: string;
  /** The webhook dispatcher each tenant table's stream is connected to. */
  webhooks?: { lambda: LambdaClient; dispatcherFunction: string };
};

/**
 * Everything a tenant needs in AWS, each step idempotent so a retried provisioning completes what a
 * failed one began: a customer-managed KMS key tagged with the tenant (role policies match on that
 * tag), the tenant's table encrypted with it (PITR, deletion protection, a stream for webhooks),
 * and the tenant's data and index keys wrapped by it.
 */
export async function provisionTenant(c: ProvisioningClients, tenant: Tenant): Promise<void> {
  const keyArn = await ensureTenantKey(c.kms, tenant);
  await ensureTenantTable(c.ddb, tenant, keyArn);
  // A retried provisioning, or one run again after a schema change, brings the table up to date.
  await migrateTenantTable(c.ddb, tenant.tableName, { pollMs: 2000 });
  await new TenantsRepo(c.db, c.controlTable).recordSchemaVersion(tenant.id, TENANT_SCHEMA_VERSION);
  await ensureWrappedKeys(c, tenant, keyArn);
  if (c.webhooks) await ensureStreamMapping(c.ddb, c.webhooks.lambda, tenant.tableName, c.webhooks.dispatcherFunction);
}

async function ensureTenantKey(kms: KMSClient, tenant: Tenant): Promise<string> {
  const alias = `alias/${tenant.tableName}`;
  try {
    return (await kms.send(new DescribeKeyCommand({ KeyId: alias }))).KeyMetadata!.Arn!;
  } catch (e) {
    if (!(e instanceof NotFoundException)) throw e;
  }
  const key = await kms.send(
    new CreateKeyCommand({
      Description: `Redress tenant ${tenant.id}`,
      KeyUsage: 'ENCRYPT_DECRYPT',
      Tags: [{ TagKey: 'tenant', TagValue: tenant.id }],
    }),
  );
  await kms.send(new CreateAliasCommand({ AliasName: alias, TargetKeyId: key.KeyMetadata!.KeyId! }));
  return key.KeyMetadata!.Arn!;
}

async function ensureTenantTable(ddb: DynamoDBClient, tenant: Tenant, keyArn: string): Promise<void> {
  try {
    await ddb.send(
      new CreateTableCommand({
        ...tenantTableDefinition(tenant.tableName),
        SSESpecification: { Enabled: true, SSEType: 'KMS', KMSMasterKeyId: keyArn },
        DeletionProtectionEnabled: true,
        Tags: [{ Key: 'tenant', Value: tenant.id }],
      }),
    );
  } catch (e) {
    if (!(e instanceof ResourceInUseException)) throw e;
  }
  const status = (await ddb.send(new DescribeTableCommand({ TableName: tenant.tableName }))).Table?.TableStatus;
  if (status !== 'ACTIVE')
    await waitUntilTableExists({ client: ddb, maxWaitTime: 300, minDelay: 2 }, { TableName: tenant.tableName });
  await ddb.send(
    new UpdateContinuousBackupsCommand({
      TableName: tenant.tableName,
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    }),
  );
  await ddb
    .send(
      new UpdateTimeToLiveCommand({
        TableName: tenant.tableName,
        TimeToLiveSpecification: { Enabled: true, AttributeName: IDEMPOTENCY_TTL_ATTRIBUTE },
      }),
    )
    .catch((e: Error) => {
      // Enabling TTL twice is refused; it is on already.
      if (!/already enabled/i.test(e.message)) throw e;
    });
}

async function ensureWrappedKeys(c: ProvisioningClients, tenant: Tenant, keyArn: string): Promise<void> {
  const wrap = async () => {
    const out = await c.kms.send(
      new GenerateDataKeyCommand({ KeyId: keyArn, KeySpec: 'AES_256', EncryptionContext: { tenant: tenant.id } }),
    );
    return Buffer.from(out.CiphertextBlob!).toString('base64');
  };
  try {
    await c.db.send(
      new PutCommand({
        TableName: c.controlTable,
        Item: {
          ...tenantKeysKey(tenant.id),
          kind: 'tenant-keys',
          keyArn,
          dataKeyId: `${tenant.id}-1`,
          dataKeyCiphertext: await wrap(),
          indexKeyCiphertext: await wrap(),
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  } catch (e) {
    // Keys made by an earlier attempt stay: data may already be encrypted with them.
    if ((e as Error).name !== 'ConditionalCheckFailedException') throw e;
  }
}
