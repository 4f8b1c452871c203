import { z } from 'zod';
import { invalid } from '../errors';
import { cleanText } from '../text';

export const UnitIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lower-case letters, digits and "-"');

export const UnitSchema = z.strictObject({
  id: UnitIdSchema,
  name: z.strictObject({ 'zh-CN': cleanText(200), en: cleanText(200) }),
  /** Absent only for the head office, the root every escalation ends at. */
  parentId: UnitIdSchema.optional(),
});

export const UnitTreeSchema = z.strictObject({ units: z.array(UnitSchema).min(1).max(5000) });

export type Unit = z.infer<typeof UnitSchema>;
export type UnitTree = z.infer<typeof UnitTreeSchema>;

/** One root, every parent known, no cycles: escalation walks parents and must always end. */
export function validateUnitTree(tree: UnitTree): UnitTree {
  const byId = new Map<string, Unit>();
  for (const unit of tree.units) {
    if (byId.has(unit.id)) throw invalid('invalid_units', `unit ${unit.id} appears twice`);
    byId.set(unit.id, unit);
  }
  const roots = tree.units.filter((u) => !u.parentId);
  if (roots.length !== 1)
    throw invalid('invalid_units', `expected exactly one head office (unit without parentId), found ${roots.length}`);
  for (const unit of tree.units) {
    const seen = new Set<string>();
    let cursor: Unit | undefined = unit;
    while (cursor?.parentId) {
      if (seen.has(cursor.id)) throw invalid('invalid_units', `unit ${unit.id} is part of a cycle`);
      seen.add(cursor.id);
      const parent = byId.get(cursor.parentId);
      if (!parent) throw invalid('invalid_units', `unit ${cursor.id} names unknown parent ${cursor.parentId}`);
      cursor = parent;
    }
  }
  return tree;
}

/** The unit itself first, then each parent up to the head office. */
export function escalationChain(tree: UnitTree, unitId: string): Unit[] {
  const byId = new Map(tree.units.map((u) => [u.id, u]));
  const chain: Unit[] = [];
  let cursor = byId.get(unitId);
  while (cursor && chain.length <= tree.units.length) {
    chain.push(cursor);
    cursor = cursor.parentId ? byId.get(cursor.parentId) : undefined;
  }
  return chain;
}

export const headOffice = (tree: UnitTree): Unit | undefined => tree.units.find((u) => !u.parentId);
