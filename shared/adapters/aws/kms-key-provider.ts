import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { KeyProvider, TenantKeys } from '../../pii/key-provider';
import { tenantKeysKey } from '../../store/keys';

/**
 * Per-tenant data keys wrapped by the tenant's own KMS key: the provisioner stores the ciphertexts
 * in the control plane; this unwraps them with credentials tagged for that tenant (the key policy
 * allows only them) and keeps the plaintext in memory for the life of the function instance.
 */
export class KmsKeyProvider implements KeyProvider {
  private readonly cache = new Map<string, Promise<TenantKeys>>();

  constructor(
    private readonly o: {
      db: DynamoDBDocumentClient;
      controlTable: string;
      region: string;
      tenantRoleArn: string | undefined;
    },
  ) {}

  keysFor(tenantId: string): Promise<TenantKeys> {
    let keys = this.cache.get(tenantId);
    if (!keys) {
      keys = this.load(tenantId);
      keys.catch(() => this.cache.delete(tenantId));
      this.cache.set(tenantId, keys);
    }
    return keys;
  }

  private async load(tenantId: string): Promise<TenantKeys> {
    const res = await this.o.db.send(
      new GetCommand({ TableName: this.o.controlTable, Key: tenantKeysKey(tenantId), ConsistentRead: true }),
    );
    const item = res.Item as { dataKeyCiphertext: string; indexKeyCiphertext: string; dataKeyId: string } | undefined;
    if (!item) throw new Error(`no keys provisioned for tenant ${tenantId}`);
    // Loaded when a function first needs a tenant's keys, not at every cold start.
    const { KMSClient, DecryptCommand } = await import('@aws-sdk/client-kms');
    const kms = new KMSClient({
      region: this.o.region,
      ...(this.o.tenantRoleArn && {
        credentials: fromTemporaryCredentials({
          params: {
            RoleArn: this.o.tenantRoleArn,
            RoleSessionName: `keys-${tenantId}`.slice(0, 64),
            Tags: [{ Key: 'tenant', Value: tenantId }],
          },
        }),
      }),
    });
    const unwrap = async (b64: string) => {
      const out = await kms.send(
        new DecryptCommand({ CiphertextBlob: Buffer.from(b64, 'base64'), EncryptionContext: { tenant: tenantId } }),
      );
      return new Uint8Array(out.Plaintext!);
    };
    const [dataKey, indexKey] = await Promise.all([unwrap(item.dataKeyCiphertext), unwrap(item.indexKeyCiphertext)]);
    return { dataKey, indexKey, dataKeyId: item.dataKeyId };
  }
}
