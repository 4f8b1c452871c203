import { DeleteCommand, type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { requestWindowKey } from './keys';
import { type TableNaming, tenantTable } from './table-names';
import { IDEMPOTENCY_TTL_ATTRIBUTE } from './table-schemas';

/**
 * Fixed-window request counters in each tenant's own table, so every instance of either runtime
 * counts into the same item, through the same tenant-scoped client as every other tenant-table call.
 * An item outlives its window by one more, then TTL removes it.
 */
export class RequestWindowsRepo {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly naming: TableNaming,
  ) {}

  /** Adds `by` to the window's count in one UpdateItem and returns the count after it. */
  async add(tenantId: string, window: { start: Date; end: Date }, by: number): Promise<number> {
    const end = window.end.getTime();
    const expiresAt = Math.ceil((end + (end - window.start.getTime())) / 1000);
    const res = await this.db.send(
      new UpdateCommand({
        TableName: tenantTable(this.naming, tenantId),
        Key: requestWindowKey(window.start.toISOString()),
        UpdateExpression: 'ADD hits :by SET #ttl = if_not_exists(#ttl, :ttl)',
        ExpressionAttributeNames: { '#ttl': IDEMPOTENCY_TTL_ATTRIBUTE },
        ExpressionAttributeValues: { ':by': by, ':ttl': expiresAt },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return Number(res.Attributes?.hits ?? 0);
  }

  /** Forgets the window's count (the limiter's `resetKey`). */
  async clear(tenantId: string, window: { start: Date }): Promise<void> {
    await this.db.send(
      new DeleteCommand({
        TableName: tenantTable(this.naming, tenantId),
        Key: requestWindowKey(window.start.toISOString()),
      }),
    );
  }
}
