import type { Referral } from '../../domain/complaint/referral';
import { labelOf } from '../../domain/taxonomy';
import { formatters, type Locale } from '../i18n/locale';
import { referralMessages } from './referral-messages';
import { TimeLeftBadge } from './referral-time-left';

/** A taxonomy code's label in the referring institution's own taxonomy (its kind is the code's letter). */
export function codeLabel(axis: 'category' | 'reason', code: string, locale: Locale): string {
  const kind = code.startsWith('I-') ? 'insurer' : 'bank';
  return labelOf(kind, axis, code, locale) ?? code;
}

export const levelText = (level: number, locale: Locale) =>
  level === 0 ? referralMessages(locale)('levelNone') : referralMessages(locale)('level', { n: level });

/** What the partner knows of the complaint and of its own answer; never the complainant's personal data. */
export function ReferralFacts(p: { referral: Referral; now: Date; timeZone: string; locale: Locale }) {
  const { referral: r, locale } = p;
  const t = referralMessages(locale);
  const f = formatters(locale, p.timeZone);
  return (
    <dl class="facts">
      <dt>{t('factFrom')}</dt>
      <dd>{r.fromTenantName}</dd>
      <dt>{t('factReference')}</dt>
      <dd>{r.complaintReference}</dd>
      <dt>{t('factCategory')}</dt>
      <dd>{codeLabel('category', r.category, locale)}</dd>
      <dt>{t('factReason')}</dt>
      <dd>{codeLabel('reason', r.reason, locale)}</dd>
      {r.product !== undefined && (
        <>
          <dt>{t('factProduct')}</dt>
          <dd>{r.product}</dd>
        </>
      )}
      <dt>{t('factRequestedAt')}</dt>
      <dd>
        <time datetime={r.createdAt}>{f.dateTime(r.createdAt)}</time>
      </dd>
      <dt>{t('factDeadline')}</dt>
      <dd>
        <time datetime={r.deadline}>{f.dateTime(r.deadline)}</time>
        {r.status === 'open' && (
          <>
            {' · '}
            <TimeLeftBadge deadline={r.deadline} now={p.now} timeZone={p.timeZone} locale={locale} />
          </>
        )}
      </dd>
      <dt>{t('factStatus')}</dt>
      <dd>
        <span class={`badge referral-${r.status}`}>{t(`status_${r.status}`)}</span>
      </dd>
      <dt>{t('factLevel')}</dt>
      <dd>{levelText(r.escalationLevel, locale)}</dd>
      {r.endedAt !== undefined && (
        <>
          <dt>{t('factEndedAt')}</dt>
          <dd>
            <time datetime={r.endedAt}>{f.dateTime(r.endedAt)}</time>
          </dd>
        </>
      )}
    </dl>
  );
}

/** Why a referral takes no answer any more, in the words the partner's staff need. */
export function endedText(r: Referral, locale: Locale, timeZone: string): string | undefined {
  const t = referralMessages(locale);
  const f = formatters(locale, timeZone);
  const values = {
    from: r.fromTenantName,
    deadline: f.dateTime(r.deadline),
    endedAt: f.dateTime(r.endedAt ?? r.updatedAt),
  };
  if (r.status === 'lapsed') return t('endedLapsed', values);
  if (r.status === 'waived') return t('endedWaived', values);
  if (r.status === 'cancelled') return t('endedCancelled');
  return undefined;
}

export function RecordedAnswer(p: { answer: NonNullable<Referral['answer']>; locale: Locale; timeZone: string }) {
  const t = referralMessages(p.locale);
  const f = formatters(p.locale, p.timeZone);
  const a = p.answer;
  return (
    <dl class="facts">
      <dt>{t('answerPosition')}</dt>
      <dd>{t(`position_${a.position}` as 'position_agrees')}</dd>
      <dt>{t('answerSummary')}</dt>
      <dd class="referral-summary">{a.summary}</dd>
      <dt>{t('answeredAt')}</dt>
      <dd>
        <time datetime={a.answeredAt}>{f.dateTime(a.answeredAt)}</time>{' '}
        <span class={a.onTime ? 'badge ok' : 'badge overdue'}>{a.onTime ? t('onTime') : t('late')}</span>
      </dd>
      <dt>{t('answeredBy')}</dt>
      <dd>{a.answeredBy}</dd>
    </dl>
  );
}
