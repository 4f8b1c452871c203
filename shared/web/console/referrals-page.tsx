import type { Context, Hono } from 'hono';
import type { Platform } from '../../application/platform';
import { referralInbox, referralOf } from '../../application/referral-inbox';
import { answerReferral } from '../../application/referral-tasks';
import { can } from '../../auth/roles';
import { type Referral, ReferralAnswerSchema, ReferralStatusSchema } from '../../domain/complaint/referral';
import { DomainError, notFound } from '../../domain/errors';
import { openCursor, sealCursor } from '../../http/cursors';
import { authorize } from '../../http/middleware/authorize';
import { Layout } from '../components/layout';
import { type FieldErrors, formToObject, validateForm } from '../form-input';
import { commonMessages } from '../i18n/common-messages';
import { formatters } from '../i18n/locale';
import type { WebEnv } from '../web-env';
import { ReferralAnswerForm } from './referral-answer-form';
import { codeLabel, endedText, levelText, RecordedAnswer, ReferralFacts } from './referral-details';
import { referralMessages } from './referral-messages';
import { TimeLeftBadge, timeLeft } from './referral-time-left';

/** The inbox's tabs: what needs doing first, what ended without an answer after it. */
const STATUSES = ['open', 'answered', 'lapsed', 'waived', 'cancelled'] as const satisfies readonly Referral['status'][];
const PAGE_SIZE = 50;
type C = Context<WebEnv>;

const inboxHref = (status: Referral['status']) =>
  status === 'open' ? '/console/referrals' : `/console/referrals?status=${status}`;
const referralHref = (id: string) => `/console/referrals/${encodeURIComponent(id)}`;

/** The referrals inbox of a partner institution and each referral's page with its answer form. */
export function referralsPage(app: Hono<WebEnv>, p: Platform) {
  const read = authorize(p.directory, 'referral:read');
  const answer = authorize(p.directory, 'referral:answer');

  app.get('/referrals', read, async (c) => {
    const status = ReferralStatusSchema.safeParse(c.req.query('status')).data ?? 'open';
    const cursor = openCursor(c, c.req.query('cursor'));
    const page = await referralInbox(p, c.var.tenant, {
      limit: PAGE_SIZE,
      ...(status !== 'open' && { status }),
      ...(cursor && { cursor }),
    });
    const next = sealCursor(c, page.nextCursor);
    return c.html(<Inbox c={c} now={p.clock.now()} status={status} items={page.items} next={next} />);
  });

  app.get('/referrals/:id', read, async (c) => {
    const referral = await referralOf(p, c.var.tenant, idParam(c));
    return c.html(
      <ReferralPage c={c} now={p.clock.now()} referral={referral} done={c.req.query('done') === 'answered'} />,
    );
  });

  app.post('/referrals/:id/answer', answer, async (c) => {
    const id = idParam(c);
    // Another institution's referral is a 404 before anything about the form is said.
    const before = await referralOf(p, c.var.tenant, id);
    const values = formToObject(await c.req.parseBody({ all: true }));
    const checked = validateForm(ReferralAnswerSchema, values, c.var.frame.locale);
    if (!checked.ok)
      return c.html(
        <ReferralPage c={c} now={p.clock.now()} referral={before} errors={checked.errors} values={values} />,
        400,
      );
    try {
      await answerReferral(p, c.var.tenant, c.var.principal, id, checked.data);
    } catch (e) {
      if (!(e instanceof DomainError) || e.kind !== 'conflict') throw e;
      const after = await referralOf(p, c.var.tenant, id);
      return c.html(<ReferralPage c={c} now={p.clock.now()} referral={after} refused={e} values={values} />, 409);
    }
    return c.redirect(`${referralHref(id)}?done=answered`, 303);
  });
}

/** The API's bound on a referral id; anything longer names no referral. */
function idParam(c: C): string {
  const id = c.req.param('id') ?? '';
  if (id.length === 0 || id.length > 80) throw notFound('referral');
  return id;
}

