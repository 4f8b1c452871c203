import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { ComplaintRecord } from '../domain/complaint/complaint-schema';
import { fromComplaintItem } from './complaint-item';
import { GSI } from './keys';

const ROUNDS = 5;

/**
 * Later complaints that intake linked to this one as its repeat (`repeatOf`). Intake finds the
 * earlier complaint through the person's blind index, so the later ones are on that same index
 * partition, after this one: the link is read back the other way without an index of its own.
 */
export async function repeatsOf(
  db: DynamoDBDocumentClient,
  table: string,
  original: Pick<ComplaintRecord, 'id' | 'consumerKey' | 'receivedAt'>,
  limit: number,
): Promise<ComplaintRecord[]> {
  const found: ComplaintRecord[] = [];
  let start: Record<string, unknown> | undefined;
  for (let round = 0; round < ROUNDS && found.length < limit; round++) {
    const res = await db.send(
      new QueryCommand({
        TableName: table,
        IndexName: GSI.byConsumer.name,
        // From the same instant on: two complaints can be received within one millisecond.
        KeyConditionExpression: '#pk = :pk AND #sk >= :since',
        FilterExpression: 'repeatOf = :id',
        ExpressionAttributeNames: { '#pk': GSI.byConsumer.pk, '#sk': GSI.byConsumer.sk },
        ExpressionAttributeValues: {
          ':pk': original.consumerKey,
          ':since': original.receivedAt,
          ':id': original.id,
        },
        Limit: 100,
        ExclusiveStartKey: start,
      }),
    );
    found.push(...(res.Items ?? []).map(fromComplaintItem));
    start = res.LastEvaluatedKey;
    if (!start) break;
  }
  return found.slice(0, limit);
}
