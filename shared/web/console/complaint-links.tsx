import type { ComplaintDossier, RelatedComplaint } from '../../application/complaint-dossier';
import { formatters } from '../i18n/locale';
import {
  complaintMessages,
  labelOf,
  POSITION_LABELS,
  REFERRAL_STATUS_LABELS,
  STATUS_LABELS,
} from './complaint-messages';
import type { PageContext } from './complaint-record';

/** Each partner asked to help, its deadline, and its answer or how the wait for it ended. */
export function Referrals({ d, ctx }: { d: ComplaintDossier; ctx: PageContext }) {
  const t = complaintMessages(ctx.locale);
  const f = formatters(ctx.locale, ctx.timezone);
  if (d.record.referrals.length === 0) return <p class="muted">{t('noReferrals')}</p>;
  return (
    <table class="referrals">
      <caption class="visually-hidden">{t('referrals')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('partner')}</th>
          <th scope="col">{t('status')}</th>
          <th scope="col">{t('due')}</th>
          <th scope="col">{t('answer')}</th>
        </tr>
      </thead>
      <tbody>
        {d.record.referrals.map((x) => (
          <tr>
            <th scope="row">{d.partnerNames[x.partnerTenantId] ?? x.partnerTenantId}</th>
            <td>
              {labelOf(REFERRAL_STATUS_LABELS, x.status, ctx.locale)}
              {x.escalationLevel > 0 && ` · ${t('levelN', { level: x.escalationLevel })}`}
            </td>
            <td>{x.deadline ? f.dateTime(x.deadline) : '—'}</td>
            <td>
              {x.answeredAt && (
                <>
                  {`${x.position ? labelOf(POSITION_LABELS, x.position, ctx.locale) : ''} · ${t('answeredAt')} ${f.dateTime(x.answeredAt)}`}
                  {x.summary && (
                    <>
                      <br />
                      <span class="prewrap">{x.summary}</span>
                    </>
                  )}
                </>
              )}
              {x.endedAt &&
                t('endedReason', { at: f.dateTime(x.endedAt), by: x.endedBy ?? '—', reason: x.reason ?? '—' })}
              {!x.answeredAt && !x.endedAt && '—'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const Item = ({ c, ctx }: { c: RelatedComplaint; ctx: PageContext }) => (
  <li>
    <a href={`${ctx.prefix}/complaints/${c.id}`}>{c.reference}</a>
    {` · ${labelOf(STATUS_LABELS, c.status, ctx.locale)} · ${formatters(ctx.locale, ctx.timezone).dateTime(c.receivedAt)}`}
  </li>
);

/** The repeat link intake made, both ways: the earlier complaint this repeats, and the later ones repeating it. */
export function RelatedComplaints({ d, ctx }: { d: ComplaintDossier; ctx: PageContext }) {
  const t = complaintMessages(ctx.locale);
  if (!d.repeatOf && d.repeatedBy.length === 0) return <p class="muted">{t('noRelated')}</p>;
  return (
    <dl class="facts related">
      {d.repeatOf && (
        <>
          <dt>{t('repeatOf')}</dt>
          <dd>
            {'missing' in d.repeatOf ? (
              `${d.repeatOf.id} ${t('missing')}`
            ) : (
              <ul class="plain">
                <Item c={d.repeatOf} ctx={ctx} />
              </ul>
            )}
          </dd>
        </>
      )}
      {d.repeatedBy.length > 0 && (
        <>
          <dt>{t('repeatedBy')}</dt>
          <dd>
            <ul class="plain">
              {d.repeatedBy.map((c) => (
                <Item c={c} ctx={ctx} />
              ))}
            </ul>
          </dd>
        </>
      )}
    </dl>
  );
}
