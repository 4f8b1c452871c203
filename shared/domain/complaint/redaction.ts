/**
 * The redacted copy of a free-text description: what staff without pii:read and the regulator see.
 * Computed once at write time. Numbers are judged by their digits, whatever spaces or hyphens group
 * them, so "139 1234 5678" and "6222-0212-3456-7890" go as surely as the plain forms; what is
 * ambiguous (a 13–19 digit run that is not an ID or a phone) is treated as a card, Luhn-valid or not,
 * since a mistyped card number is still one.
 */

/** Who the text is about: the complainant and any agent. Their own values are removed wherever they occur. */
export type PersonHints = {
  name: string;
  phone?: string | undefined;
  email?: string | undefined;
  idNumber?: string | undefined;
  address?: string | undefined;
};

export type RedactionKind = 'phone' | 'idNumber' | 'email' | 'card' | 'name' | 'address';

/** The placeholder follows the text's language: a Chinese description gets Chinese labels. */
const LABELS: Record<RedactionKind, { zh: string; en: string }> = {
  phone: { zh: '[电话]', en: '[phone]' },
  idNumber: { zh: '[身份证号]', en: '[ID number]' },
  email: { zh: '[邮箱]', en: '[email]' },
  card: { zh: '[银行卡号]', en: '[card number]' },
  name: { zh: '[姓名]', en: '[name]' },
  address: { zh: '[地址]', en: '[address]' },
};

/** Starts only where a local part can start, so a long run without an @ is scanned once, not from each character. */
const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
/**
 * A run of digits, single spaces or hyphens between groups, an optional +country code or
 * (area code) before, an optional X after (the ID check digit). Not inside a longer digit run.
 */
const NUMBER_RUN = /(?<![\d+])(?:\+\d{1,3}[ -]?|\(0\d{2,3}\)[ -]?)?\d(?:[ -]?\d)*(?:[ -]?[Xx])?(?![\d])/g;

/** An unbroken mobile or ID number, wherever digits or separators stand around it. */
const COMPACT = /(?<!\d)(?:1[3-9]\d{9}|[1-9]\d{16}[\dXx])(?![\dA-Za-z])/g;

const ID_18 = /^[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dX]$/;
/** The first-generation ID card, 15 digits, still found on old records. */
const ID_15 = /^[1-9]\d{5}\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}$/;
const CN_MOBILE = /^(?:86)?1[3-9]\d{9}$/;
/** Area code 0xx or 0xxx, then a 7–8 digit local number (021-12345678, 0755 8888 6666, (010)62345678). */
const CN_LANDLINE = /^0\d{2,3}\d{7,8}$/;
/** Other international numbers written with a leading +: 8–15 digits (E.164). */
const INTERNATIONAL = /^\d{8,15}$/;

function classify(run: string): RedactionKind | undefined {
  const plus = run.startsWith('+');
  const compact = run.replace(/[^\dXx]/g, '').toUpperCase();
  if (ID_18.test(compact) || ID_15.test(compact)) return 'idNumber';
  if (compact.endsWith('X')) return undefined;
  if (CN_MOBILE.test(compact) || CN_LANDLINE.test(compact)) return 'phone';
  if (plus && INTERNATIONAL.test(compact)) return 'phone';
  if (compact.length >= 13 && compact.length <= 19) return 'card';
  return undefined;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const HAN = /\p{Script=Han}/u;

/**
 * The words a name is written as: the whole name, and for a Chinese name of three or more
 * characters its given name (each part of a name joined by ·); for a Latin name each part of two letters or more (either order,
 * any case). A lone surname character is not removed: it is what the masked name shows anyway.
 */
function nameForms(name: string): { pattern: string; latin: boolean }[] {
  const whole = name.trim();
  if (!whole) return [];
  const forms = new Set<string>([whole]);
  const parts = whole.split(/[\s·•.,-]+/).filter(Boolean);
  if (HAN.test(whole)) {
    for (const part of parts) {
      forms.add(part);
      const chars = [...part];
      // The given name alone; for a four-character name the surname may be compound (欧阳娜娜 → 娜娜).
      if (parts.length === 1 && chars.length >= 3) forms.add(chars.slice(1).join(''));
      if (parts.length === 1 && chars.length === 4) forms.add(chars.slice(2).join(''));
    }
  } else {
    for (const part of parts) if (part.length >= 2) forms.add(part);
  }
  return [...forms]
    .filter((f) => [...f].length >= 2)
    .sort((a, b) => b.length - a.length)
    .map((f) => ({ pattern: escapeRegExp(f), latin: !HAN.test(f) }));
}

/**
 * Full-width forms (１３９…, ＠, Ｘ) as a Chinese input method types them, folded to ASCII one
 * character for one, so the patterns see them while the text keeps its own punctuation.
 */
const fold = (text: string) =>
  text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');

/**
 * Text and its folded twin, kept in step: each match is found in the folded one and replaced in
 * both (`by` undefined: left as it is).
 */
type Twin = { text: string; folded: string };
function replaceIn(t: Twin, re: RegExp, by: (match: string) => string | undefined): Twin {
  let text = '';
  let folded = '';
  let last = 0;
  for (const m of t.folded.matchAll(re)) {
    const replacement = by(m[0]);
    if (replacement === undefined) continue;
    text += t.text.slice(last, m.index) + replacement;
    folded += t.folded.slice(last, m.index) + replacement;
    last = m.index + m[0].length;
  }
  return { text: text + t.text.slice(last), folded: folded + t.folded.slice(last) };
}

/** The text (a description, a note) with phone and ID numbers, e-mail addresses, card numbers and the people's own data replaced. */
export function redactText(text: string, people: readonly PersonHints[] = []): string {
  const lang = HAN.test(text) ? 'zh' : 'en';
  const label = (k: RedactionKind) => LABELS[k][lang];
  let t: Twin = { text, folded: fold(text) };

  // The people's own values first, exactly as given (an address or an odd number format no pattern knows).
  for (const person of people) {
    for (const [kind, value] of [
      ['address', person.address],
      ['email', person.email],
      ['idNumber', person.idNumber],
      ['phone', person.phone],
    ] as const) {
      if (value && value.length >= 5) t = replaceIn(t, new RegExp(escapeRegExp(fold(value)), 'g'), () => label(kind));
    }
  }
  t = replaceIn(t, EMAIL, () => label('email'));
  // Whole mobiles and IDs first, so a date or an amount typed just before one is not taken into its run.
  t = replaceIn(t, COMPACT, (run) => {
    const kind = classify(run);
    return kind && label(kind);
  });
  t = replaceIn(t, NUMBER_RUN, (run) => {
    const kind = classify(run);
    if (kind) return label(kind);
    // "…002X" may be a number followed by a word starting with x: judge the digits alone.
    if (/[Xx]$/.test(run)) {
      const digits = run.replace(/[ -]?[Xx]$/, '');
      const k = classify(digits);
      return k ? label(k) + run.slice(digits.length) : undefined;
    }
    return undefined;
  });
  for (const person of people) {
    for (const { pattern, latin } of nameForms(fold(person.name))) {
      const re = latin
        ? new RegExp(`(?<![\\p{L}\\p{N}])${pattern}(?![\\p{L}\\p{N}])`, 'giu')
        : new RegExp(pattern, 'gu');
      t = replaceIn(t, re, () => label('name'));
    }
  }
  return t.text;
}
