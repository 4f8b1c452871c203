import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../infra/local/config';
import { type DynamoDbJit, startDynamoDbLocal } from '../../infra/local/processes/dynamodb-local';

/** The flags the JVM was started with, as the kernel has them. */
async function jvmFlags(jit: DynamoDbJit | undefined) {
  const dynamo = await startDynamoDbLocal({ dbPath: 'memory', ...(jit && { jit }) });
  try {
    return readFileSync(`/proc/${dynamo.javaPid}/cmdline`, 'utf8').split('\0');
  } finally {
    await dynamo.stop();
  }
}

describe("DynamoDB Local's JIT", () => {
  it('is tiered with C2 unless asked, C1 only when quick', async () => {
    expect(await jvmFlags(undefined)).not.toContain('-XX:TieredStopAtLevel=1');
    expect(await jvmFlags('quick')).toContain('-XX:TieredStopAtLevel=1');
  });

  it('is chosen by REDRESS_DYNAMODB_JIT, full by default, and nothing else is accepted', () => {
    expect(loadConfig({}).dynamoJit).toBe('full');
    expect(loadConfig({ REDRESS_DYNAMODB_JIT: 'quick' }).dynamoJit).toBe('quick');
    expect(() => loadConfig({ REDRESS_DYNAMODB_JIT: 'c1' })).toThrow();
  });
});
