import type { Context, Hono } from 'hono';
import type { z } from 'zod';
import { getComplaint } from '../../application/complaint-queries';
import {
  addComplaintNote,
  type ContactLogData,
  readContactLog,
  recordComplaintContact,
} from '../../application/contact-log';
import type { Platform } from '../../application/platform';
import { can } from '../../auth/roles';
import type { ComplaintView } from '../../domain/complaint/complaint-schema';
import { FeedbackChannelSchema } from '../../domain/complaint/complaint-schema';
import { ContactDirectionSchema, ContactInputSchema, NoteInputSchema } from '../../domain/complaint/contact-log';
import { DomainError } from '../../domain/errors';
import { authorize } from '../../http/middleware/authorize';
import { CsrfInput, ErrorSummary, SelectField, TextArea, TextField } from '../components/forms';
import { Layout } from '../components/layout';
import { localInputToIso } from '../datetime-local';
import { type FieldErrors, formToObject, validateForm, valueAt } from '../form-input';
import { FORM_KEY, newFormKey, refusalErrors, submittedFormKey } from '../form-submission';
import { formatters, type Locale } from '../i18n/locale';
import type { WebEnv } from '../web-env';
import { contactLogMessages } from './contact-log-messages';

type Form = 'contact' | 'note';

/** A form sent back: which one, what was typed (as typed), why it was refused, and its key. */
export type RefusedForm = { form: Form; values: Record<string, unknown>; errors: FieldErrors; key: string };

export type ContactLogProps = {
  /** A stored record or a view: only its id, reference and last contact are read. */
  record: Pick<ComplaintView, 'id' | 'reference' | 'lastContactAt'>;
  csrf: string;
  /** `readContactLog(p, c.var.tenant, c.var.principal, record.id, { reveal })`. */
  log: ContactLogData;
  locale: Locale;
  /** The institution's zone (`c.var.tenant.timezone`): times are shown and typed in it. */
  timeZone: string;
  /** The user's roles (`c.var.principal.roles`): each form shows only to those who may use it. */
  roles: readonly string[];
  prefix?: string;
  refused?: RefusedForm;
};

/**
 * The contact log and internal notes of a complaint, and the two forms that add to them, for a
 * section of their own (`id="contacts"`, with its h2: the forms come back to `#contacts`). Each form
 * carries a key drawn at render, so a double submit records once.
 */
