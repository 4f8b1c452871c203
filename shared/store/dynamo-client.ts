import { DynamoDBClient, type DynamoDBClientConfig, ListTablesCommand } from '@aws-sdk/client-dynamodb';
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
 * The connection timeout stays. (An earlier note blamed its absence for the acknowledged complaint
 * that the supervised-database test lost across a JVM kill; that loss was DynamoDB Local answering a
 * transaction before committing it, issue 8, which `createLocalStoreClient` closes whatever the
 * timeouts.)
 * @smithy/node-http-handler starts that timer when the request is made, not when it has a socket,
 * so a call queued behind the SDK's default pool of 50 sockets timed out after 1 s of waiting for
 * one. The local pool holds 128: bursts of that size wait for nothing but the connect. No cap at all
 * is worse: at 50 intakes/s with webhooks on (bench/webhooks, over what two cores can do) the
 * connection storm outran DynamoDB Local's accept queue and 846 of 1,000 intakes failed, against
 * 33 with 128.
 */
export const LOCAL_STORE_TIMEOUTS = { connectionTimeout: 1000, requestTimeout: 5000, maxAttempts: 2, sockets: 128 };

/**
 * DynamoDB Local never checks a signature, only that an Authorization header names an access key
 * and region (which, without -sharedDb, pick its database file). SigV4 signing costs more CPU than
 * the rest of a small call together (a GetItem: 0.87 → 0.51 ms of Node CPU, bench/intake), so local
 * requests carry one fixed header instead.
 */
const LOCAL_AUTHORIZATION =
  'AWS4-HMAC-SHA256 Credential=local/20000101/local/dynamodb/aws4_request, SignedHeaders=host, Signature=0';
const localSigner = {
  sign: async <R extends { headers: Record<string, string> }>(request: R): Promise<R> => {
    request.headers.authorization = LOCAL_AUTHORIZATION;
    return request;
  },
};

/** DynamoDB Local ignores credentials and region, but the SDK insists on having some. */
export function localClientConfig(endpoint: string): DynamoDBClientConfig {
  return {
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    signer: localSigner,
    maxAttempts: LOCAL_STORE_TIMEOUTS.maxAttempts,
    requestHandler: {
      connectionTimeout: LOCAL_STORE_TIMEOUTS.connectionTimeout,
      requestTimeout: LOCAL_STORE_TIMEOUTS.requestTimeout,
      // Without it the SDK only logs a warning and the request waits on.
      throwOnRequestTimeout: true,
      httpAgent: { maxSockets: LOCAL_STORE_TIMEOUTS.sockets },
    },
  };
}

/** The calls that DynamoDB Local answers before it has committed them (SQLiteDBAccess.commitTransaction). */
const ANSWERED_BEFORE_COMMIT = new Set(['TransactWriteItemsCommand', 'ExecuteTransactionCommand']);

/**
 * The platform's client of its local store (DynamoDB Local at `endpoint`), which acknowledges a
 * transaction only once DynamoDB Local has committed it.
 *
 * DynamoDB Local answers TransactWriteItems (and ExecuteTransaction) before its SQLite COMMIT has
 * run: the commit is queued on the database's single job thread and not waited for. A JVM killed in
 * that moment (the supervised restart's case) loses a transaction that was answered, and intake had
 * answered 201 for it (issue 8). The queue runs its jobs in order, so once a later call has been
 * answered, the COMMIT queued before it has run, and a SIGKILL no longer undoes it: each transaction
 * is followed by a ListTables (one row read, about a millisecond on loopback) before its caller
 * hears of it, one for all the transactions answered while the previous one was on its way. When that
 * follow-up fails the call fails as the store being unavailable (a 503), and a retry with the same
 * Idempotency-Key finds the complaint if the commit did happen.
 *
 * `onWritten` hears of every write once it is answered (and committed): the stream poller reads the
 * tables named at once instead of on its next round.
 */
export function createLocalStoreClient(
  endpoint: string,
  overrides: Partial<DynamoDBClientConfig> = {},
  onWritten?: (tables: readonly string[]) => void,
): DynamoDBDocumentClient {
  const client = createDocumentClient({ ...localClientConfig(endpoint), ...overrides });
  // Group commit: at most one follow-up in flight. A transaction answered while one is in flight
  // (it may have been sent before this answer) waits for the next, sent as soon as it returns and
  // shared by every transaction answered meanwhile; under load that is one ListTables for several.
  let sending: Promise<unknown> | undefined;
  let waiting: Promise<unknown> | undefined;
  const send = () => {
    const sent: Promise<unknown> = client.send(new ListTablesCommand({ Limit: 1 })).finally(() => {
      if (sending === sent) sending = undefined;
    });
    sending = sent;
    return sent;
  };
  const committed = (): Promise<unknown> => {
    if (!sending) return send();
    waiting ??= sending
      .catch(() => undefined)
      .then(() => {
        waiting = undefined;
        return send();
      });
    return waiting;
  };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const output = await next(args);
      if (context.commandName && ANSWERED_BEFORE_COMMIT.has(context.commandName)) await committed();
      if (onWritten && context.commandName && WRITES.has(context.commandName))
        onWritten(tablesOf(args.input as WriteInput));
      return output;
    },
    { step: 'initialize', name: 'localCommitBarrier' },
  );
  return client;
}

/** The calls that change items, and so may put records on a table's stream. */
const WRITES = new Set([
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'BatchWriteItemCommand',
  'TransactWriteItemsCommand',
]);

type WriteInput = {
  TableName?: string;
  RequestItems?: Record<string, unknown>;
  TransactItems?: Record<string, { TableName?: string } | undefined>[];
};

function tablesOf(input: WriteInput): string[] {
  if (input.TableName) return [input.TableName];
  if (input.RequestItems) return Object.keys(input.RequestItems);
  const tables = new Set<string>();
  for (const item of input.TransactItems ?? [])
    for (const op of Object.values(item)) if (op?.TableName) tables.add(op.TableName);
  return [...tables];
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
