import type { Hono } from 'hono';
import { z } from 'zod';
import type { Platform } from '../../application/platform';
import { supervisionDashboard } from '../../application/regulator-dashboard';
import { kpisFrom, receivedBy, sumCounters } from '../../domain/kpi/kpi-report';
import { kindOfCode } from '../../domain/kpi/labels';
import { monthsOf, PeriodSchema } from '../../domain/kpi/period';
import { authorize } from '../../http/middleware/authorize';
import { Layout } from '../components/layout';
import { formatters } from '../i18n/locale';
import type { WebEnv } from '../web-env';
import { BarChart, DataTable, HorizontalBars, LineChart } from './charts';
import { DirSchema, SortKeySchema, sortLeague } from './league-sort';
import { LeagueTable } from './league-table';
import { PeriodPicker } from './period-picker';
import { codeLabel } from './portal-labels';
import { dashboardMessages, portalNavMessages } from './portal-messages';
import { pageQuery, periodChoices } from './portal-query';

const Query = z.object({
  period: PeriodSchema.optional(),
  sort: SortKeySchema.default('overdue'),
  dir: DirSchema.default('desc'),
});

const TREND_MONTHS = 12;

/** `GET /portal`: every institution's figures for a period, ranked, and the platform's trends. */
export function dashboardPage(app: Hono<WebEnv>, p: Platform) {
  app.get('/', authorize<WebEnv>(p.directory, 'regulator:read'), async (c) => {
    const q = pageQuery(Query, c.req.query());
    const choices = periodChoices(p);
    const period = q.period ?? choices.current;
    const locale = c.var.frame.locale;
    const t = dashboardMessages(locale);
    const f = formatters(locale);
    const { league: rows, months } = await supervisionDashboard(p, period, TREND_MONTHS);
    const inPeriod = sumCounters(months.filter((m) => monthsOf(period).includes(m.month)).map((m) => m.totals));
    const window = months.map((m) => m.month);
    const byCategory = Object.entries(receivedBy(inPeriod, 'category')).sort(
      (a, b) => b[1] - a[1] || a[0].localeCompare(b[0]),
    );
    const totalInPeriod = kpisFrom(inPeriod).received;
    const volume = months.map((m) => ({ label: m.month.slice(2), month: m.month, value: kpisFrom(m.totals).received }));
    const overdue = months.map((m) => ({
      label: m.month.slice(2),
      month: m.month,
      value: kpisFrom(m.totals).becameOverdue,
    }));
    const overdueNow = rows.reduce((sum, r) => sum + r.gauges.overdueNow, 0);
    const categories = byCategory.map(([code, n]) => ({
      code,
      label: codeLabel(kindOfCode(code), 'category', code, locale),
      value: n,
    }));
    const title = portalNavMessages(locale)('dashboard');
    return c.html(
      <Layout frame={c.var.frame} session={c.var.session} title={title}>
        <PeriodPicker
          action="/portal"
          period={period}
          choices={choices}
          keep={{ sort: q.sort, dir: q.dir }}
          locale={locale}
        />
        <section aria-labelledby="league-title">
          <h2 id="league-title">{t('league', { period })}</h2>
          {rows.length === 0 ? (
            <p>{t('noInstitutions')}</p>
          ) : (
            <LeagueTable
              rows={sortLeague(rows, q.sort, q.dir)}
              period={period}
              sort={q.sort}
              dir={q.dir}
              locale={locale}
            />
          )}
        </section>
        <section aria-labelledby="charts-title">
          <h2 id="charts-title">{t('charts')}</h2>
          <div class="grid charts">
            <figure class="card">
              <figcaption>{t('volumeTitle')}</figcaption>
              <BarChart
                id="chart-volume"
                title={t('volumeTitle')}
                desc={t('volumeDesc', { last: window.at(-1)!, max: Math.max(0, ...volume.map((v) => v.value)) })}
                data={volume}
              />
              <DataTable
                summary={t('dataTable')}
                headers={[t('month'), t('received')]}
                rows={volume.map((v) => [v.month, f.number(v.value)])}
              />
            </figure>
            <figure class="card">
              <figcaption>{t('categoryTitle', { period })}</figcaption>
              {categories.length === 0 ? (
                <p>{t('noneInPeriod')}</p>
              ) : (
                <HorizontalBars
                  id="chart-categories"
                  title={t('categoryTitle', { period })}
                  desc={t('categoryDesc', { period, total: totalInPeriod })}
                  data={categories}
                />
              )}
              <DataTable
                summary={t('dataTable')}
                headers={[t('category'), t('count'), t('share')]}
                rows={categories.map((x) => [
                  `${x.label} (${x.code})`,
                  f.number(x.value),
                  totalInPeriod ? f.percent(x.value / totalInPeriod) : t('noData'),
                ])}
              />
            </figure>
            <figure class="card">
              <figcaption>{t('overdueTitle')}</figcaption>
              <LineChart
                id="chart-overdue"
                title={t('overdueTitle')}
                desc={t('overdueDesc', { last: window.at(-1)!, now: overdueNow })}
                data={overdue}
              />
              <DataTable
                summary={t('dataTable')}
                headers={[t('month'), t('becameOverdue')]}
                rows={overdue.map((v) => [v.month, f.number(v.value)])}
              />
            </figure>
          </div>
        </section>
      </Layout>,
    );
  });
}
