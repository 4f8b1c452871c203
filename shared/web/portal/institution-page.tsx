import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { regulatorComplaints, supervised } from '../../application/complaint-queries';
import type { Platform } from '../../application/platform';
import { institutionKpis } from '../../application/regulator-kpis';
import { localDayRange } from '../../domain/calendars/time-zone';
import { ComplaintStatusSchema } from '../../domain/complaint/status';
import type { InstitutionKind } from '../../domain/institution-kind';
import { PeriodSchema } from '../../domain/kpi/period';
import { ChannelSchema, taxonomyFor } from '../../domain/taxonomy';
import { authorize } from '../../http/middleware/authorize';
import type { ListFilter } from '../../store/complaints-repo';
import { SelectField, TextField } from '../components/forms';
import { Layout } from '../components/layout';
import { commonMessages } from '../i18n/common-messages';
import { formatters, type Locale } from '../i18n/locale';
import type { WebEnv } from '../web-env';
import { InstitutionFigures } from './institution-figures';
import { PeriodPicker } from './period-picker';
import { codeLabel, STATUSES, statusLabel } from './portal-labels';
import { institutionMessages } from './portal-messages';
import { pageQuery, periodChoices } from './portal-query';

const day = z.iso.date().optional();
const Query = z.object({
  period: PeriodSchema.optional(),
  view: z.enum(['open', 'overdue']).default('open'),
  status: z.union([ComplaintStatusSchema, z.literal('')]).optional(),
  category: z.string().max(40).optional(),
  reason: z.string().max(40).optional(),
  channel: z.union([ChannelSchema, z.literal('')]).optional(),
  receivedFrom: z.union([day, z.literal('')]),
  receivedTo: z.union([day, z.literal('')]),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,2048}$/)
    .optional(),
});
type Query = z.infer<typeof Query>;

/** Parameters that define the listing (what a cursor is bound to), in a fixed order. */
const FILTERS = ['view', 'status', 'category', 'reason', 'channel', 'receivedFrom', 'receivedTo'] as const;

const filterValues = (q: Query) => ({
  ...(Object.fromEntries(FILTERS.flatMap((k) => (q[k] ? [[k, String(q[k])]] : []))) as Record<string, string>),
  ...(q.limit !== 25 && { limit: String(q.limit) }),
});

/** The regulator's complaints query for the page's filters: the open index, or one status. */
function listFilter(q: Query, timeZone: string, cursor: string | undefined): ListFilter {
  return {
    limit: q.limit,
    ...(q.status && { status: q.status }),
    ...(q.view === 'overdue' && { overdue: true }),
    ...(q.category && { category: q.category }),
    ...(q.reason && { reason: q.reason }),
    ...(q.channel && { channel: q.channel }),
    // Whole days in the institution's time zone, the last one included, as on the console.
    ...localDayRange(q.receivedFrom || undefined, q.receivedTo || undefined, timeZone),
    ...(cursor && { cursor }),
  };
}

const scopeOf = (tenantId: string, q: Query) => JSON.stringify(['portal-institution', tenantId, filterValues(q)]);

function Filters({
  q,
  kind,
  locale,
  tenantId,
  period,
}: {
  q: Query;
  kind: InstitutionKind;
  locale: Locale;
  tenantId: string;
  period: string;
}) {
  const t = institutionMessages(locale);
  const tax = taxonomyFor(kind);
  return (
    <form
      method="get"
      action={`/portal/institutions/${encodeURIComponent(tenantId)}`}
      class="filters"
      aria-label={commonMessages(locale)('filter')}
    >
      <input type="hidden" name="period" value={period} />
      <SelectField
        name="view"
        label={t('view')}
        value={q.view}
        options={[
          { value: 'open', label: t('view_open') },
          { value: 'overdue', label: t('view_overdue') },
        ]}
      />
      <SelectField
        name="status"
        label={t('status')}
        value={q.status ?? ''}
        blank={t('view_open')}
        options={STATUSES.map((s) => ({ value: s, label: statusLabel(s, locale) }))}
      />
      <SelectField
        name="category"
        label={t('category')}
        value={q.category ?? ''}
        blank={t('anyCategory')}
        options={tax.categories.map((x) => ({ value: x.code, label: x.label[locale] }))}
      />
      <SelectField
        name="reason"
        label={t('reason')}
        value={q.reason ?? ''}
        blank={t('anyReason')}
        options={tax.reasons.map((x) => ({ value: x.code, label: x.label[locale] }))}
      />
      <SelectField
        name="channel"
        label={t('channel')}
        value={q.channel ?? ''}
        blank={t('anyChannel')}
        options={tax.channels.map((x) => ({ value: x.code, label: x.label[locale] }))}
      />
      <TextField name="receivedFrom" type="date" label={t('receivedFrom')} value={q.receivedFrom ?? ''} />
      <TextField name="receivedTo" type="date" label={t('receivedTo')} value={q.receivedTo ?? ''} />
      <button type="submit">{commonMessages(locale)('filter')}</button>
    </form>
  );
}

