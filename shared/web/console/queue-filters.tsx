import { type QueueView, QueueViewSchema } from '../../application/work-queue';
import { type InstitutionKind, taxonomyFor } from '../../domain/taxonomy';
import type { UnitTree } from '../../domain/tenant/units';
import { type Option, SelectField, TextField } from '../components/forms';
import type { FieldErrors } from '../form-input';
import { commonMessages } from '../i18n/common-messages';
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
  return (
    <form method="get" action={path} class="filters queue-filters" aria-label={t('filters')}>
      <input type="hidden" name="view" value={view} />
      <SelectField
        name="status"
        label={t('f.status')}
        blank={t('any')}
        value={q.status}
        errors={errors}
        options={OPEN_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
      />
      <SelectField
        name="category"
        label={t('f.category')}
        blank={t('any')}
        value={q.category}
        errors={errors}
        options={coded(tax.categories)}
      />
      <SelectField
        name="reason"
        label={t('f.reason')}
        blank={t('any')}
        value={q.reason}
        errors={errors}
        options={coded(tax.reasons)}
      />
      <SelectField
        name="channel"
        label={t('f.channel')}
        blank={t('any')}
        value={q.channel}
        errors={errors}
        options={coded(tax.channels)}
      />
      <SelectField
        name="unit"
        label={t('f.unit')}
        blank={t('any')}
        value={q.unit}
        errors={errors}
        options={unitOptions(units, locale)}
      />
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
