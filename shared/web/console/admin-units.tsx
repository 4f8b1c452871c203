import type { Context, Hono } from 'hono';
import { z } from 'zod';
import type { Platform } from '../../application/platform';
import { replaceUnits, unitHierarchy } from '../../application/unit-hierarchy';
import { DomainError } from '../../domain/errors';
import { type Unit, type UnitTree, UnitTreeSchema } from '../../domain/tenant/units';
import { authorize } from '../../http/middleware/authorize';
import { CsrfInput, ErrorSummary, fieldId } from '../components/forms';
import { type FieldErrors, formToObject, validateForm, valueAt } from '../form-input';
import type { Locale } from '../i18n/locale';
import type { WebEnv } from '../web-env';
import { ADMIN, AdminLayout, DoneNotice } from './admin-frame';
import { adminMessages } from './admin-messages';

const NEW_ROWS = 3;
const VersionSchema = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** One row of the editing table; `known` rows hold a stored unit, whose id stays as it is. */
type Row = { n: number; known: boolean; id?: string; zh?: string; en?: string; parentId?: string; remove: boolean };

/** The unit hierarchy: shown as a tree, edited as a whole through the same use case as `PUT /v1/units`. */
export function adminUnitRoutes(app: Hono<WebEnv>, p: Platform) {
  const write = authorize(p.directory, 'units:write');

  app.get(`/admin/units`, write, async (c) => {
    const stored = await unitHierarchy(p, c.var.tenant);
    const rows = stored.units.map((u, n): Row => ({ n, known: true, ...fromUnit(u), remove: false }));
    return c.html(
      <UnitsPage c={c} tree={stored} rows={rows} version={stored.version} done={c.req.query('done') === 'saved'} />,
    );
  });

  app.post(`/admin/units`, write, async (c) => {
    const locale = c.var.frame.locale;
    const t = adminMessages(locale);
    const form = formToObject(await c.req.parseBody({ all: true }));
    const rows = rowsOf(form);
    const version = VersionSchema.safeParse(form.version);
    const stored = await unitHierarchy(p, c.var.tenant);
    const refuse = (errors: FieldErrors, status: 400 | 409) =>
      c.html(<UnitsPage c={c} tree={stored} rows={rows} version={version.data ?? 0} errors={errors} />, status);
    if (!version.success) return refuse({ units: t('staleTitle') }, 400);

    const kept = rows.filter((r) => !r.remove && (r.known || r.id || r.zh || r.en || r.parentId));
    const checked = validateForm(UnitTreeSchema, { units: kept.map(toInput) }, locale);
    if (!checked.ok) return refuse(rowErrors(checked.errors, kept), 400);
    try {
      await replaceUnits(p, c.var.tenant, checked.data as UnitTree, version.data);
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      if (e.kind === 'conflict') return refuse({ units: t('staleTitle') }, 409);
      if (e.kind === 'invalid') return refuse({ units: t('unitsInvalid', { message: e.message }) }, 400);
      throw e;
    }
    return c.redirect(`${ADMIN}/units?done=saved`, 303);
  });
}

const fromUnit = (u: Unit) => ({
  id: u.id,
  zh: u.name['zh-CN'],
  en: u.name.en,
  ...(u.parentId !== undefined && { parentId: u.parentId }),
});

const toInput = (r: Row) => ({
  ...(r.id !== undefined && { id: r.id }),
  name: { ...(r.zh !== undefined && { 'zh-CN': r.zh }), ...(r.en !== undefined && { en: r.en }) },
  ...(r.parentId !== undefined && { parentId: r.parentId }),
});

/** The table's rows as submitted, by their row number (`units.<n>.…`, `known.<n>`, `remove.<n>`). */
function rowsOf(form: Record<string, unknown>): Row[] {
  const keys = (name: string) => Object.keys((form[name] ?? {}) as object).filter((k) => /^\d{1,4}$/.test(k));
  const numbers = [...new Set([...keys('units'), ...keys('known')])].map(Number).sort((a, b) => a - b);
  return numbers.map((n) => {
    const at = (field: string) => valueAt(form, `units.${n}.${field}`);
    const [id, zh, en, parentId] = [at('id'), at('name.zh-CN'), at('name.en'), at('parentId')];
    return {
      n,
      known: valueAt(form, `known.${n}`) !== undefined,
      remove: valueAt(form, `remove.${n}`) !== undefined,
      ...(id !== undefined && { id }),
      ...(zh !== undefined && { zh }),
      ...(en !== undefined && { en }),
      ...(parentId !== undefined && { parentId }),
    };
  });
}

/** The schema's `units.<i>` is the i-th unit kept; the page shows it on its own row number. */
function rowErrors(errors: FieldErrors, kept: Row[]): FieldErrors {
  const out: FieldErrors = {};
  for (const [key, message] of Object.entries(errors)) {
    const m = key.match(/^units\.(\d+)\.(.+)$/);
    const row = m ? kept[Number(m[1])] : undefined;
    out[row && m ? `units.${row.n}.${m[2]}` : 'units'] ??= message;
  }
  return out;
}

