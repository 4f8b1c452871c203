import { ReferralAnswerSchema } from '../../domain/complaint/referral';
import { CsrfInput, ErrorSummary, fieldId, TextArea } from '../components/forms';
import { type FieldErrors, valueAt } from '../form-input';
import type { Locale } from '../i18n/locale';
import { referralMessages } from './referral-messages';

export const POSITIONS = ReferralAnswerSchema.shape.position.options;

/** The partner's answer: a position and its grounds, checked with the API's own schema. */
export function ReferralAnswerForm(p: {
  action: string;
  csrf: string;
  locale: Locale;
  errors?: FieldErrors | undefined;
  values?: Record<string, unknown> | undefined;
}) {
  const t = referralMessages(p.locale);
  const labels = { position: t('answerPosition'), summary: t('answerSummary') };
  const chosen = valueAt(p.values, 'position');
  const positionError = p.errors?.position;
  const id = `f-${fieldId('position')}`;
  return (
    <form method="post" action={p.action} class="referral-answer" novalidate>
      <ErrorSummary errors={p.errors} locale={p.locale} labels={labels} />
      <CsrfInput token={p.csrf} />
      <fieldset
        id={id}
        tabindex={-1}
        class={positionError ? 'has-error' : undefined}
        aria-describedby={positionError ? `${id}-error` : undefined}
      >
        <legend>{labels.position}</legend>
        {positionError && (
          <p class="field-error" id={`${id}-error`}>
            {positionError}
          </p>
        )}
        {POSITIONS.map((pos) => (
          <label class="check">
            <input type="radio" name="position" value={pos} checked={chosen === pos} required />
            {t(`position_${pos}`)}
          </label>
        ))}
      </fieldset>
      <TextArea
        name="summary"
        label={labels.summary}
        hint={t('answerSummaryHint')}
        errors={p.errors}
        value={valueAt(p.values, 'summary')}
        required
        rows={6}
      />
      <button type="submit">{t('submitAnswer')}</button>
    </form>
  );
}
