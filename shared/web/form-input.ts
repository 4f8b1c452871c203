import { z } from 'zod';
import type { Locale } from './i18n/locale';

/** A submitted form's fields: `a.b` nests, a repeated name or `name[]` makes a list; `_csrf` is dropped. */
export function formToObject(form: Record<string, string | File | (string | File)[]>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [rawKey, raw] of Object.entries(form)) {
    if (rawKey === '_csrf' || rawKey.startsWith('_')) continue;
    const list = rawKey.endsWith('[]');
    const key = list ? rawKey.slice(0, -2) : rawKey;
    const values = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === 'string');
    // An empty field is an absent one: optional schema fields then stay absent, required ones say so.
    const kept = values.map((v) => v.trim()).filter((v) => v !== '');
    if (kept.length === 0 && !list) continue;
    const value = list || kept.length > 1 ? kept : kept[0];
    const path = key.split('.');
    // Field names are the client's to choose: none may reach an object's prototype.
    if (path.some((part) => part === '__proto__' || part === 'constructor' || part === 'prototype')) continue;
    let node = out;
    for (const part of path.slice(0, -1)) {
      // A name sent both as a value and as a parent (`a=x&a.b=y`): the parent wins, never a crash.
      if (!isPlainObject(node[part])) node[part] = {};
      node = node[part] as Record<string, unknown>;
    }
    const last = path.at(-1)!;
    if (!isPlainObject(node[last])) node[last] = value;
  }
  return out;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export type FieldErrors = Record<string, string>;
export type Validated<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors; values: Record<string, unknown> };

const localeErrors = { 'zh-CN': z.locales.zhCN().localeError, en: z.locales.en().localeError };

/**
 * Checks a form with the very schema the JSON API checks its body with, so a page can never accept
 * what the API refuses; messages come in the page's language, keyed by the field's dotted name.
 */
export function validateForm<S extends z.ZodType>(
  schema: S,
  values: Record<string, unknown>,
  locale: Locale,
): Validated<z.infer<S>> {
  const parsed = schema.safeParse(values, { error: localeErrors[locale] });
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.join('.') || '_form';
    errors[key] ??= issue.message;
  }
  return { ok: false, errors, values };
}

/** A value of the submitted form at a dotted name, to fill the field again after a refusal. */
export function valueAt(values: Record<string, unknown> | undefined, name: string): string | undefined {
  let node: unknown = values;
  for (const part of name.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return typeof node === 'string' ? node : undefined;
}
