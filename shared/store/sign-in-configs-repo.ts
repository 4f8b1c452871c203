import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { type StoredSignInConfig, StoredSignInConfigSchema } from '../domain/tenant/sign-in-config';
import { tenantSignInKey } from './keys';

/**
 * Each institution's identity provider, in the control plane beside its tenant record: an item of
 * its own, so no tenant read or listing ever carries the (encrypted) client secret, and no GSI
 * attribute lists it.
 */
export class SignInConfigsRepo {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async get(tenantId: string): Promise<StoredSignInConfig | undefined> {
    const res = await this.db.send(
      new GetCommand({ TableName: this.table, Key: tenantSignInKey(tenantId), ConsistentRead: true }),
    );
    return res.Item ? StoredSignInConfigSchema.parse(res.Item) : undefined;
  }

  async put(tenantId: string, config: StoredSignInConfig): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.table, Item: { ...tenantSignInKey(tenantId), ...config } }));
  }
}