export function ContactLog(props: ContactLogProps) {
  const { record, log, locale, timeZone, refused } = props;
  const t = contactLogMessages(locale);
  const f = formatters(locale, timeZone);
  const base = `${props.prefix ?? '/console'}/complaints/${encodeURIComponent(record.id)}`;
  const state = (form: Form) =>
    refused?.form === form ? refused : { values: {}, errors: undefined, key: newFormKey() };
  const contact = state('contact');
  const note = state('note');
  const masked = log.contacts.some((e) => e.summaryMasked) || log.notes.some((n) => n.textMasked);
  const broken = <span class="badge overdue">{t('notIntact')}</span>;
  return (
    <div class="contact-log">
      <p class="last-contact">
        {record.lastContactAt ? t('lastContact', { at: f.dateTime(record.lastContactAt) }) : t('noContactYet')}
      </p>
      {masked && <p class="hint">{t('redacted')}</p>}
      {log.truncated && <p class="notice">{t('truncated')}</p>}

      <h3 id="contacts-title">{t('contacts')}</h3>
      {log.contacts.length > 0 && (
        <table class="contact-list" aria-labelledby="contacts-title">
          <thead>
            <tr>
              <th scope="col">{t('colWhen')}</th>
              <th scope="col">{t('colChannel')}</th>
              <th scope="col">{t('colDirection')}</th>
              <th scope="col">{t('colSummary')}</th>
              <th scope="col">{t('colBy')}</th>
            </tr>
          </thead>
          <tbody>
            {log.contacts.map((e) => (
              <tr>
                <td>
                  <time datetime={e.contactedAt}>{f.dateTime(e.contactedAt)}</time>
                </td>
                <td>{t(`ch_${e.channel}`)}</td>
                <td>{t(e.direction)}</td>
                <td class="entry-text">
                  {e.summary} {!e.intact && broken}
                </td>
                <td>{e.recordedBy}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h3 id="notes-title">{t('notes')}</h3>
      <p class="hint">{t('notesHint')}</p>
      {log.notes.length === 0 ? (
        <p>{t('noNotes')}</p>
      ) : (
        <ol class="note-list" aria-labelledby="notes-title">
          {log.notes.map((n) => (
            <li>
              <p class="entry-text">
                {n.text} {!n.intact && broken}
              </p>
              <p class="hint">{t('noteBy', { by: n.recordedBy, at: f.dateTime(n.recordedAt) })}</p>
            </li>
          ))}
        </ol>
      )}

      <div class="grid">
        {can(props.roles, 'complaint:contact') && (
          <form method="post" action={`${base}/contacts`} class="contact-form" aria-labelledby="contact-form-title">
            <h3 id="contact-form-title">{t('recordContact')}</h3>
            <ErrorSummary errors={contact.errors} locale={locale} labels={contactLabels(locale)} />
            <CsrfInput token={props.csrf} />
            <input type="hidden" name={FORM_KEY} value={contact.key} />
            <SelectField
              name="contact.channel"
              label={t('channel')}
              options={FeedbackChannelSchema.options.map((c) => ({ value: c, label: t(`ch_${c}`) }))}
              value={valueAt(contact.values, 'contact.channel') ?? 'phone'}
              errors={contact.errors}
              required
            />
            <SelectField
              name="contact.direction"
              label={t('direction')}
              options={ContactDirectionSchema.options.map((d) => ({ value: d, label: t(d) }))}
              value={valueAt(contact.values, 'contact.direction') ?? 'outbound'}
              errors={contact.errors}
            />
            <TextField
              name="contact.contactedAt"
              type="datetime-local"
              label={t('contactedAt')}
              hint={t('contactedAtHint')}
              value={valueAt(contact.values, 'contact.contactedAt')}
              errors={contact.errors}
            />
            <TextArea
              name="contact.summary"
              label={t('summary')}
              hint={t('summaryHint')}
              value={valueAt(contact.values, 'contact.summary')}
              errors={contact.errors}
              required
            />
            <button type="submit">{t('saveContact')}</button>
          </form>
        )}
        {can(props.roles, 'complaint:note') && (
          <form method="post" action={`${base}/notes`} class="note-form" aria-labelledby="note-form-title">
            <h3 id="note-form-title">{t('addNote')}</h3>
            <ErrorSummary errors={note.errors} locale={locale} labels={{ 'note.text': t('noteText') }} />
            <CsrfInput token={props.csrf} />
            <input type="hidden" name={FORM_KEY} value={note.key} />
            <TextArea
              name="note.text"
              label={t('noteText')}
              value={valueAt(note.values, 'note.text')}
              errors={note.errors}
              required
            />
            <button type="submit">{t('saveNote')}</button>
          </form>
        )}
      </div>
    </div>
  );
}

const contactLabels = (locale: Locale) => {
  const t = contactLogMessages(locale);
  return {
    'contact.channel': t('channel'),
    'contact.direction': t('direction'),
    'contact.contactedAt': t('contactedAt'),
    'contact.summary': t('summary'),
  };
};

/** The domain's words for a refused time, in the page's language. */
function translateRefusal(locale: Locale) {
  const t = contactLogMessages(locale);
  return (message: string) =>
    message === 'must not be in the future'
      ? t('notInFuture')
      : message === 'must not be before the complaint was received'
        ? t('notBeforeReceipt')
        : message;
}

/** The complaint's contact log as a page of its own: where a refused form comes back to. */
async function logPage(
  c: Context<WebEnv>,
  p: Platform,
  id: string,
  refused?: RefusedForm,
  status: 200 | 400 | 422 = 200,
) {
  const { locale, prefix } = c.var.frame;
  const t = contactLogMessages(locale);
  const record = await getComplaint(p, c.var.tenant, c.var.principal, id);
  const log = await readContactLog(p, c.var.tenant, c.var.principal, id);
  return c.html(
    <Layout frame={c.var.frame} session={c.var.session} title={t('pageTitle', { reference: record.reference })}>
      <p>
        <a href={`${prefix}/complaints/${encodeURIComponent(id)}`}>
          {t('backToComplaint', { reference: record.reference })}
        </a>
      </p>
      <section id="contacts" class="card" aria-labelledby="h-contacts">
        <h2 id="h-contacts">{t('title')}</h2>
        <ContactLog
          record={record}
          csrf={c.var.session.csrf}
          log={log}
          locale={locale}
          timeZone={c.var.tenant.timezone}
          roles={c.var.principal.roles}
          prefix={prefix}
          {...(refused && { refused })}
        />
      </section>
    </Layout>,
    status,
  );
}

/**
 * One form's POST: the fields under `<form>.` checked with the API's schema, then the use case with
 * the form's key as the Idempotency-Key; a refusal re-renders the form with its messages and key.
 */
async function submit<S extends z.ZodType>(
  c: Context<WebEnv>,
  p: Platform,
  form: Form,
  schema: S,
  append: (id: string, input: z.infer<S>, key: string) => Promise<unknown>,
) {
  const id = c.req.param('id') ?? '';
  const { locale } = c.var.frame;
  const body = await c.req.parseBody({ all: true });
  const values = formToObject(body);
  const key = submittedFormKey(body);
  const typed = { ...((values[form] as Record<string, unknown> | undefined) ?? {}) };
  const refuse = (errors: FieldErrors, status: 400 | 422 = 400) =>
    logPage(c, p, id, { form, values, errors, key: key ?? newFormKey() }, status);
  if (!key) return refuse({ _form: contactLogMessages(locale)('formExpired') });
  if (typeof typed.contactedAt === 'string')
    typed.contactedAt = localInputToIso(typed.contactedAt, c.var.tenant.timezone);
  const checked = validateForm(schema, typed, locale);
  const prefixed = (errors: FieldErrors) =>
    Object.fromEntries(Object.entries(errors).map(([k, v]) => [k === '_form' ? k : `${form}.${k}`, v]));
  if (!checked.ok) return refuse(prefixed(checked.errors));
  try {
    await append(id, checked.data, key);
  } catch (e) {
    if (e instanceof DomainError && e.code === 'idempotency_key_reused')
      return refuse({ _form: contactLogMessages(locale)('keyReused') }, 422);
    const errors = refusalErrors(e, (path) => `${form}.${path}`, translateRefusal(locale));
    if (errors) return refuse(errors);
    throw e;
  }
  return c.redirect(`${c.var.frame.prefix}/complaints/${encodeURIComponent(id)}#contacts`, 303);
}

/** The contact log's own page and the POST routes of its two forms (PRG: back to the complaint). */
export function contactLogRoutes(app: Hono<WebEnv>, p: Platform) {
  app.get('/complaints/:id/contacts', authorize(p.directory, 'complaint:read'), (c) =>
    logPage(c, p, c.req.param('id')),
  );
  app.post('/complaints/:id/contacts', authorize(p.directory, 'complaint:contact'), (c) =>
    submit(c, p, 'contact', ContactInputSchema, (id, input, key) =>
      recordComplaintContact(p, c.var.tenant, c.var.principal, id, input, key),
    ),
  );
  app.post('/complaints/:id/notes', authorize(p.directory, 'complaint:note'), (c) =>
    submit(c, p, 'note', NoteInputSchema, (id, input, key) =>
      addComplaintNote(p, c.var.tenant, c.var.principal, id, input, key),
    ),
  );
}
