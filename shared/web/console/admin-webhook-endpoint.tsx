import type { Context } from 'hono';
import type { Delivery, EndpointView } from '../../webhooks/subscription-schema';
import { CsrfInput, ErrorSummary, SelectField } from '../components/forms';
import { type FieldErrors, valueAt } from '../form-input';
import { commonMessages } from '../i18n/common-messages';
import { formatters, type Locale } from '../i18n/locale';
import type { WebEnv } from '../web-env';
import { ADMIN, AdminLayout, DoneNotice } from './admin-frame';
import { EndpointForm, eventLabel } from './admin-webhook-form';
import { webhookMessages } from './admin-webhook-messages';

export const DONE = ['created', 'updated', 'paused', 'resumed', 'rotated', 'tested', 'replayed', 'deleted'] as const;
export type Done = (typeof DONE)[number];
/** Which of the page's forms a refusal answers: its errors are shown at that form. */
export type RefusedForm = 'edit' | 'delete' | 'replay';

/** One endpoint: its facts, the secret once after creation or rotation, its actions and its delivery log. */
export function EndpointPage(p: {
  c: Context<WebEnv>;
  endpoint: EndpointView;
  deliveries: Delivery[];
  next: string | null;
  done: Done | undefined;
  replayed: number;
  errors?: FieldErrors;
  values?: Record<string, unknown>;
  refused?: RefusedForm;
  secret?: string;
}) {
  const { c, endpoint: e } = p;
  const locale = c.var.frame.locale;
  const t = webhookMessages(locale);
  const common = commonMessages(locale);
  const f = formatters(locale, c.var.tenant.timezone);
  const href = `${ADMIN}/webhooks/${encodeURIComponent(e.id)}`;
  const csrf = c.var.session.csrf;
  const v = p.values ?? {};
  const doneText =
    p.done === 'replayed' && c.req.query('n') !== undefined
      ? t('replayedCount', { n: p.replayed })
      : p.done && p.done !== 'deleted'
        ? t(`done_${p.done}`)
        : undefined;
  const editing = p.refused === 'edit';
  return (
    <AdminLayout c={c} section="webhooks" title={t('endpointTitle', { id: e.id })}>
      <p>
        <a href={`${ADMIN}/webhooks`}>{t('back')}</a>
      </p>
      <DoneNotice text={doneText} />
      {p.secret && (
        <section class="card secret-once" aria-labelledby="secret-title">
          <h2 id="secret-title">{t('secretTitle')}</h2>
          <p>{t('secretHint')}</p>
          <label for="webhook-secret">{t('secretLabel')}</label>
          <input id="webhook-secret" class="secret" readonly value={p.secret} autocomplete="off" spellcheck={false} />
        </section>
      )}
      {p.refused && p.refused !== 'edit' && <ErrorSummary errors={p.errors} locale={locale} />}
      <div class="grid">
        <section class="card" aria-labelledby="endpoint-facts">
          <h2 id="endpoint-facts">{e.url}</h2>
          <dl class="facts">
            <dt>{t('colStatus')}</dt>
            <dd>
              <span class={`badge webhook-${e.status}`}>{t(`status_${e.status}`)}</span>
              {e.disabledReason && ` · ${t(`disabled_${e.disabledReason}`)}`}
            </dd>
            {e.description !== undefined && (
              <>
                <dt>{t('colDescription')}</dt>
                <dd>{e.description}</dd>
              </>
            )}
            <dt>{t('colEvents')}</dt>
            <dd>
              <ul class="event-list">
                {e.events.map((x) => (
                  <li>
                    <code>{x}</code> <span class="muted">{eventLabel(x, locale)}</span>
                  </li>
                ))}
              </ul>
            </dd>
            {e.failingSince && (
              <>
                <dt>{t('factFailingSince')}</dt>
                <dd>
                  <time datetime={e.failingSince}>{f.dateTime(e.failingSince)}</time>
                </dd>
              </>
            )}
            <dt>{t('colCreated')}</dt>
            <dd>
              <time datetime={e.createdAt}>{f.dateTime(e.createdAt)}</time>
            </dd>
            <dt>{t('factUpdated')}</dt>
            <dd>
              <time datetime={e.updatedAt}>{f.dateTime(e.updatedAt)}</time>
            </dd>
          </dl>
        </section>
        <section class="card webhook-actions" aria-labelledby="endpoint-actions">
          <h2 id="endpoint-actions">{t('actionsTitle')}</h2>
          {e.status === 'active' ? (
            <form method="post" action={`${href}/pause`}>
              <CsrfInput token={csrf} />
              <button type="submit" class="secondary">
                {t('pause')}
              </button>
              <p class="hint">{t('pauseHint')}</p>
            </form>
          ) : (
            <form method="post" action={`${href}/resume`}>
              <CsrfInput token={csrf} />
              <button type="submit">{t('resume')}</button>
            </form>
          )}
          <form method="post" action={`${href}/rotate-secret`}>
            <CsrfInput token={csrf} />
            <button type="submit" class="secondary">
              {t('rotate')}
            </button>
            <p class="hint">{t('rotateHint')}</p>
          </form>
          <form method="post" action={`${href}/test`}>
            <CsrfInput token={csrf} />
            <button type="submit" class="secondary">
              {t('test')}
            </button>
          </form>
          <form method="post" action={`${href}/delete`} class="danger-zone">
            <CsrfInput token={csrf} />
            <label class="check" for="f-confirm">
              <input type="checkbox" id="f-confirm" name="confirm" value="yes" />
              {t('deleteConfirm')}
            </label>
            {p.refused === 'delete' && p.errors?.confirm && (
              <p class="field-error" id="f-confirm-error">
                {p.errors.confirm}
              </p>
            )}
            <button type="submit" class="danger">
              {t('delete')}
            </button>
          </form>
        </section>
      </div>

      <section class="card" aria-labelledby="endpoint-edit">
        <h2 id="endpoint-edit">{t('editTitle')}</h2>
        <EndpointForm
          action={`${href}/edit`}
          csrf={csrf}
          locale={locale}
          submit={t('save')}
          errors={editing ? p.errors : undefined}
          url={editing ? valueAt(v, 'url') : e.url}
          description={editing ? valueAt(v, 'description') : e.description}
          events={editing ? (Array.isArray(v.events) ? (v.events as string[]) : []) : e.events}
        />
      </section>

      <section class="card" aria-labelledby="endpoint-log">
        <h2 id="endpoint-log">{t('logTitle')}</h2>
        {p.deliveries.length === 0 ? (
          <p>{t('logNone')}</p>
        ) : (
          <div class="table-scroll">
            <table class="deliveries">
              <thead>
                <tr>
                  <th scope="col">{t('colTime')}</th>
                  <th scope="col">{t('colType')}</th>
                  <th scope="col">{t('colStatus')}</th>
                  <th scope="col">{t('colAttempts')}</th>
                  <th scope="col">{t('colLast')}</th>
                  <th scope="col">{t('colNext')}</th>
                  <th scope="col">{t('colReplay')}</th>
                </tr>
              </thead>
              <tbody>
                {p.deliveries.map((d) => (
                  <DeliveryRow d={d} href={href} csrf={csrf} locale={locale} tz={c.var.tenant.timezone} />
                ))}
              </tbody>
            </table>
          </div>
        )}
        <div class="pager">
          {c.req.query('cursor') !== undefined && <a href={href}>{common('first')}</a>}
          {p.next && <a href={`${href}?cursor=${encodeURIComponent(p.next)}`}>{common('next')}</a>}
        </div>
        <form method="post" action={`${href}/replay`} class="replay-failed">
          <CsrfInput token={csrf} />
          <SelectField
            name="days"
            label={t('replaySince')}
            errors={p.refused === 'replay' ? p.errors : undefined}
            options={(['1', '3', '7', '30'] as const).map((d) => ({ value: d, label: t(`since_${d}`) }))}
            value="1"
          />
          <button type="submit" class="secondary">
            {t('replayFailed')}
          </button>
        </form>
      </section>
    </AdminLayout>
  );
}

