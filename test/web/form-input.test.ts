import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { formToObject } from '../../shared/web/form-input';

describe('formToObject', () => {
  it('nests dotted names, lists repeated ones, drops empty fields and _csrf', () => {
    expect(formToObject({ _csrf: 't', 'a.b': 'x', 'a.c': ' y ', 'l[]': ['1', ''], e: '' })).toEqual({
      a: { b: 'x', c: 'y' },
      l: ['1'],
    });
  });

  it('survives a name sent both as a value and as a parent, in either order', () => {
    expect(formToObject({ units: 'foo', 'units.0.id': 'x' })).toEqual({ units: { 0: { id: 'x' } } });
    expect(formToObject({ 'units.0.id': 'x', units: 'foo' })).toEqual({ units: { 0: { id: 'x' } } });
  });

  it('never writes to a prototype', () => {
    const out = formToObject({ '__proto__.polluted': 'yes', 'a.constructor.prototype.x': 'y' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(out).toEqual({});
  });

  test.prop([
    fc.dictionary(fc.string({ maxLength: 12 }), fc.oneof(fc.string(), fc.array(fc.string(), { maxLength: 3 }))),
  ])('never throws, whatever names and values a form sends', (form) => {
    expect(() => formToObject(form)).not.toThrow();
  });
});
