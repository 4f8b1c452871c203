import { compactCounters } from '../../../shared/application/counter-compaction';
import type { Platform } from '../../../shared/application/platform';
import type { Tenant } from '../../../shared/domain/tenant/tenant-schema';

/**
 * A month is folded this long after the first write the stream showed for it: writes in between share
 * the fold, so a busy platform spends at most one fold (a Query and a transaction per shard) per
 * touched month in this time, whatever its write rate; reads meanwhile add up shards of a few seconds.
 */
const FOLD_AFTER_MS = 5000;

/**
 * The local runtime's counter compactor: the stream poller reports the months whose shards took
 * counts, and each is folded once its writes have gathered for a moment (in AWS the event source
 * mapping's batch does the gathering). Folding is an optimisation of reads only; a fold that never
 * ran (a stop, a crash) loses nothing, the next write to the month brings it back.
 */
export class CounterCompactor {
  private readonly pending = new Map<string, { tenant: Tenant; month: string; timer: NodeJS.Timeout }>();
  private readonly running = new Set<Promise<unknown>>();
  private stopped = false;

  constructor(
    private readonly p: Platform,
    private readonly foldAfterMs = FOLD_AFTER_MS,
  ) {}

  touched(tenant: Tenant, months: readonly string[]) {
    if (this.stopped) return;
    for (const month of months) {
      const key = `${tenant.tableName}\u0000${month}`;
      if (this.pending.has(key)) continue;
      const timer = setTimeout(() => {
        this.pending.delete(key);
        const run = compactCounters(this.p, tenant, [month])
          .catch((e: Error) =>
            this.p.logger.warn('counter fold failed; the next write retries it', { errorName: e.name }),
          )
          .finally(() => this.running.delete(run));
        this.running.add(run);
      }, this.foldAfterMs);
      timer.unref();
      this.pending.set(key, { tenant, month, timer });
    }
  }

  async stop() {
    this.stopped = true;
    for (const { timer } of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
    await Promise.all([...this.running]);
  }
}