function DeliveryRow(p: { d: Delivery; href: string; csrf: string; locale: Locale; tz: string }) {
  const { d, locale } = p;
  const t = webhookMessages(locale);
  const f = formatters(locale, p.tz);
  const last = d.attempts.at(-1);
  return (
    <tr class={d.status === 'failed' || d.status === 'exhausted' ? 'delivery-failed' : undefined}>
      <td>
        <time datetime={d.occurredAt}>{f.dateTime(d.occurredAt)}</time>
      </td>
      <td>
        <code>{d.type}</code>
      </td>
      <td>
        <span class={`badge delivery-${d.status}`}>{t(`delivery_${d.status}`)}</span>
      </td>
      <td>{f.number(d.attemptCount)}</td>
      <td>
        {last && (
          <>
            <time datetime={last.at}>{f.dateTime(last.at)}</time>
            <br />
            {last.status !== null
              ? t('httpStatus', { status: last.status, ms: last.latencyMs })
              : t('noResponse', { error: last.error ?? '—', ms: last.latencyMs })}
            {last.body && <pre class="response-excerpt">{last.body}</pre>}
          </>
        )}
      </td>
      <td>{d.nextAttemptAt && <time datetime={d.nextAttemptAt}>{f.dateTime(d.nextAttemptAt)}</time>}</td>
      <td>
        <form method="post" action={`${p.href}/deliveries/replay`}>
          <CsrfInput token={p.csrf} />
          <input type="hidden" name="occurredAt" value={d.occurredAt} />
          <input type="hidden" name="eventId" value={d.eventId} />
          <button
            type="submit"
            class="secondary small"
            aria-label={t('replayOf', { type: d.type, at: f.dateTime(d.occurredAt) })}
          >
            {t('replay')}
          </button>
        </form>
      </td>
    </tr>
  );
}
