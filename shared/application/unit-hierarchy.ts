import { type UnitTree, validateUnitTree } from '../domain/tenant/units';
import type { StoredUnits } from '../store/units-repo';
import type { Platform } from './platform';

/** The hierarchy as stored (read fresh, not cached), or none yet at version 0. */
export async function unitHierarchy(p: Platform, tenant: { tableName: string }): Promise<StoredUnits> {
  return (await p.units.get(tenant.tableName)) ?? { units: [], version: 0 };
}

/**
 * Replaces the whole hierarchy if it is still at `expectedVersion` (0: none yet). One root, known
 * parents and no cycles, or a 400; the cache is evicted so intake and escalation use it at once here.
 */
export async function replaceUnits(
  p: Platform,
  tenant: { id: string; tableName: string },
  tree: UnitTree,
  expectedVersion: number,
): Promise<StoredUnits> {
  const stored = await p.units.put(tenant.tableName, validateUnitTree(tree), expectedVersion);
  p.settings.evict(tenant.id);
  return stored;
}
