import { describe, expect, it } from 'vitest';
import { escalationChain, type Unit, validateUnitTree } from '../../../shared/domain/tenant/units';

const u = (id: string, parentId?: string): Unit => ({
  id,
  name: { 'zh-CN': id, en: id },
  ...(parentId && { parentId }),
});

describe('unit hierarchy', () => {
  it('walks from a sub-branch up to the head office', () => {
    const tree = validateUnitTree({ units: [u('hq'), u('sh', 'hq'), u('pd', 'sh')] });
    expect(escalationChain(tree, 'pd').map((x) => x.id)).toEqual(['pd', 'sh', 'hq']);
  });

  it.each([
    ['two roots', [u('a'), u('b')], 'exactly one head office'],
    ['unknown parent', [u('hq'), u('a', 'zz')], 'unknown parent'],
    ['cycle', [u('hq'), u('a', 'b'), u('b', 'a')], 'cycle'],
    ['duplicate', [u('hq'), u('hq')], 'twice'],
  ])('refuses %s', (_n, units, message) => {
    expect(() => validateUnitTree({ units })).toThrow(message);
  });
});
