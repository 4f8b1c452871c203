import { type Locale, LocaleSchema } from '../../domain/taxonomy';

export { type Locale, LocaleSchema };
/** The supervisors and complaint teams this is built for read Chinese first. */
export const DEFAULT_LOCALE: Locale = 'zh-CN';
export const LOCALE_COOKIE = 'redress_lang';

export const parseLocale = (value: string | undefined): Locale | undefined => LocaleSchema.safeParse(value).data;

/** A catalogue entry: both languages side by side, so neither can be forgotten. */
export type Text = Record<Locale, string>;
export type Catalogue = Record<string, Text>;

/**
 * A message catalogue of one area of the pages. Kept beside the pages that use it (one file per
 * area, not one for the whole product), with a translator bound to the request's locale.
 */
export function defineMessages<C extends Catalogue>(catalogue: C) {
  return (locale: Locale) =>
    (key: keyof C & string, values: Record<string, string | number> = {}): string =>
      (catalogue[key]?.[locale] ?? key).replace(/\{(\w+)\}/g, (m, name: string) =>
        name in values ? String(values[name]) : m,
      );
}
export type Translator<C extends Catalogue> = (
  key: keyof C & string,
  values?: Record<string, string | number>,
) => string;

/** Numbers and dates as the locale writes them; times in the institution's own zone. */
export function formatters(locale: Locale, timeZone = 'Asia/Shanghai') {
  const dateTime = new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'medium', timeStyle: 'short' });
  const date = new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'medium' });
  const number = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  return {
    dateTime: (iso: string) => dateTime.format(new Date(iso)),
    date: (iso: string) => date.format(new Date(iso)),
    number: (n: number) => number.format(n),
    percent: (ratio: number) => percent.format(ratio),
  };
}
