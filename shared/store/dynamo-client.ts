import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export function createDocumentClient(config: DynamoDBClientConfig): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(new DynamoDBClient(config), {
    marshallOptions: { removeUndefinedValues: true },
  });
}

/**
 * How long one store call may take locally. Without a bound, a frozen DynamoDB Local holds every
 * request for as long as it is frozen; with it, two attempts end within about 11 s and the request
 * gets a 503. Generous, because a JVM starved of CPU on a loaded two-core machine (a test run
 * beside others) answers in seconds, and a false 503 there is worse than a slow one.
 *
 * No connection timeout: on loopback a dead JVM refuses at once and a frozen one still accepts (the
 * kernel's backlog), so the request timeout covers both; and @smithy/node-http-handler 4.14's
 * connection timeout, once it fires under load, can throw outside any promise and end the process
 * (seen at 50 intakes/s beside other work: bench/webhooks).
 */
export const LOCAL_STORE_TIMEOUTS = { requestTimeout: 5000, maxAttempts: 2 };

/** DynamoDB Local ignores credentials and region, but the SDK insists on having some. */
export function localClientConfig(endpoint: string): DynamoDBClientConfig {
  return {
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: LOCAL_STORE_TIMEOUTS.maxAttempts,
    requestHandler: {
      requestTimeout: LOCAL_STORE_TIMEOUTS.requestTimeout,
      // Without it the SDK only logs a warning and the request waits on.
      throwOnRequestTimeout: true,
    },
  };
}

const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND']);

/**
 * The store could not be reached or did not answer in time (as opposed to refusing the request):
 * worth a 503 and a retry later, never a 500.
 */
export function isStoreUnavailable(err: unknown): boolean {
  const e = err as { name?: string; code?: string; cause?: unknown };
  if (!e || typeof e !== 'object') return false;
  if (e.name === 'TimeoutError' || (e.code && UNREACHABLE.has(e.code))) return true;
  return e.cause !== undefined && e.cause !== err && isStoreUnavailable(e.cause);
}
