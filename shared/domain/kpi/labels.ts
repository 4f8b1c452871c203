import { type InstitutionKind, labelOf, type TaxonomyAxis } from '../taxonomy';

/** A taxonomy code with its zh-CN and English labels (the code itself where the taxonomy has none). */
export function labelled(kind: InstitutionKind, axis: TaxonomyAxis, code: string) {
  return {
    code,
    label: {
      'zh-CN': labelOf(kind, axis, code, 'zh-CN') ?? code,
      en: labelOf(kind, axis, code, 'en') ?? code,
    },
  };
}

/** The institution kind a category or reason code belongs to, by its prefix (B-… bank, I-… insurer). */
export const kindOfCode = (code: string): InstitutionKind => (code.startsWith('I-') ? 'insurer' : 'bank');