function UnitsPage(p: {
  c: Context<WebEnv>;
  tree: UnitTree;
  rows: Row[];
  version: number;
  errors?: FieldErrors;
  done?: boolean;
}) {
  const locale = p.c.var.frame.locale;
  const t = adminMessages(locale);
  const next = Math.max(-1, ...p.rows.map((r) => r.n)) + 1;
  const blanks: Row[] = Array.from({ length: NEW_ROWS }, (_, i) => ({ n: next + i, known: false, remove: false }));
  const rows = [...p.rows, ...blanks];
  const parents = [...new Set(p.rows.map((r) => r.id).filter((id): id is string => id !== undefined))];
  const labels = Object.fromEntries(Object.keys(p.errors ?? {}).map((k) => [k, cellLabel(k, rows, locale)] as const));
  return (
    <AdminLayout c={p.c} section="units" title={t('unitsTitle')}>
      <DoneNotice text={p.done ? t('saved') : undefined} />
      <ErrorSummary errors={p.errors} locale={locale} labels={labels} />
      <p class="hint">{t('unitsIntro')}</p>
      <section class="card" aria-labelledby="units-tree">
        <h2 id="units-tree">{`${t('unitsTitle')} · ${t('version', { n: p.version })}`}</h2>
        {p.tree.units.length === 0 ? <p>{t('unitsNone')}</p> : <UnitTreeView units={p.tree.units} locale={locale} />}
      </section>
      <section class="card" aria-labelledby="units-edit">
        <h2 id="units-edit">{t('unitsEdit')}</h2>
        <p class="hint">{t('unitsEditHint')}</p>
        <form method="post" action={`${ADMIN}/units`} novalidate>
          <CsrfInput token={p.c.var.session.csrf} />
          <input type="hidden" name="version" value={String(p.version)} />
          <div class="table-scroll" id="f-units" tabindex={-1}>
            <table class="units-edit">
              <thead>
                <tr>
                  <th scope="col">{t('unitId')}</th>
                  <th scope="col">{t('unitNameZh')}</th>
                  <th scope="col">{t('unitNameEn')}</th>
                  <th scope="col">{t('unitParent')}</th>
                  <th scope="col">{t('unitRemove')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <UnitRow row={r} parents={parents} errors={p.errors} locale={locale} />
                ))}
              </tbody>
            </table>
          </div>
          <button type="submit">{t('saveUnits')}</button>
        </form>
      </section>
    </AdminLayout>
  );
}

function rowName(r: Row, locale: Locale) {
  const t = adminMessages(locale);
  return r.known && r.id ? r.id : t('unitNewRow', { n: r.n + 1 });
}

function cellLabel(key: string, rows: Row[], locale: Locale): string {
  const t = adminMessages(locale);
  const m = key.match(/^units\.(\d+)\.(.+)$/);
  const row = m ? rows.find((r) => r.n === Number(m[1])) : undefined;
  if (!m || !row) return t('unitsTitle');
  const column =
    m[2] === 'id'
      ? t('unitId')
      : m[2] === 'name.zh-CN'
        ? t('unitNameZh')
        : m[2] === 'name.en'
          ? t('unitNameEn')
          : m[2] === 'parentId'
            ? t('unitParent')
            : m[2]!;
  return `${t('unitRow', { n: row.n + 1 })} · ${column}`;
}

function UnitRow(p: { row: Row; parents: string[]; errors: FieldErrors | undefined; locale: Locale }) {
  const t = adminMessages(p.locale);
  const r = p.row;
  const who = rowName(r, p.locale);
  const cell = (field: string, label: string, control: (a: Record<string, string>) => unknown) => {
    const name = `units.${r.n}.${field}`;
    const id = `f-${fieldId(name)}`;
    const error = p.errors?.[name];
    return (
      <td class={error ? 'has-error' : undefined}>
        {control({
          id,
          name,
          'aria-label': `${who} · ${label}`,
          ...(error && { 'aria-invalid': 'true', 'aria-describedby': `${id}-error` }),
        })}
        {error && (
          <p class="field-error" id={`${id}-error`}>
            {error}
          </p>
        )}
      </td>
    );
  };
  return (
    <tr class={r.known ? undefined : 'new-unit'}>
      {cell('id', t('unitId'), (a) => (
        <input {...a} value={r.id ?? ''} readonly={r.known} autocomplete="off" size={14} />
      ))}
      {cell('name.zh-CN', t('unitNameZh'), (a) => (
        <input {...a} value={r.zh ?? ''} autocomplete="off" lang="zh-CN" />
      ))}
      {cell('name.en', t('unitNameEn'), (a) => (
        <input {...a} value={r.en ?? ''} autocomplete="off" lang="en" />
      ))}
      {cell('parentId', t('unitParent'), (a) => (
        <select {...a}>
          <option value="">{t('unitNoParent')}</option>
          {p.parents
            .filter((id) => id !== r.id)
            .map((id) => (
              <option value={id} selected={id === r.parentId}>
                {id}
              </option>
            ))}
        </select>
      ))}
      <td>
        {r.known && <input type="hidden" name={`known.${r.n}`} value="1" />}
        {r.known && (
          <label class="check">
            <input type="checkbox" name={`remove.${r.n}`} value="1" checked={r.remove} />
            <span class="visually-hidden">{`${who} · `}</span>
            {t('unitRemove')}
          </label>
        )}
      </td>
    </tr>
  );
}

/** The hierarchy as nested lists from the head office down. */
function UnitTreeView(p: { units: Unit[]; locale: Locale }) {
  const children = new Map<string | undefined, Unit[]>();
  for (const u of p.units) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u]);
  const branch = (parent: string | undefined, depth: number): unknown => {
    const list = children.get(parent) ?? [];
    if (list.length === 0 || depth > p.units.length) return null;
    return (
      <ul class={depth === 0 ? 'unit-tree' : undefined}>
        {list.map((u) => (
          <li>
            <span class="unit-name">{u.name[p.locale]}</span> <code>{u.id}</code>
            {branch(u.id, depth + 1)}
          </li>
        ))}
      </ul>
    );
  };
  return <>{branch(undefined, 0)}</>;
}
