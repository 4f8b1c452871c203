import type { InstitutionKpis } from '../../application/regulator-kpis';
import { formatters, type Locale } from '../i18n/locale';
import { dashboardMessages, institutionMessages } from './portal-messages';

/** One institution's figures for the period, the league table's columns as a list, and its ratios. */
export function InstitutionFigures({ figures: r, locale }: { figures: InstitutionKpis; locale: Locale }) {
  const t = dashboardMessages(locale);
  const ti = institutionMessages(locale);
  const f = formatters(locale);
  const dash = t('noData');
  const pct = (n: number | null) => (n === null ? dash : f.percent(n));
  const num = (n: number | null) => (n === null ? dash : f.number(n));
  const k = r.kpis;
  const facts: [string, string, string][] = [
    ['received', t('received'), num(k.received)],
    ['openNow', t('openNow'), num(r.gauges.openNow)],
    ['overdueNow', t('overdueNow'), num(r.gauges.overdueNow)],
    [
      'onTimeRate',
      t('onTimeRate'),
      `${pct(k.decided.onTimeRate)} (${k.decided.onTime} / ${k.decided.onTime + k.decided.late})`,
    ],
    ['medianDays', t('medianDays'), num(k.daysToDecision.median)],
    ['p90Days', t('p90Days'), num(k.daysToDecision.p90)],
    ['extensions', t('extensions'), `${num(k.extensions.complex)} / ${num(k.extensions.especiallyComplex)}`],
    ['escalations', t('escalations'), num(k.escalations)],
    ['repeats', t('repeats'), num(k.repeats)],
    [
      'feedbackBeforeClose',
      t('feedbackBeforeClose'),
      `${pct(k.feedbackBeforeClose.rate)} (${k.feedbackBeforeClose.withFeedback} / ${k.feedbackBeforeClose.closed})`,
    ],
    ['reviewsChanged', t('reviewsChanged'), `${num(k.reviews.changedOutcome)} / ${num(k.reviews.requested)}`],
    ['withdrawn', t('withdrawn'), num(k.withdrawn)],
    ['declined', t('declined'), num(k.declined)],
    ['transferred', t('transferred'), num(k.transferred)],
  ];
  const ratio = (n: number | null) => (n === null ? t('notStated') : num(n));
  return (
    <section class="card" aria-labelledby="figures-title">
      <h2 id="figures-title">{ti('kpisTitle', { period: r.period })}</h2>
      <dl class="facts figures">
        {facts.map(([key, label, value]) => (
          <>
            <dt>{label}</dt>
            <dd data-figure={key}>{value}</dd>
          </>
        ))}
      </dl>
      <h3>
        {ti('ratios')}
        {r.customerBase && <span class="muted">{ti('statedFor', { period: r.customerBase.period })}</span>}
      </h3>
      <dl class="facts">
        <dt>{t('per10kCustomers')}</dt>
        <dd data-figure="per10kCustomers">{ratio(r.per10kCustomers)}</dd>
        <dt>{t('per10kPolicies')}</dt>
        <dd data-figure="per10kPolicies">{ratio(r.per10kPolicies)}</dd>
        <dt>{t('per100mPremium')}</dt>
        <dd data-figure="per100mPremium">{ratio(r.per100mPremium)}</dd>
      </dl>
    </section>
  );
}
