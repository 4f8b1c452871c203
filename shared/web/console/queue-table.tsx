import type { QueueEntry, QueuePage } from '../../application/work-queue';
import { DUE_SOON_DAYS } from '../../application/work-queue';
import { type InstitutionKind, labelOf } from '../../domain/taxonomy';
import { commonMessages } from '../i18n/common-messages';
import { REFERRAL_STATUS_LABELS, STATUS_LABELS } from '../i18n/lifecycle-labels';
import { formatters, type Locale } from '../i18n/locale';
import { queueMessages } from './queue-messages';
import { timeLeft, timeLeftText } from './queue-time';

export type QueueTableProps = {
  page: QueuePage;
  locale: Locale;
  kind: InstitutionKind;
  timezone: string;
  unitName: (id: string) => string;
  complaintHref: (id: string) => string;
  limit: number;
  nextHref: string | undefined;
  firstHref: string | undefined;
};

const DAY_MS = 86_400_000;

/**
 * The queue's table with its pager: the whole page renders it, and the page's 30-second refresh
 * fetches it alone. Holds nothing personal of any complainant (no name, number or description).
 */
export function QueueResults(p: QueueTableProps) {
  const t = queueMessages(p.locale);
  const c = commonMessages(p.locale);
  const f = formatters(p.locale, p.timezone);
  return (
    <>
      <p class="muted queue-updated">{t('updatedAt', { time: f.dateTime(p.page.now) })}</p>
      {p.page.items.length === 0 ? (
        !p.nextHref && <p class="queue-empty">{t('empty')}</p>
      ) : (
        <section class="table-scroll" tabindex={0} aria-label={t('tableRegion')}>
          <table class="queue">
            <caption class="visually-hidden">{t('caption')}</caption>
            <thead>
              <tr>
                {(
                  [
                    'reference',
                    'timeLeft',
                    'status',
                    'escalation',
                    'partners',
                    'category',
                    'channel',
                    'unit',
                    'handler',
                    'received',
                  ] as const
                ).map((col) => (
                  <th scope="col">{t(`col.${col}`)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {p.page.items.map((e) => (
                <QueueRow entry={e} f={f} {...p} />
              ))}
            </tbody>
          </table>
        </section>
      )}
      {(p.nextHref || p.firstHref) && (
        <nav class="pager" aria-label={t('pager')}>
          {p.firstHref && <a href={p.firstHref}>{c('first')}</a>}
          {p.nextHref && (
            <a href={p.nextHref} rel="next">
              {c('next')}
            </a>
          )}
        </nav>
      )}
      {p.nextHref && p.page.items.length < p.limit && <p class="muted">{t('morePossible')}</p>}
    </>
  );
}

/** `f`: the page's formatters, built once (an Intl formatter costs far more to make than to use). */
function QueueRow({ entry: e, f, ...p }: QueueTableProps & { entry: QueueEntry; f: ReturnType<typeof formatters> }) {
  const t = queueMessages(p.locale);
  const now = p.page.now;
  const d = e.deadline;
  const soon = d.duty && !e.overdue && Date.parse(d.at) - Date.parse(now) < DUE_SOON_DAYS * DAY_MS;
  return (
    <tr class={e.overdue ? 'overdue' : undefined} data-complaint={e.id}>
      <td>
        <a href={p.complaintHref(e.id)}>{e.reference}</a>
        {e.repeatOf && (
          <>
            {' '}
            <span class="badge repeat">{t('repeat')}</span>
          </>
        )}
      </td>
      <td class="time-left">
        {d.duty ? (
          <>
            <strong class={e.overdue ? 'overdue' : soon ? 'due-soon' : undefined}>
              {timeLeftText(timeLeft(d.at, now), p.locale)}
            </strong>
            <br />
            <span class="muted">
              {t(`deadline.${d.kind}`)} <time datetime={d.at}>{f.dateTime(d.at)}</time>
              {e.provisional && t('provisional')}
            </span>
          </>
        ) : (
          <span class="muted">
            {t(`deadline.${d.kind}`)}
            {d.kind === 'review_window' && d.at && (
              <>
                {' '}
                <time datetime={d.at}>{t('reviewWindowUntil', { date: f.date(d.at) })}</time>
              </>
            )}
          </span>
        )}
        {e.acknowledgeBy && (
          <>
            <br />
            <span class="muted">
              {t('acknowledgeBy', { left: timeLeftText(timeLeft(e.acknowledgeBy, now), p.locale) })}
            </span>
          </>
        )}
      </td>
      <td>{STATUS_LABELS[e.status][p.locale]}</td>
      <td>{e.escalationLevel > 0 ? t('escalationLevel', { n: e.escalationLevel }) : t('noEscalation')}</td>
      <td>
        {e.partners.length === 0
          ? '—'
          : e.partners.map((x) => (
              <div class={x.status === 'open' ? 'partner open' : 'partner'}>
                {x.name ?? x.tenantId}: {REFERRAL_STATUS_LABELS[x.status][p.locale]}
              </div>
            ))}
      </td>
      <td>
        {labelOf(p.kind, 'category', e.category, p.locale) ?? e.category}
        <br />
        <span class="muted">{labelOf(p.kind, 'reason', e.reason, p.locale) ?? e.reason}</span>
      </td>
      <td>{labelOf(p.kind, 'channel', e.channel, p.locale) ?? e.channel}</td>
      <td>{e.unitId ? p.unitName(e.unitId) : '—'}</td>
      <td>{e.assignee ?? <span class="muted">{t('unassigned')}</span>}</td>
      <td>
        <time datetime={e.receivedAt}>{f.dateTime(e.receivedAt)}</time>
      </td>
    </tr>
  );
}
