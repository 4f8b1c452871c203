import { describe, expect, it } from 'vitest';
import { maskAddress, maskEmail, maskIdNumber, maskName, maskPhone } from '../../../shared/domain/complaint/masking';
import { formatReference, REFERENCE_PATTERN } from '../../../shared/domain/complaint/reference';
import { defaultReferencePrefix } from '../../../shared/domain/tenant/tenant-schema';

describe('masking', () => {
  it('masks as staff expect to read it back on a call', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+8613812345678')).toBe('+86*******5678');
    expect(maskPhone('95588')).toBe('***88');
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('Alice')).toBe('A****');
    expect(maskEmail('alice@example.com')).toBe('a***@example.com');
    expect(maskIdNumber('11010519491231002X')).toBe('**************002X');
    // The shortest ID number allowed is never shown whole.
    expect(maskIdNumber('AB12')).toBe('***2');
    expect(maskAddress('北京市朝阳区建国路88号')).not.toContain('建国路');
  });

  it('keeps surrogate pairs whole', () => {
    expect(maskName('𠀋一')).toBe('𠀋*');
  });
});

describe('references', () => {
  it('reads tenant letters, local date and five unambiguous characters', () => {
    const ref = formatReference('DB', '2026-11-23', new Uint8Array([0, 31, 18, 100, 255]));
    expect(ref).toBe('DB-20261123-0ZJ4Z');
    expect(ref).toMatch(REFERENCE_PATTERN);
    expect(ref).not.toMatch(/[ILOU]/);
  });

  it('derives a prefix from the tenant id', () => {
    expect(defaultReferencePrefix('demo-bank')).toBe('DB');
    expect(defaultReferencePrefix('acme')).toBe('AC');
    expect(defaultReferencePrefix('bank-of-east-asia-ltd')).toBe('BOEA');
    expect(defaultReferencePrefix('x1-2')).toMatch(/^[A-Z]{2,4}$/);
  });
});
