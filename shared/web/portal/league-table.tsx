import type { InstitutionKpis } from '../../application/regulator-kpis';
import { formatters, type Locale } from '../i18n/locale';
import type { Dir, SortKey } from './league-sort';
import { dashboardMessages } from './portal-messages';

type Props = {
  rows: readonly InstitutionKpis[];
  period: string;
  sort: SortKey;
  dir: Dir;
  locale: Locale;
};

/** A GET link that sorts by the column: descending first, the other way when it is sorted already. */
const sortHref = (period: string, key: SortKey, current: SortKey, dir: Dir) =>
  `/portal?period=${period}&sort=${key}&dir=${key === current && dir === 'desc' ? 'asc' : 'desc'}`;

/** The institutions ranked; sorting is plain links, so it works without script. */
export function LeagueTable({ rows, period, sort, dir, locale }: Props) {
  const t = dashboardMessages(locale);
  const f = formatters(locale);
  const dash = t('noData');
  const pct = (n: number | null) => (n === null ? dash : f.percent(n));
  const num = (n: number | null) => (n === null ? dash : f.number(n));
  const Sortable = ({ k, label }: { k: SortKey; label: string }) => (
    <th scope="col" aria-sort={k === sort ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}>
      <a href={sortHref(period, k, sort, dir)} class="sort">
        {label}
        {k === sort && <span aria-hidden="true">{dir === 'asc' ? ' ▲' : ' ▼'}</span>}
      </a>
    </th>
  );
  const label: Record<SortKey, string> = {
    overdue: t('overdueNow'),
    onTime: t('onTimeRate'),
    perCustomer: t('per10kCustomers'),
  };
  return (
    <section class="table-scroll" aria-labelledby="league-caption" tabindex={0}>
      <table class="league" id="league">
        <caption id="league-caption">
          {t('leagueCaption', { period })}{' '}
          <span class="muted">
            {t('sortedBy', { column: label[sort], direction: t(dir === 'asc' ? 'ascending' : 'descending') })}
          </span>
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('institution')}</th>
            <th scope="col">{t('received')}</th>
            <th scope="col">{t('openNow')}</th>
            <Sortable k="overdue" label={label.overdue} />
            <Sortable k="onTime" label={label.onTime} />
            <th scope="col">{t('medianDays')}</th>
            <th scope="col">{t('p90Days')}</th>
            <th scope="col">{t('extensions')}</th>
            <th scope="col">{t('escalations')}</th>
            <th scope="col">{t('repeats')}</th>
            <th scope="col">{t('feedbackBeforeClose')}</th>
            <th scope="col">{t('reviewsChanged')}</th>
            <th scope="col">{t('withdrawn')}</th>
            <th scope="col">{t('declined')}</th>
            <th scope="col">{t('transferred')}</th>
            <Sortable k="perCustomer" label={label.perCustomer} />
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr data-institution={r.id} class={r.gauges.overdueNow > 0 ? 'has-overdue' : undefined}>
              <th scope="row">
                <a href={`/portal/institutions/${encodeURIComponent(r.id)}?period=${period}`}>{r.name}</a>
                <span class="muted">
                  {' '}
                  {t(`kind_${r.kind}`)}
                  {r.status === 'suspended' && ` · ${t('suspended')}`}
                </span>
              </th>
              <td data-col="received">{num(r.kpis.received)}</td>
              <td data-col="openNow">{num(r.gauges.openNow)}</td>
              <td data-col="overdueNow" class={r.gauges.overdueNow > 0 ? 'overdue' : undefined}>
                {num(r.gauges.overdueNow)}
              </td>
              <td data-col="onTimeRate">{pct(r.kpis.decided.onTimeRate)}</td>
              <td data-col="medianDays">{num(r.kpis.daysToDecision.median)}</td>
              <td data-col="p90Days">{num(r.kpis.daysToDecision.p90)}</td>
              <td data-col="extensions">{`${num(r.kpis.extensions.complex)} / ${num(r.kpis.extensions.especiallyComplex)}`}</td>
              <td data-col="escalations">{num(r.kpis.escalations)}</td>
              <td data-col="repeats">{num(r.kpis.repeats)}</td>
              <td data-col="feedbackBeforeClose">{pct(r.kpis.feedbackBeforeClose.rate)}</td>
              <td data-col="reviewsChanged">{`${num(r.kpis.reviews.changedOutcome)} / ${num(r.kpis.reviews.requested)}`}</td>
              <td data-col="withdrawn">{num(r.kpis.withdrawn)}</td>
              <td data-col="declined">{num(r.kpis.declined)}</td>
              <td data-col="transferred">{num(r.kpis.transferred)}</td>
              <td data-col="per10kCustomers">
                {r.per10kCustomers === null ? <span class="muted">{t('notStated')}</span> : num(r.per10kCustomers)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
