import { describe, expect, it } from 'vitest';
import {
  ChannelSchema,
  type InstitutionKind,
  InstitutionKindSchema,
  isCategory,
  isChannel,
  isReason,
  labelOf,
  otherCode,
  TAXONOMY_CODE_PATTERN,
  TaxonomyCodeSchema,
  type TaxonomyEntry,
  TaxonomyEntrySchema,
  TaxonomySchema,
  taxonomyFor,
  topLevelCode,
} from '../../../shared/domain/taxonomy';
import bankJson from '../../../shared/domain/taxonomy/bank.json';
import channelsJson from '../../../shared/domain/taxonomy/channels.json';
import insurerJson from '../../../shared/domain/taxonomy/insurer.json';

const KINDS = InstitutionKindSchema.options;
const CJK = /\p{Script=Han}/u;

const axes = (kind: InstitutionKind) => {
  const t = taxonomyFor(kind);
  return [
    ['channels', t.channels],
    ['categories', t.categories],
    ['reasons', t.reasons],
  ] as const satisfies ReadonlyArray<readonly [string, readonly TaxonomyEntry[]]>;
};

describe.each(KINDS)('%s taxonomy', (kind) => {
  it('parses against TaxonomySchema', () => {
    expect(TaxonomySchema.safeParse(taxonomyFor(kind)).success).toBe(true);
  });

  it.each(axes(kind))('%s: codes are unique', (_axis, entries) => {
    const codes = entries.map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.length).toBeGreaterThan(0);
  });

  it.each(axes(kind))('%s: every entry has non-empty zh-CN and en labels', (_axis, entries) => {
    for (const e of entries) {
      expect(e.label['zh-CN'].trim(), e.code).not.toBe('');
      expect(e.label.en.trim(), e.code).not.toBe('');
    }
  });

  it.each(axes(kind))('%s: zh-CN labels contain CJK characters', (_axis, entries) => {
    for (const e of entries) expect(e.label['zh-CN'], e.code).toMatch(CJK);
  });

  it.each(axes(kind))('%s: en labels contain no CJK characters', (_axis, entries) => {
    for (const e of entries) expect(e.label.en, e.code).not.toMatch(CJK);
  });

  it('categories and reasons follow the code convention, top level only, right prefix', () => {
    const prefix = kind === 'bank' ? 'B' : 'I';
    const t = taxonomyFor(kind);
    for (const { code } of t.categories) expect(code).toMatch(new RegExp(`^${prefix}-CAT-\\d{2}$`));
    for (const { code } of t.reasons) expect(code).toMatch(new RegExp(`^${prefix}-RSN-\\d{2}$`));
  });

  it('"other" (99) exists on each coded axis, and the channel axis is complete', () => {
    expect(isCategory(kind, otherCode(kind, 'category'))).toBe(true);
    expect(isReason(kind, otherCode(kind, 'reason'))).toBe(true);
    expect(otherCode(kind, 'category')).toMatch(/-99$/);
    expect(otherCode(kind, 'reason')).toMatch(/-99$/);
    expect(labelOf(kind, 'category', otherCode(kind, 'category'), 'zh-CN')).toMatch(/其他/);
    expect(labelOf(kind, 'reason', otherCode(kind, 'reason'), 'en')).toMatch(/other/i);
    expect(taxonomyFor(kind).channels.map((c) => c.code)).toEqual(ChannelSchema.options);
  });

  it('accepts its own codes and rejects unknown ones', () => {
    const t = taxonomyFor(kind);
    for (const { code } of t.categories) {
      expect(isCategory(kind, code)).toBe(true);
      expect(isReason(kind, code)).toBe(false); // a category is not a reason
    }
    for (const { code } of t.reasons) {
      expect(isReason(kind, code)).toBe(true);
      expect(isCategory(kind, code)).toBe(false);
    }
    for (const bad of ['', 'B-CAT-98', 'I-CAT-98', 'B-CAT-01.01', 'b-cat-01', ' B-CAT-01', 'phone', '99']) {
      expect(isCategory(kind, bad), bad).toBe(false);
      expect(isReason(kind, bad), bad).toBe(false);
    }
    expect(labelOf(kind, 'category', 'X-CAT-01', 'en')).toBeUndefined();
    expect(labelOf(kind, 'channel', 'fax', 'en')).toBeUndefined();
  });

  it('is frozen: callers cannot mutate the shared taxonomy', () => {
    const t = taxonomyFor(kind);
    expect(Object.isFrozen(t)).toBe(true);
    expect(Object.isFrozen(t.categories)).toBe(true);
    expect(Object.isFrozen(t.categories[0]?.label)).toBe(true);
    expect(() => {
      (t.categories as TaxonomyEntry[]).push({ code: 'B-CAT-50', label: { 'zh-CN': '新', en: 'New' } });
    }).toThrow();
    expect(taxonomyFor(kind)).toBe(t);
  });
});

