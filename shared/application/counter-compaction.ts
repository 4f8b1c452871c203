import { hasCounts } from '../domain/kpi/counter-rollup';
import type { Tenant } from '../domain/tenant/tenant-schema';
import { counterShardMonth } from '../store/keys';
import type { Platform } from './platform';
import type { StreamChange } from './webhook-dispatch';

/**
 * The months whose counter shards took counts in these changes: what the compactor should fold.
 * A fold's own write leaves its shard without counts, so folding never feeds itself.
 */
export function touchedCounterMonths(changes: readonly StreamChange[]): string[] {
  const months = new Set<string>();
  for (const c of changes) {
    const month = c.newImage && counterShardMonth(c.newImage.pk, c.newImage.sk);
    if (month && hasCounts(c.newImage!)) months.add(month);
  }
  return [...months];
}

/**
 * Folds the months' shards into their rollups (StatsRepo.compact), so every read of the counters
 * stays narrow. Both runtimes call it from the table's stream, after the writes it folds.
 */
export async function compactCounters(p: Platform, tenant: Tenant, months: readonly string[]): Promise<number> {
  let folded = 0;
  for (const month of months) folded += await p.stats.compact(tenant.tableName, month);
  return folded;
}
