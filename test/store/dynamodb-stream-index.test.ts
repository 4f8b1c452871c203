import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { startDynamoDbLocal } from '../../infra/local/processes/dynamodb-local';
import { createDocumentClient, localClientConfig } from '../../shared/store/dynamo-client';

async function opened(streamIndex: boolean, waitMs: number) {
  const dynamo = await startDynamoDbLocal({ dbPath: 'memory', streamIndex });
  const db = createDocumentClient(localClientConfig(dynamo.endpoint));
  await db.send(new ListTablesCommand({}));
  const until = Date.now() + waitMs;
  while (!dynamo.streamRecordsIndexed() && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
  const indexed = dynamo.streamRecordsIndexed();
  db.destroy();
  await dynamo.stop();
  return indexed;
}

// What the index saves is measured in bench/dynamodb-local; this checks the launcher still finds
// DynamoDB Local's own SQLite queue (a DynamoDB Local upgrade could move it) and indexes it.
describe('the DynamoDB Local launcher', () => {
  it("indexes DynamoDB Local's stream records once its database is open", async () => {
    expect(await opened(true, 10_000)).toBe(true);
  });

  it('leaves them as DynamoDB Local has them when told not to (the bench control)', async () => {
    expect(await opened(false, 1500)).toBe(false);
  });
});
