import { type QueueView, QueueViewSchema } from '../../application/work-queue';
import { type InstitutionKind, taxonomyFor } from '../../domain/taxonomy';
import type { UnitTree } from '../../domain/tenant/units';
import { type Option, SelectField, TextField } from '../components/forms';
import type { FieldErrors } from '../form-input';
import { commonMessages } from '../i18n/common-messages';
import { STATUS_LABELS } from '../i18n/lifecycle-labels';
import type { Locale } from '../i18n/locale';
import { queueMessages } from './queue-messages';
import { type Defining, OPEN_STATUSES, queueHref } from './queue-query';

/** The views as links, the active one marked; each keeps the filters set. */
export function QueueViews({
  path,
  view: active,
  filters,
  locale,
}: {
  path: string;
  view: QueueView;
  filters: Partial<Defining>;
  locale: Locale;
}) {
  const t = queueMessages(locale);
  return (
    <nav aria-label={t('views')}>
      <ul class="views">
        {QueueViewSchema.options.map((view) => (
          <li>
            <a href={queueHref(path, { ...filters, view })} aria-current={view === active ? 'true' : undefined}>
              {t(`view.${view}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The unit tree depth-first from the head office, each name indented by its depth. */
export function unitOptions(tree: UnitTree | undefined, locale: Locale): Option[] {
  if (!tree) return [];
  const children = new Map<string | undefined, UnitTree['units']>();
  for (const u of tree.units) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u]);
  const out: Option[] = [];
  const walk = (parent: string | undefined, depth: number) => {
    for (const u of children.get(parent) ?? []) {
      out.push({ value: u.id, label: `${'\u3000'.repeat(depth)}${u.name[locale]}` });
      if (depth < tree.units.length) walk(u.id, depth + 1);
    }
  };
  walk(undefined, 0);
  return out;
}

type FilterProps = {
  path: string;
  view: QueueView;
  /** As the user set them: the parsed query, or after a refusal what was sent. */
  values: Record<string, string | undefined>;
  locale: Locale;
  kind: InstitutionKind;
  units: UnitTree | undefined;
  errors: FieldErrors | undefined;
};

/** A GET form: works without script, and its URL is the listing (to bookmark or share with a colleague). */
export function QueueFilters({ path, view, values: q, locale, kind, units, errors }: FilterProps) {
  const t = queueMessages(locale);
  const c = commonMessages(locale);
  const tax = taxonomyFor(kind);
  const coded = (entries: readonly { code: string; label: Record<Locale, string> }[]): Option[] =>
    entries.map((e) => ({ value: e.code, label: e.label[locale] }));
  const pickers: ['status' | 'category' | 'reason' | 'channel' | 'unit', Option[]][] = [
    ['status', OPEN_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s][locale] }))],
    ['category', coded(tax.categories)],
    ['reason', coded(tax.reasons)],
    ['channel', coded(tax.channels)],
    ['unit', unitOptions(units, locale)],
  ];
  return (
    <form method="get" action={path} class="filters queue-filters" aria-label={t('filters')}>
      <input type="hidden" name="view" value={view} />
      {pickers.map(([name, options]) => (
        <SelectField
          name={name}
          label={t(`f.${name}`)}
          blank={t('any')}
          value={q[name]}
          errors={errors}
          options={options}
        />
      ))}
      <TextField name="receivedFrom" type="date" label={t('f.receivedFrom')} value={q.receivedFrom} errors={errors} />
      <TextField name="receivedTo" type="date" label={t('f.receivedTo')} value={q.receivedTo} errors={errors} />
      <div class="filter-actions">
        <button type="submit">{c('filter')}</button>
        <a class="button secondary" href={queueHref(path, { view })}>
          {c('reset')}
        </a>
      </div>
    </form>
  );
}
