import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  CreateEventSourceMappingCommand,
  type LambdaClient,
  ListEventSourceMappingsCommand,
} from '@aws-sdk/client-lambda';

/**
 * Connects a tenant table's stream to the webhook dispatcher, once: a retried provisioning finds the
 * mapping and leaves it. From the stream's start, so nothing written before the mapping existed is
 * missed; a failing batch is retried and bisected down to the one bad record, never skipped.
 */
export async function ensureStreamMapping(
  ddb: DynamoDBClient,
  lambda: LambdaClient,
  table: string,
  dispatcherFunction: string,
): Promise<void> {
  const streamArn = (await ddb.send(new DescribeTableCommand({ TableName: table }))).Table?.LatestStreamArn;
  if (!streamArn) throw new Error(`table ${table} has no stream`);
  const existing = await lambda.send(
    new ListEventSourceMappingsCommand({ EventSourceArn: streamArn, FunctionName: dispatcherFunction }),
  );
  if ((existing.EventSourceMappings ?? []).length > 0) return;
  await lambda.send(
    new CreateEventSourceMappingCommand({
      EventSourceArn: streamArn,
      FunctionName: dispatcherFunction,
      StartingPosition: 'TRIM_HORIZON',
      BatchSize: 100,
      MaximumBatchingWindowInSeconds: 0,
      BisectBatchOnFunctionError: true,
      // Deliveries are created once per event and subscription: a retried batch is harmless.
      MaximumRetryAttempts: -1,
      ParallelizationFactor: 1,
    }),
  );
}
