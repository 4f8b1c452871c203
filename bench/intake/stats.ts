import { readdirSync, readFileSync } from 'node:fs';

export type RunSummary = {
  /** Successful operations (HTTP 201 / committed transactions) completed inside the window. */
  ok: number;
  /** Anything else: non-2xx responses, socket errors, timeouts, failed transactions. */
  errors: number;
  errorKinds: Record<string, number>;
  durationS: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  /** Operations the system completed for this run, including those finishing after the window closed (CPU per op divides by this). */
  processed?: number;
  /** Transactions tried again (reference collision, TransactionConflict), as the intake itself does. */
  retries?: Record<string, number>;
};

/** Nearest-rank percentile (p in 0–100) of a sample, sorted or not. */
export function percentile(sample: readonly number[], p: number): number {
  if (sample.length === 0) return NaN;
  const sorted = [...sample].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

export function summarize(
  latencies: number[],
  durationS: number,
  errors: number,
  errorKinds: Record<string, number>,
): RunSummary {
  const sorted = [...latencies].sort((a, b) => a - b);
  const mean = sorted.reduce((a, b) => a + b, 0) / (sorted.length || 1);
  return {
    ok: sorted.length,
    errors,
    errorKinds,
    durationS,
    perSecond: round(sorted.length / durationS),
    p50Ms: round(percentile(sorted, 50), 2),
    p99Ms: round(percentile(sorted, 99), 2),
    meanMs: round(mean, 2),
  };
}

/** CPU time (ms) of the DynamoDB Local JVM listening on `port`, from /proc (Linux only; NaN elsewhere). */
export function javaCpuReader(port: number): () => number {
  let pid: string | undefined;
  try {
    pid = readdirSync('/proc').find((d) => {
      if (!/^\d+$/.test(d)) return false;
      try {
        const argv = readFileSync(`/proc/${d}/cmdline`, 'utf8').split('\0');
        return (
          // The plain jar's argument, or the loopback launcher's classpath that names it.
          argv.some((a) => a.includes('DynamoDBLocal.jar')) &&
          argv[argv.indexOf('-port') + 1] === String(port) &&
          !argv[0]?.endsWith('sh')
        );
      } catch {
        return false;
      }
    });
  } catch {
    pid = undefined;
  }
  const ticks = 100; // USER_HZ on Linux
  return () => {
    if (!pid) return NaN;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // fields[0] is state (field 3); utime/stime are fields 14/15 → indexes 11/12 here.
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticks;
    } catch {
      return NaN;
    }
  };
}