describe('channels', () => {
  it('ChannelSchema matches channels.json exactly (same codes, same order)', () => {
    expect(channelsJson.map((c) => c.code)).toEqual(ChannelSchema.options);
    expect(ChannelSchema.options).toEqual([
      'phone',
      'email',
      'web',
      'app',
      'branch',
      'letter',
      'social',
      'regulator_transfer',
    ]);
  });

  it('are the same for banks and insurers', () => {
    expect(taxonomyFor('bank').channels).toEqual(taxonomyFor('insurer').channels);
  });

  it('isChannel / ChannelSchema reject unknown channels', () => {
    expect(isChannel('phone')).toBe(true);
    expect(isChannel('fax')).toBe(false);
    expect(isChannel('Phone')).toBe(false);
    expect(ChannelSchema.safeParse('regulator').success).toBe(false);
  });
});

describe('bank vs insurer', () => {
  it('category and reason lists differ and share no codes', () => {
    const bank = taxonomyFor('bank');
    const insurer = taxonomyFor('insurer');
    expect(bank.categories).not.toEqual(insurer.categories);
    expect(bank.reasons).not.toEqual(insurer.reasons);
    const insurerCodes = new Set([...insurer.categories, ...insurer.reasons].map((e) => e.code));
    for (const e of [...bank.categories, ...bank.reasons]) expect(insurerCodes.has(e.code)).toBe(false);
  });

  it('codes are not accepted across kinds', () => {
    expect(isCategory('bank', 'B-CAT-06')).toBe(true);
    expect(isCategory('insurer', 'B-CAT-06')).toBe(false);
    expect(isReason('bank', 'I-RSN-04')).toBe(false);
    expect(isReason('insurer', 'I-RSN-04')).toBe(true);
  });

  it('covers the business lines the brief requires', () => {
    const en = (kind: InstitutionKind) =>
      taxonomyFor(kind)
        .categories.map((c) => c.label.en.toLowerCase())
        .join('|');
    for (const w of [
      'deposit',
      'personal loan',
      'mortgage',
      'debit card',
      'credit card',
      'payment',
      'wealth',
      'agency',
      'personal financial information',
      'foreign exchange',
      'precious metal',
    ]) {
      expect(en('bank')).toContain(w);
    }
    for (const w of [
      'claim',
      'sales',
      'surrender',
      'premium',
      'preservation',
      'motor',
      'other property',
      'life',
      'health',
      'accident',
    ]) {
      expect(en('insurer')).toContain(w);
    }
  });
});

