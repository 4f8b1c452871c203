import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { KMSClient } from '@aws-sdk/client-kms';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { z } from 'zod';
import { provisionTenant } from '../../shared/adapters/aws/tenant-provisioning';
import { markProvisioned } from '../../shared/application/tenants';
import { TenantSchema } from '../../shared/domain/tenant/tenant-schema';
import { controlPlaneTable } from '../../shared/store/table-names';
import { AwsEnvSchema } from '../aws-env';
import { awsPlatform } from '../aws-platform';

const env = AwsEnvSchema.parse(process.env);
const platform = awsPlatform(env, 'redress-provisioner');
const clients = {
  ddb: new DynamoDBClient({ region: env.AWS_REGION }),
  kms: new KMSClient({ region: env.AWS_REGION }),
  db: platform.db,
  controlTable: controlPlaneTable(platform.naming),
  ...(env.REDRESS_WEBHOOK_DISPATCHER_FUNCTION && {
    webhooks: {
      lambda: new LambdaClient({ region: env.AWS_REGION }),
      dispatcherFunction: env.REDRESS_WEBHOOK_DISPATCHER_FUNCTION,
    },
  }),
};

/** Invoked asynchronously by the admin function; a failure is retried by Lambda, then lands in the DLQ. */
export const handler = async (event: unknown) => {
  const { tenant } = z.object({ tenant: TenantSchema }).parse(event);
  await provisionTenant(clients, tenant);
  await markProvisioned(platform, tenant);
};
