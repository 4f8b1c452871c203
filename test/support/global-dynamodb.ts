import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from '../../infra/local/processes/dynamodb-local';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}

/** One in-memory DynamoDB Local for every store and application test; each test uses its own tables. */
export default async function setup(project: TestProject) {
  const dynamo = await startDynamoDbLocal({ dbPath: 'memory' });
  project.provide('dynamoEndpoint', dynamo.endpoint);
  return () => dynamo.stop();
}