function Inbox(p: { c: C; now: Date; status: Referral['status']; items: Referral[]; next: string | null }) {
  const { c, status } = p;
  const locale = c.var.frame.locale;
  const t = referralMessages(locale);
  const common = commonMessages(locale);
  return (
    <Layout frame={c.var.frame} session={c.var.session} title={t('inboxTitle')}>
      <p class="hint">{t('inboxIntro')}</p>
      <nav aria-label={t('statusViews')}>
        <ul class="views">
          {STATUSES.map((s) => (
            <li>
              <a href={inboxHref(s)} aria-current={s === status ? 'true' : undefined}>
                {t(`status_${s}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {p.items.length === 0 ? (
        <p class="empty">{status === 'open' ? t('none_open') : t('none_other')}</p>
      ) : (
        <table class="referrals">
          <caption class="visually-hidden">{`${t('inboxTitle')} · ${t(`status_${status}`)}`}</caption>
          <thead>
            <tr>
              <th scope="col">{t('colReference')}</th>
              <th scope="col">{t('colFrom')}</th>
              <th scope="col">{t('colSubject')}</th>
              <th scope="col">{t('colDeadline')}</th>
              {status === 'open' && <th scope="col">{t('colTimeLeft')}</th>}
              <th scope="col">{t('colLevel')}</th>
              <th scope="col">{t('colStatus')}</th>
            </tr>
          </thead>
          <tbody>
            {p.items.map((r) => (
              <InboxRow r={r} c={c} now={p.now} />
            ))}
          </tbody>
        </table>
      )}
      <div class="pager">
        {c.req.query('cursor') !== undefined && <a href={inboxHref(status)}>{common('first')}</a>}
        {p.next && (
          <a href={`${inboxHref(status)}${status === 'open' ? '?' : '&'}cursor=${encodeURIComponent(p.next)}`}>
            {common('next')}
          </a>
        )}
      </div>
    </Layout>
  );
}

function InboxRow({ r, c, now }: { r: Referral; c: C; now: Date }) {
  const locale = c.var.frame.locale;
  const t = referralMessages(locale);
  const tz = c.var.tenant.timezone;
  const f = formatters(locale, tz);
  const overdue = r.status === 'open' && timeLeft(r.deadline, now, tz).overdue;
  return (
    <tr class={overdue ? 'overdue' : undefined}>
      <td>
        <a href={referralHref(r.id)}>{r.complaintReference}</a>
      </td>
      <td>{r.fromTenantName}</td>
      <td>
        {codeLabel('category', r.category, locale)}
        <br />
        <span class="muted">{codeLabel('reason', r.reason, locale)}</span>
      </td>
      <td>
        <time datetime={r.deadline}>{f.dateTime(r.deadline)}</time>
      </td>
      {r.status === 'open' && (
        <td>
          <TimeLeftBadge deadline={r.deadline} now={now} timeZone={tz} locale={locale} />
        </td>
      )}
      <td>{levelText(r.escalationLevel, locale)}</td>
      <td>
        <span class={`badge referral-${r.status}`}>{t(`status_${r.status}`)}</span>
      </td>
    </tr>
  );
}

function ReferralPage(p: {
  c: C;
  now: Date;
  referral: Referral;
  done?: boolean;
  errors?: FieldErrors;
  values?: Record<string, unknown>;
  refused?: DomainError;
}) {
  const { c, referral: r } = p;
  const locale = c.var.frame.locale;
  const t = referralMessages(locale);
  const tz = c.var.tenant.timezone;
  const mayAnswer = can(c.var.principal.roles, 'referral:answer');
  const ended = endedText(r, locale, tz);
  const summary = typeof p.values?.summary === 'string' ? p.values.summary : undefined;
  return (
    <Layout frame={c.var.frame} session={c.var.session} title={t('referralTitle', { reference: r.complaintReference })}>
      <p>
        <a href={inboxHref(r.status)}>{t('backToInbox')}</a>
      </p>
      {p.done && (
        <p class="success" role="status">
          {t('answerSaved')}
        </p>
      )}
      {p.refused && (
        <div class="error-summary" role="alert" tabindex={-1}>
          <h2>{t('refusedTitle')}</h2>
          <p>{refusalText(p.refused, r, locale, tz)}</p>
          {summary && (
            <>
              <h3>{t('yourText')}</h3>
              <p class="referral-summary">{summary}</p>
            </>
          )}
        </div>
      )}
      <div class="grid">
        <section class="card" aria-labelledby="referral-facts">
          <h2 id="referral-facts">{t('factsTitle')}</h2>
          <ReferralFacts referral={r} now={p.now} timeZone={tz} locale={locale} />
          <p class="hint">{t('noPersonalData')}</p>
        </section>
        <section class="card" aria-labelledby="referral-answer">
          <h2 id="referral-answer">{t('answerTitle')}</h2>
          {r.answer && <RecordedAnswer answer={r.answer} locale={locale} timeZone={tz} />}
          {ended && <p class="notice">{ended}</p>}
          {r.status === 'open' &&
            (mayAnswer ? (
              <ReferralAnswerForm
                action={`${referralHref(r.id)}/answer`}
                csrf={c.var.session.csrf}
                locale={locale}
                errors={p.errors}
                values={p.values}
              />
            ) : (
              <p class="notice">{t('noAnswerRole')}</p>
            ))}
        </section>
      </div>
    </Layout>
  );
}

/** The 409 said plainly: why this answer came too late, or that someone else was first. */
function refusalText(e: DomainError, r: Referral, locale: 'zh-CN' | 'en', tz: string): string {
  const t = referralMessages(locale);
  if (e.code === 'referral_lapsed' || e.code === 'referral_waived')
    return t('refusedLate', { why: endedText(r, locale, tz) ?? e.message });
  if (e.code === 'wrong_step') return t('refusedAnswered', { status: t(`status_${r.status}`) });
  return t('refusedChanged');
}
