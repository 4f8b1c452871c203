import { type DynamoDBDocumentClient, GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { PolicyRef } from '../domain/complaint/complaint-schema';
import { conflict } from '../domain/errors';
import { type SlaPolicy, SlaPolicySchema } from '../domain/sla';
import { keyed, POLICY_PK, POLICY_VERSION_PREFIX, policyKey, policyVersionKey } from './keys';
import { queryAll } from './query-all';
import { isConditionFailure } from './transaction-errors';
import { versionedPut } from './versioned-put';

export type StoredOverride = { override: Record<string, unknown>; version: number; updatedAt: string };
export type StoredPolicyVersion = {
  revision: number;
  policy: SlaPolicy;
  override: Record<string, unknown>;
  createdAt: string;
};

/** Immutable versions read back in this process; bounded, since a tenant has few. */
const VERSION_CACHE_LIMIT = 1000;

/** A tenant's stricter-than-preset override (the current pointer) and every version it has had. */
export class PoliciesRepo {
  private readonly versions = new Map<string, SlaPolicy>();

  constructor(private readonly db: DynamoDBDocumentClient) {}

  async get(table: string): Promise<StoredOverride | undefined> {
    const res = await this.db.send(new GetCommand({ TableName: table, Key: policyKey(), ConsistentRead: true }));
    if (!res.Item) return undefined;
    return {
      override: res.Item.override as Record<string, unknown>,
      version: Number(res.Item.version),
      updatedAt: String(res.Item.updatedAt),
    };
  }

  /** Moves the pointer and writes the new version in one transaction. */
  async put(
    table: string,
    override: Record<string, unknown>,
    expectedVersion: number,
    at: string,
    effective: SlaPolicy,
  ): Promise<StoredOverride> {
    const version = expectedVersion + 1;
    const ref = { id: effective.id, version: effective.version, revision: version };
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: versionedPut(table, { ...keyed('policy', policyKey()), override, updatedAt: at }, expectedVersion),
            },
            {
              Put: {
                TableName: table,
                Item: versionItem(ref, effective, override, at),
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
          ],
        }),
      );
    } catch (e) {
      if (isConditionFailure(e))
        throw conflict('version_conflict', 'the policy was changed by someone else; read it again and retry');
      throw e;
    }
    return { override, version, updatedAt: at };
  }

  /** Every stored version, oldest first: a tenant has a handful, each one immutable. */
  async listVersions(table: string): Promise<StoredPolicyVersion[]> {
    const items = await queryAll(this.db, {
      TableName: table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :v)',
      ExpressionAttributeValues: { ':pk': POLICY_PK, ':v': POLICY_VERSION_PREFIX },
      ConsistentRead: true,
    });
    return items.map((i) => ({
      revision: Number(i.revision),
      policy: SlaPolicySchema.parse(i.policy),
      override: i.override as Record<string, unknown>,
      createdAt: String(i.createdAt),
    }));
  }

  /** The version a complaint was registered under, or undefined if it was never stored. */
  async getVersion(table: string, ref: PolicyRef): Promise<SlaPolicy | undefined> {
    const cacheKey = `${table}|${policyVersionKey(ref).sk}`;
    const hit = this.versions.get(cacheKey);
    if (hit) return hit;
    const res = await this.db.send(
      new GetCommand({ TableName: table, Key: policyVersionKey(ref), ConsistentRead: true }),
    );
    if (!res.Item) return undefined;
    const policy = SlaPolicySchema.parse(res.Item.policy);
    if (this.versions.size >= VERSION_CACHE_LIMIT) this.versions.clear();
    this.versions.set(cacheKey, policy);
    return policy;
  }

  /**
   * Stores a version if it is not there yet: the preset with no override (revision 0), a revision
   * written before versions existed, or the current override on a preset a release has changed.
   * The content is determined by the key, so a concurrent writer stored the same thing.
   */
  async ensureVersion(
    table: string,
    ref: PolicyRef,
    effective: SlaPolicy,
    override: Record<string, unknown>,
    at: string,
  ): Promise<void> {
    if (await this.getVersion(table, ref)) return;
    try {
      await this.db.send(
        new PutCommand({
          TableName: table,
          Item: versionItem(ref, effective, override, at),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (e) {
      if (!isConditionFailure(e)) throw e;
    }
  }
}

const versionItem = (ref: PolicyRef, policy: SlaPolicy, override: Record<string, unknown>, at: string) => ({
  ...keyed('policy_version', policyVersionKey(ref)),
  revision: ref.revision,
  policy,
  override,
  createdAt: at,
});