/** `GET /portal/institutions/:tenantId`: its figures and its open (or overdue) complaints, page by page. */
export function institutionPage(app: Hono<WebEnv>, p: Platform) {
  app.get('/institutions/:tenantId', authorize<WebEnv>(p.directory, 'regulator:read'), async (c: Context<WebEnv>) => {
    const q = pageQuery(Query, c.req.query());
    const tenant = await supervised(p, c.req.param('tenantId') ?? '');
    const choices = periodChoices(p);
    const period = q.period ?? choices.current;
    const locale = c.var.frame.locale;
    const t = institutionMessages(locale);
    const common = commonMessages(locale);
    const f = formatters(locale, tenant.timezone);
    const scope = scopeOf(tenant.id, q);
    const [figures, page] = await Promise.all([
      institutionKpis(p, tenant, period),
      regulatorComplaints(p, tenant.id, listFilter(q, tenant.timezone, c.var.cursors.open(q.cursor, scope))),
    ]);
    const next = c.var.cursors.seal(page.nextCursor, scope);
    const base = `/portal/institutions/${encodeURIComponent(tenant.id)}`;
    const listing = new URLSearchParams({ period, ...filterValues(q) });
    return c.html(
      <Layout frame={c.var.frame} session={c.var.session} title={tenant.name}>
        <PeriodPicker action={base} period={period} choices={choices} keep={filterValues(q)} locale={locale} />
        <InstitutionFigures figures={figures} locale={locale} />
        <section aria-labelledby="complaints-title">
          <h2 id="complaints-title">{t('complaintsTitle')}</h2>
          <Filters q={q} kind={tenant.kind} locale={locale} tenantId={tenant.id} period={period} />
          {page.items.length === 0 ? (
            <p>{t('noComplaints')}</p>
          ) : (
            <table class="complaints">
              <thead>
                <tr>
                  <th scope="col">{t('reference')}</th>
                  <th scope="col">{t('status')}</th>
                  <th scope="col">{t('receivedAt')}</th>
                  <th scope="col">{t('category')}</th>
                  <th scope="col">{t('channel')}</th>
                  <th scope="col">{t('decisionDue')}</th>
                  <th scope="col">{t('escalationLevel')}</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((r) => (
                  <tr class={r.overdue ? 'overdue' : undefined} data-complaint={r.id}>
                    <th scope="row">
                      <a href={`${base}/complaints/${encodeURIComponent(r.id)}`}>{r.reference}</a>
                    </th>
                    <td>
                      {statusLabel(r.status, locale)}
                      {r.overdue && <span class="badge overdue">{` ${t('overdue')}`}</span>}
                    </td>
                    <td>{f.dateTime(r.receivedAt)}</td>
                    <td>{codeLabel(tenant.kind, 'category', r.category, locale)}</td>
                    <td>{codeLabel(tenant.kind, 'channel', r.channel, locale)}</td>
                    <td>{f.dateTime(r.deadlines.decision)}</td>
                    <td>{String(r.escalationLevel)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <nav class="pager" aria-label={t('complaintsTitle')}>
            {q.cursor && <a href={`${base}?${listing}`}>{common('first')}</a>}
            {next && (
              <a href={`${base}?${new URLSearchParams({ period, ...filterValues(q), cursor: next })}`} rel="next">
                {common('next')}
              </a>
            )}
          </nav>
        </section>
      </Layout>,
    );
  });
}
