import { WEBHOOK_EVENTS, type WebhookEventType } from '../../webhooks/catalogue';
import { CsrfInput, ErrorSummary, fieldId, TextField } from '../components/forms';
import type { FieldErrors } from '../form-input';
import type { Locale } from '../i18n/locale';
import { EVENT_LABELS_ZH, webhookMessages } from './admin-webhook-messages';

export const EVENT_TYPES = Object.keys(WEBHOOK_EVENTS) as WebhookEventType[];

export const eventLabel = (type: WebhookEventType, locale: Locale) =>
  (locale === 'zh-CN' ? EVENT_LABELS_ZH[type] : undefined) ?? WEBHOOK_EVENTS[type];

/** An endpoint's URL, description and events: the create and the edit form, with the API's schema. */
export function EndpointForm(p: {
  action: string;
  csrf: string;
  locale: Locale;
  submit: string;
  errors?: FieldErrors | undefined;
  url?: string | undefined;
  description?: string | undefined;
  events: readonly string[];
  /** The create form's own key: a double submit registers one endpoint. */
  idempotencyKey?: string;
}) {
  const t = webhookMessages(p.locale);
  const labels = { url: t('url'), description: t('description'), events: t('events') };
  const eventsError = Object.entries(p.errors ?? {}).find(([k]) => k === 'events' || k.startsWith('events.'))?.[1];
  const errors = eventsError ? { ...p.errors, events: eventsError } : p.errors;
  const id = `f-${fieldId('events')}`;
  return (
    <form method="post" action={p.action} novalidate>
      <ErrorSummary errors={errors} locale={p.locale} labels={labels} />
      <CsrfInput token={p.csrf} />
      {p.idempotencyKey && <input type="hidden" name="_idempotencyKey" value={p.idempotencyKey} />}
      <TextField name="url" label={labels.url} hint={t('urlHint')} type="url" errors={errors} value={p.url} required />
      <TextField name="description" label={labels.description} errors={errors} value={p.description} />
      {/* An empty list still reaches the schema as a list, so "choose at least one" is what it says. */}
      <input type="hidden" name="events[]" value="" />
      <fieldset
        id={id}
        tabindex={-1}
        class={eventsError ? 'events has-error' : 'events'}
        aria-describedby={eventsError ? `${id}-error` : undefined}
      >
        <legend>{labels.events}</legend>
        {eventsError && (
          <p class="field-error" id={`${id}-error`}>
            {eventsError}
          </p>
        )}
        {EVENT_TYPES.map((type) => (
          <label class="check">
            <input type="checkbox" name="events[]" value={type} checked={p.events.includes(type)} />
            <span>
              <code>{type}</code> <span class="muted">{eventLabel(type, p.locale)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <button type="submit">{p.submit}</button>
    </form>
  );
}