describe('labelOf', () => {
  it('returns the label in the requested locale', () => {
    expect(labelOf('bank', 'category', 'B-CAT-06', 'zh-CN')).toBe('信用卡');
    expect(labelOf('bank', 'category', 'B-CAT-06', 'en')).toBe('Credit cards');
    expect(labelOf('insurer', 'reason', 'I-RSN-04', 'zh-CN')).toBe('销售误导');
    expect(labelOf('insurer', 'channel', 'regulator_transfer', 'zh-CN')).toBe('监管转办');
  });

  it('does not look up a code on the wrong axis', () => {
    expect(labelOf('bank', 'reason', 'B-CAT-06', 'en')).toBeUndefined();
    expect(labelOf('bank', 'channel', 'B-CAT-06', 'en')).toBeUndefined();
    expect(labelOf('bank', 'category', 'phone', 'en')).toBeUndefined();
  });
});

describe('code convention', () => {
  it('allows exactly one dotted sub-level', () => {
    for (const ok of ['B-CAT-01', 'I-RSN-99', 'B-CAT-03.01', 'I-CAT-99.12']) {
      expect(TaxonomyCodeSchema.safeParse(ok).success, ok).toBe(true);
    }
    for (const bad of [
      'B-CAT-1',
      'B-CAT-001',
      'B-CAT-03.01.02',
      'B-CAT-03.',
      'X-CAT-01',
      'B-FOO-01',
      'B-CAT-03.1',
      'b-cat-01',
      'B-CAT-01 ',
    ]) {
      expect(TaxonomyCodeSchema.safeParse(bad).success, bad).toBe(false);
      expect(TAXONOMY_CODE_PATTERN.test(bad), bad).toBe(false);
    }
  });

  it('topLevelCode rolls sub-codes up to their parent', () => {
    expect(topLevelCode('B-CAT-03.01')).toBe('B-CAT-03');
    expect(topLevelCode('I-RSN-99')).toBe('I-RSN-99');
    expect(topLevelCode('nonsense')).toBeUndefined();
  });
});

describe('schemas reject bad data', () => {
  const good = () => ({
    channels: structuredClone(channelsJson),
    categories: structuredClone(bankJson.categories),
    reasons: structuredClone(bankJson.reasons),
  });

  it('the raw JSON files parse', () => {
    expect(TaxonomySchema.safeParse(good()).success).toBe(true);
    expect(
      TaxonomySchema.safeParse({ ...good(), categories: insurerJson.categories, reasons: insurerJson.reasons }).success,
    ).toBe(true);
  });

  it('duplicate codes', () => {
    const t = good();
    t.categories.push(structuredClone(t.categories[0]!));
    expect(TaxonomySchema.safeParse(t).success).toBe(false);
  });

  it('missing or empty labels', () => {
    expect(TaxonomyEntrySchema.safeParse({ code: 'B-CAT-01', label: { en: 'x' } }).success).toBe(false);
    expect(TaxonomyEntrySchema.safeParse({ code: 'B-CAT-01', label: { 'zh-CN': '', en: 'x' } }).success).toBe(false);
    expect(TaxonomyEntrySchema.safeParse({ code: 'B-CAT-01', label: { 'zh-CN': '存款', en: '  ' } }).success).toBe(
      false,
    );
    expect(TaxonomyEntrySchema.safeParse({ code: '', label: { 'zh-CN': '存款', en: 'x' } }).success).toBe(false);
  });

  it('unknown or missing channels, malformed codes, extra keys', () => {
    const unknownChannel = good();
    unknownChannel.channels.push({ code: 'fax', label: { 'zh-CN': '传真', en: 'Fax' } });
    expect(TaxonomySchema.safeParse(unknownChannel).success).toBe(false);

    const missingChannel = good();
    missingChannel.channels.pop();
    expect(TaxonomySchema.safeParse(missingChannel).success).toBe(false);

    const badCode = good();
    badCode.reasons[0]!.code = 'B-RSN-1';
    expect(TaxonomySchema.safeParse(badCode).success).toBe(false);

    expect(TaxonomySchema.safeParse({ ...good(), extra: [] }).success).toBe(false);
    expect(
      TaxonomyEntrySchema.safeParse({ code: 'B-CAT-01', label: { 'zh-CN': '存款', en: 'x' }, note: 1 }).success,
    ).toBe(false);
  });
});
