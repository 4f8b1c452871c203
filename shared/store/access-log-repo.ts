import { type DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type AccessEntry, AccessEntrySchema } from '../domain/complaint/pii-access';
import { invalid } from '../domain/errors';
import { decodeCursor, encodeCursor } from './cursor';
import { ACCESS_PREFIX, accessKey, accessPartition, keyed } from './keys';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
/** Empty months one page reads through before it hands back a cursor to go on from. */
const MONTHS_PER_PAGE = 24;

export const previousMonth = (month: string): string => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};

/**
 * The personal-data access log of one tenant, in its own table: one partition per UTC month, items
 * sorted by time, so the newest come first from a descending Query and no read ever scans.
 */
export class AccessLogRepo {
  constructor(private readonly db: DynamoDBDocumentClient) {}

  async put(table: string, entry: AccessEntry): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: table,
        Item: { ...keyed('pii_access', accessKey(entry.at, entry.id)), ...entry },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  /**
   * Entries newest first, from `newest` back to `oldest` (months, `yyyy-mm`). The cursor names the
   * month to go on in and the last entry handed out (empty: from that month's newest).
   */
  async page(
    table: string,
    o: { newest: string; oldest: string; limit: number; cursor?: string },
  ): Promise<{ items: AccessEntry[]; nextCursor: string | null }> {
    const start = decodeCursor(o.cursor);
    const startMonth = start?.pk?.slice(ACCESS_PREFIX.length);
    if (start && (!startMonth || !MONTH.test(startMonth) || startMonth > o.newest || startMonth < o.oldest))
      throw invalid('invalid_cursor', 'cursor is not one this API returned');
    let month = startMonth ?? o.newest;
    let after = start?.sk ? start : undefined;
    const items: AccessEntry[] = [];
    for (let read = 0; read < MONTHS_PER_PAGE; ) {
      const res = await this.db.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': accessPartition(month) },
          ScanIndexForward: false,
          Limit: o.limit - items.length,
          ExclusiveStartKey: after,
        }),
      );
      for (const raw of res.Items ?? []) {
        const { pk: _pk, sk: _sk, kind: _kind, ...entry } = raw;
        items.push(AccessEntrySchema.parse(entry));
      }
      const last = items.at(-1);
      if (res.LastEvaluatedKey) {
        if (items.length === o.limit && last) return { items, nextCursor: encodeCursor(accessKey(last.at, last.id)) };
        after = res.LastEvaluatedKey as Record<string, string>;
        continue;
      }
      if (month <= o.oldest) return { items, nextCursor: null };
      month = previousMonth(month);
      after = undefined;
      read++;
      if (items.length === o.limit) break;
    }
    return { items, nextCursor: encodeCursor({ pk: accessPartition(month), sk: '' }) };
  }
}
