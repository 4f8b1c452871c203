import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type JsonCall, jsonCall } from './json-call';

const ROOT = resolve(import.meta.dirname, '../..');

export type RunningServer = {
  url: string;
  dataDir: string;
  /** Everything the process wrote to stdout and stderr so far. */
  output: () => string;
  process: ChildProcess;
  /** SIGTERM (as Ctrl-C or a process manager would) and wait for the exit code. */
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
  token: (req: { tenantId?: string; roles: string[]; sub?: string }) => Promise<string>;
  /** fetch against the server with JSON in and out. */
  call: JsonCall;
};

/**
 * Starts the platform exactly as `npm start` does (the same entry point, a child process, real
 * DynamoDB Local on disk), on a free port and a data directory of its own.
 */
export async function startServer(o: { dataDir?: string; env?: Record<string, string> } = {}): Promise<RunningServer> {
  const dataDir = o.dataDir ?? mkdtempSync(join(tmpdir(), 'redress-e2e-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'infra/local/main.ts'], {
    cwd: ROOT,
    // The suites drive hundreds of requests from one address and a few identities: unthrottled
    // unless a test turns the limits on (test/e2e/rate-limits.test.ts does).
    // A test's platform lives seconds: its JVM compiles with C1 only (REDRESS_DYNAMODB_JIT).
    env: {
      ...process.env,
      PORT: '0',
      REDRESS_DATA_DIR: dataDir,
      REDRESS_RATE_LIMITS: 'off',
      REDRESS_DYNAMODB_JIT: 'quick',
      ...o.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));

  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 60 s:\n${output}`)), 60_000);
    const onData = () => {
      const m = output.match(/"msg":"platform started","url":"([^"]+)"/);
      if (m?.[1]) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        resolveUrl(m[1]);
      }
    };
    child.stdout!.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before starting:\n${output}`));
    });
  });

  const call = jsonCall((path, init) => fetch(url + path, init));

  return {
    url,
    dataDir,
    output: () => output,
    process: child,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
    token: async (req) => {
      const res = await call('POST', '/_local/tokens', { body: req });
      if (res.status !== 200) throw new Error(`token request failed: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.token as string;
    },
    call,
  };
}
