import type { Tenant } from '../../domain/tenant/tenant-schema';
import type { TenantProvisioner } from '../../ports/tenant-provisioner';

/**
 * In AWS, provisioning (a KMS key, the table, wrapped data keys) takes longer than a request should:
 * the admin function hands it to the provisioner function asynchronously (failures go to the DLQ),
 * and the provisioner marks the tenant active when its table is usable. The Lambda SDK is loaded
 * on first use.
 */
export class LambdaProvisioner implements TenantProvisioner {
  constructor(
    private readonly region: string,
    private readonly functionName: string,
  ) {}

  async provision(tenant: Tenant): Promise<'pending'> {
    const { LambdaClient, InvokeCommand } = await import('@aws-sdk/client-lambda');
    await new LambdaClient({ region: this.region }).send(
      new InvokeCommand({
        FunctionName: this.functionName,
        InvocationType: 'Event',
        Payload: Buffer.from(JSON.stringify({ tenant })),
      }),
    );
    return 'pending';
  }
}
