import type { Child } from 'hono/jsx';
import type { FieldErrors } from '../form-input';
import { commonMessages } from '../i18n/common-messages';
import type { Locale } from '../i18n/locale';

/** The session's anti-forgery token: in every form that changes something. */
export const CsrfInput = ({ token }: { token: string }) => <input type="hidden" name="_csrf" value={token} />;

/** Errors listed first and linked to their fields, as screen-reader users expect (GOV.UK pattern). */
export function ErrorSummary({
  errors,
  locale,
  labels,
  scope,
}: {
  errors: FieldErrors | undefined;
  locale: Locale;
  labels?: Record<string, string>;
  /** The fields' `scope`, when they have one. */
  scope?: string;
}) {
  const entries = Object.entries(errors ?? {});
  if (entries.length === 0) return null;
  const t = commonMessages(locale);
  return (
    <div class="error-summary" role="alert" tabindex={-1}>
      <h2>{t('invalidTitle')}</h2>
      <ul>
        {entries.map(([field, message]) => (
          <li>
            <a href={`#${controlId(field, scope)}`}>{labels?.[field] ? `${labels[field]}: ${message}` : message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export const fieldId = (name: string) => name.replace(/[^A-Za-z0-9_-]/g, '-');
/** A control's element id: its name, within its form's scope where a page has several forms with the same names. */
const controlId = (name: string, scope?: string) => `f-${scope ? `${fieldId(scope)}-` : ''}${fieldId(name)}`;

type FieldProps = {
  name: string;
  label: string;
  errors?: FieldErrors | undefined;
  hint?: string;
  scope?: string;
  children: (attrs: { id: string; name: string; 'aria-invalid'?: 'true'; 'aria-describedby'?: string }) => Child;
};

/** A labelled control with its hint and its error, wired for assistive technology. */
export function Field({ name, label, errors, hint, scope, children }: FieldProps) {
  const id = controlId(name, scope);
  const error = errors?.[name];
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={id}>{label}</label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
      {children({
        id,
        name,
        ...(error && { 'aria-invalid': 'true' as const }),
        ...(described && { 'aria-describedby': described }),
      })}
    </div>
  );
}

export type Option = { value: string; label: string };

export const TextField = (
  p: Omit<FieldProps, 'children'> & {
    value?: string | undefined;
    type?: string;
    required?: boolean;
    autocomplete?: string;
  },
) => (
  <Field {...p}>
    {(a) => (
      <input
        {...a}
        type={p.type ?? 'text'}
        value={p.value ?? ''}
        required={p.required}
        autocomplete={p.autocomplete ?? 'off'}
      />
    )}
  </Field>
);

export const TextArea = (
  p: Omit<FieldProps, 'children'> & { value?: string | undefined; required?: boolean; rows?: number },
) => (
  <Field {...p}>
    {(a) => (
      <textarea {...a} rows={p.rows ?? 4} required={p.required}>
        {p.value ?? ''}
      </textarea>
    )}
  </Field>
);

export const SelectField = (
  p: Omit<FieldProps, 'children'> & {
    options: Option[];
    value?: string | undefined;
    required?: boolean;
    blank?: string;
  },
) => (
  <Field {...p}>
    {(a) => (
      <select {...a} required={p.required}>
        {p.blank !== undefined && <option value="">{p.blank}</option>}
        {p.options.map((o) => (
          <option value={o.value} selected={o.value === p.value}>
            {o.label}
          </option>
        ))}
      </select>
    )}
  </Field>
);
