import { type DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';

/**
 * Ids of the complaints still holding their description in clear, one scanned page at a time.
 * A scan: for the one-off migration only, never a request path.
 */
export async function* clearDescriptionIds(db: DynamoDBDocumentClient, table: string): AsyncGenerator<string[]> {
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.send(
      new ScanCommand({
        TableName: table,
        FilterExpression: 'kind = :complaint AND attribute_exists(description)',
        ExpressionAttributeValues: { ':complaint': 'complaint' },
        ProjectionExpression: 'id',
        ...(start && { ExclusiveStartKey: start }),
      }),
    );
    yield (page.Items ?? []).map((item) => String(item.id));
    start = page.LastEvaluatedKey;
  } while (start);
}
