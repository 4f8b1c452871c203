import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceInUseException,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * Creates a table if it is missing and waits until it is usable; an existing table is left as it is.
 * Returns whether this call created it.
 */
export async function ensureTable(
  db: DynamoDBDocumentClient | DynamoDBClient,
  def: CreateTableCommandInput,
  ttlAttribute?: string,
): Promise<boolean> {
  const client = db as DynamoDBClient;
  let created = false;
  try {
    await client.send(new CreateTableCommand(def));
    created = true;
    if (ttlAttribute) {
      await client.send(
        new UpdateTimeToLiveCommand({
          TableName: def.TableName,
          TimeToLiveSpecification: { Enabled: true, AttributeName: ttlAttribute },
        }),
      );
    }
  } catch (e) {
    if (!(e instanceof ResourceInUseException)) throw e;
  }
  const status = (await client.send(new DescribeTableCommand({ TableName: def.TableName }))).Table?.TableStatus;
  if (status !== 'ACTIVE')
    await waitUntilTableExists({ client, maxWaitTime: 60, minDelay: 1 }, { TableName: def.TableName! });
  return created;
}
