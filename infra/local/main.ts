import { loadConfig } from './config';
import { startLocalPlatform } from './start';

/** `npm start`: the whole platform on this machine, until Ctrl-C or SIGTERM. */
const started = Date.now();
const fail = (e: Error): never => {
  process.stderr.write(`\nRedress could not start: ${e.message}\n`);
  process.exit(1);
};
const config = (() => {
  try {
    return loadConfig();
  } catch (e) {
    return fail(e as Error);
  }
})();
const platform = await startLocalPlatform(config).catch(fail);

const lines = [
  '',
  `Redress is running (${Date.now() - started} ms)`,
  `  API      ${platform.url}`,
  `  Docs     ${platform.url}/docs   (OpenAPI: ${platform.url}/openapi.json)`,
  `  Console  ${platform.url}/console   (institutions' staff)`,
  `  Portal   ${platform.url}/portal    (the regulator, read-only)`,
  `  Data     ${config.dataDir}   (DynamoDB Local at ${platform.dynamoEndpoint})`,
  platform.seeded.length ? `  Seeded   ${platform.seeded.join(', ')}` : '',
  ...(config.devIdentities
    ? [
        '  Token    npm run cli -- token --tenant demo-bank --roles handler,pii:read',
        `           or: curl -s -X POST ${platform.url}/_local/tokens -H 'content-type: application/json' -d '{"tenantId":"demo-bank","roles":["handler"]}'`,
      ]
    : ['  Tokens   from the external IdP only (REDRESS_DEV_IDENTITIES=0)']),
  ...(platform.dynamoExposed
    ? [
        '',
        '  !!! WARNING: DynamoDB Local listens on EVERY network interface, without authentication:',
        `  !!! anyone who reaches port ${new URL(platform.dynamoEndpoint).port} of this machine can read and delete all data.`,
        `  !!! ${platform.dynamoExposed}; install a JDK 17+ (javac) and restart to bind it to 127.0.0.1.`,
      ]
    : []),
  '',
].filter((l) => l !== '');
process.stderr.write(`${lines.join('\n')}\n\n`);
process.stdout.write(
  `${JSON.stringify({ level: 'info', time: new Date().toISOString(), msg: 'platform started', url: platform.url })}\n`,
);

let stopping = false;
const FATAL_STOP_MS = 15_000;
const stop = (why: string) => {
  if (stopping) return;
  stopping = true;
  process.stderr.write(`\n${why}: stopping…\n`);
  platform.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => stop(signal));
void platform.fatal.then((reason) => {
  process.stderr.write(`\nRedress cannot go on: ${reason}\n`);
  stopping = true;
  // Work still waiting on the lost database cannot finish: stop what stops in time, then end.
  const bound = new Promise((r) => setTimeout(r, FATAL_STOP_MS).unref());
  void Promise.race([platform.stop(), bound]).finally(() => process.exit(1));
});
// A wrapper killed without passing the signal on (npm does not forward SIGTERM) leaves this process
// orphaned: notice, and stop everything rather than keep the data directory and ports.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) stop('parent process gone');
}, 1000).unref();
