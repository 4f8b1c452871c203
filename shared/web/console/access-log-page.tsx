import type { Hono } from 'hono';
import { accessLog } from '../../application/pii-access';
import type { Platform } from '../../application/platform';
import { invalid } from '../../domain/errors';
import { openCursor, sealCursor } from '../../http/cursors';
import { authorize } from '../../http/middleware/authorize';
import { Layout } from '../components/layout';
import { commonMessages } from '../i18n/common-messages';
import { formatters } from '../i18n/locale';
import type { WebEnv } from '../web-env';
import { accessLogMessages, complaintMessages } from './complaint-messages';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const PAGE_SIZE = 50;

/**
 * `/admin/access-log`: who revealed which complaint's personal data, and which fields, newest first;
 * for the institution's administrator only. The log itself holds no personal data.
 */
export function accessLogPage(app: Hono<WebEnv>, p: Platform) {
  app.get('/admin/access-log', authorize(p.directory, 'access-log:read'), async (c) => {
    const { frame, session, tenant } = c.var;
    const t = accessLogMessages(frame.locale);
    const words = complaintMessages(frame.locale);
    const common = commonMessages(frame.locale);
    const f = formatters(frame.locale, tenant.timezone);
    const month = c.req.query('month') || undefined;
    if (month !== undefined && !MONTH.test(month)) throw invalid('invalid_month', 'month: expected yyyy-mm');
    // Cursors sealed as the API seals them (route, tenant, filters): a page's variables are the API's and more.
    const cursor = openCursor(c, c.req.query('cursor') || undefined);
    const page = await accessLog(p, tenant, { limit: PAGE_SIZE, ...(month && { month }), ...(cursor && { cursor }) });
    const next = sealCursor(c, page.nextCursor);
    const query = (o: Record<string, string | undefined>) => {
      const q = new URLSearchParams(Object.entries(o).filter((e): e is [string, string] => e[1] !== undefined));
      const s = q.toString();
      return `${frame.prefix}/admin/access-log${s ? `?${s}` : ''}`;
    };
    return c.html(
      <Layout frame={frame} session={session} title={t('title')}>
        <p>{t('intro')}</p>
        <form method="get" action={`${frame.prefix}/admin/access-log`} class="filters">
          <div class="field">
            <label for="f-month">{t('month')}</label>
            <input type="month" id="f-month" name="month" value={month ?? ''} />
          </div>
          <button type="submit">{common('filter')}</button>
          {month && (
            <a class="button secondary" href={query({})}>
              {t('allMonths')}
            </a>
          )}
        </form>
        {page.items.length === 0 ? (
          <p class="muted">{t('empty')}</p>
        ) : (
          <table class="access-log">
            <caption class="visually-hidden">{t('caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('at')}</th>
                <th scope="col">{t('who')}</th>
                <th scope="col">{t('complaint')}</th>
                <th scope="col">{t('fields')}</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((e) => (
                <tr>
                  <td>
                    <time datetime={e.at}>{f.dateTime(e.at)}</time>
                  </td>
                  <td>{e.sub}</td>
                  <td>
                    <a href={`${frame.prefix}/complaints/${e.complaintId}`}>{e.reference}</a>
                  </td>
                  <td>{e.fields.map((field) => words(field)).join('、')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <nav class="pager" aria-label={t('title')}>
          {cursor && <a href={query({ month })}>{common('first')}</a>}
          {next && (
            <a href={query({ month, cursor: next })} rel="next">
              {common('next')}
            </a>
          )}
        </nav>
      </Layout>,
    );
  });
}
