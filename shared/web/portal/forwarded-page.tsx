import type { Context, Hono } from 'hono';
import { z } from 'zod';
import type { Platform } from '../../application/platform';
import { forwardedComplaints } from '../../application/regulator-forwarded';
import { RegulatorReferenceSchema } from '../../domain/complaint/intake-schema';
import { authorize } from '../../http/middleware/authorize';
import { TextField } from '../components/forms';
import { Layout } from '../components/layout';
import { formatters } from '../i18n/locale';
import type { WebEnv } from '../web-env';
import { statusLabel } from './portal-labels';
import { forwardedMessages, institutionMessages, portalNavMessages } from './portal-messages';

const SHOWN = 200;
const Query = z.object({ reference: z.string().max(200).optional() });

/** `GET /portal/forwarded`: what the regulator forwarded (转办) and each institution's report back. */
export function forwardedPage(app: Hono<WebEnv>, p: Platform) {
  app.get('/forwarded', authorize<WebEnv>(p.directory, 'regulator:read'), async (c: Context<WebEnv>) => {
    const locale = c.var.frame.locale;
    const t = forwardedMessages(locale);
    const ti = institutionMessages(locale);
    const f = formatters(locale);
    const raw = Query.safeParse(c.req.query()).data?.reference?.trim() ?? '';
    const parsed = raw ? RegulatorReferenceSchema.safeParse(raw) : undefined;
    const reference = parsed?.success ? parsed.data : undefined;
    const error = parsed && !parsed.success ? { reference: t('badReference') } : undefined;
    const items = error ? [] : await forwardedComplaints(p, reference ? { reference } : {});
    const date = (iso: string | null | undefined) => (iso ? f.dateTime(iso) : '—');
    return c.html(
      <Layout frame={c.var.frame} session={c.var.session} title={portalNavMessages(locale)('forwarded')}>
        <p>{t('intro')}</p>
        <form method="get" action="/portal/forwarded" class="filters">
          <TextField name="reference" label={t('findByReference')} value={raw} errors={error} />
          <button type="submit">{t('find')}</button>
          {raw && (
            <a href="/portal/forwarded" class="button secondary">
              {t('showAll')}
            </a>
          )}
        </form>
        {items.length === 0 ? (
          <p>{reference ? t('noneForReference', { reference }) : error ? '' : t('none')}</p>
        ) : (
          <section class="table-scroll" aria-label={portalNavMessages(locale)('forwarded')} tabindex={0}>
            <table class="forwarded">
              <thead>
                <tr>
                  <th scope="col">{t('regulatorReference')}</th>
                  <th scope="col">{t('institution')}</th>
                  <th scope="col">{t('reference')}</th>
                  <th scope="col">{t('status')}</th>
                  <th scope="col">{t('receivedAt')}</th>
                  <th scope="col">{t('decisionDue')}</th>
                  <th scope="col">{t('decidedAt')}</th>
                  <th scope="col">{t('feedbackAt')}</th>
                  <th scope="col">{t('closedAt')}</th>
                </tr>
              </thead>
              <tbody>
                {items.slice(0, SHOWN).map((x) => (
                  <tr class={x.overdue ? 'overdue' : undefined} data-forwarded={x.regulatorReference}>
                    <th scope="row">{x.regulatorReference}</th>
                    <td>{x.institution}</td>
                    <td>
                      <a
                        href={`/portal/institutions/${encodeURIComponent(x.tenantId)}/complaints/${encodeURIComponent(x.complaintId)}`}
                      >
                        {x.reference}
                      </a>
                    </td>
                    <td>
                      {statusLabel(x.status, locale)}
                      {x.overdue && <span class="badge overdue">{` ${ti('overdue')}`}</span>}
                    </td>
                    <td>{date(x.receivedAt)}</td>
                    <td>{date(x.deadlines.decision)}</td>
                    <td>
                      {x.decision
                        ? `${date(x.decision.decidedAt)} · ${x.decision.onTime ? t('onTime') : t('late')}`
                        : '—'}
                    </td>
                    <td>
                      {x.feedback
                        ? `${date(x.feedback.deliveredAt)} · ${x.feedback.onTime ? t('onTime') : t('late')}`
                        : '—'}
                    </td>
                    <td>{date(x.closedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
      </Layout>,
    );
  });
}
