import type { RepeatCandidate } from '../../application/intake-repeat';
import { AgentSchema } from '../../domain/complaint/intake-schema';
import { type Channel, ChannelSchema, type Taxonomy } from '../../domain/taxonomy';
import type { UnitTree } from '../../domain/tenant/units';
import { CsrfInput, ErrorSummary, SelectField, TextArea, TextField } from '../components/forms';
import type { FieldErrors } from '../form-input';
import { valueAt } from '../form-input';
import { FORM_KEY } from '../form-submission';
import { formatters, type Locale } from '../i18n/locale';
import { intakeMessages } from './intake-messages';

/** The field where a refusal tells the page the user must confirm the repeat. */
export const CONFIRM_REPEAT = '_confirmRepeat';

const CURRENCIES = ['CNY', 'HKD', 'USD', 'EUR', 'GBP', 'JPY'];

export type IntakeFormState = {
  channel: Channel;
  /** What was typed, as typed (the receipt time as the local input shows it). */
  values: Record<string, unknown>;
  errors?: FieldErrors | undefined;
  /** Drawn when the form was first shown; every re-render keeps it. */
  key: string;
  /** The earlier complaint this one would repeat, awaiting "register anyway". */
  repeat?: RepeatCandidate | undefined;
};

type Props = {
  state: IntakeFormState;
  csrf: string;
  locale: Locale;
  prefix: string;
  timeZone: string;
  repeatWindowDays: number;
  taxonomy: Taxonomy;
  units: UnitTree | undefined;
};

/** Every field's label by its dotted name, for the error summary. */
export function intakeLabels(locale: Locale): Record<string, string> {
  const t = intakeMessages(locale);
  return {
    channel: t('channel'),
    regulatorReference: t('regulatorReference'),
    receivedAt: t('receivedAt'),
    'complainant.name': t('name'),
    'complainant.phone': t('phone'),
    'complainant.email': t('email'),
    'complainant.idNumber': t('idNumber'),
    'complainant.address': t('address'),
    'agent.name': t('agentName'),
    'agent.relationship': t('relationship'),
    'agent.phone': t('agentPhone'),
    'agent.email': t('agentEmail'),
    'agent.authorisationRef': t('authorisationRef'),
    category: t('category'),
    reason: t('reason'),
    product: t('product'),
    description: t('description'),
    'amountInDispute.amount': t('amount'),
    'amountInDispute.currency': t('currency'),
    unitId: t('unit'),
  };
}

/** The channels as links: choosing one first shows the form for it (the regulator's reference, its hints). */
export function ChannelPicker({
  current,
  locale,
  prefix,
  taxonomy,
}: {
  current: Channel;
  locale: Locale;
  prefix: string;
  taxonomy: Taxonomy;
}) {
  const t = intakeMessages(locale);
  return (
    <nav aria-label={t('channelNav')} class="channel-picker">
      <ul>
        {taxonomy.channels.map((c) => (
          <li>
            <a href={`${prefix}/intake?channel=${c.code}`} aria-current={c.code === current ? 'page' : undefined}>
              {c.label[locale]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function RepeatWarning({
  repeat,
  locale,
  prefix,
  days,
  timeZone,
}: {
  repeat: RepeatCandidate;
  locale: Locale;
  prefix: string;
  days: number;
  timeZone: string;
}) {
  const t = intakeMessages(locale);
  return (
    <div class="repeat-warning notice" role="alert" tabindex={-1} data-autofocus="true" aria-labelledby="repeat-title">
      <h2 id="repeat-title">{t('repeatTitle')}</h2>
      <p>
        {t('repeatBody', {
          days,
          reference: repeat.reference,
          received: formatters(locale, timeZone).dateTime(repeat.receivedAt),
        })}
      </p>
      <p>{t('repeatAdvice')}</p>
      <p>
        <a href={`${prefix}/complaints/${encodeURIComponent(repeat.id)}`}>
          {t('repeatOpen', { reference: repeat.reference })}
        </a>
      </p>
    </div>
  );
}

/** The registration form of one channel, filled again after a refusal or a repeat warning. */
export function IntakeForm(props: Props) {
  const { state, locale, taxonomy } = props;
  const t = intakeMessages(locale);
  const v = (name: string) => valueAt(state.values, name);
  const e = state.errors;
  const agentOpen = ['agent.name', 'agent.phone', 'agent.email', 'agent.authorisationRef', 'agent.relationship'].some(
    (n) => v(n) !== undefined || e?.[n] !== undefined,
  );
  return (
    <>
      {state.repeat && (
        <RepeatWarning
          repeat={state.repeat}
          locale={locale}
          prefix={props.prefix}
          days={props.repeatWindowDays}
          timeZone={props.timeZone}
        />
      )}
      <p class="intake-intro">{t(`intro_${state.channel}`)}</p>
      <form method="post" action={`${props.prefix}/intake`} class="intake-form" novalidate>
        <ErrorSummary errors={e} locale={locale} labels={intakeLabels(locale)} />
        <CsrfInput token={props.csrf} />
        <input type="hidden" name={FORM_KEY} value={state.key} />
        {state.repeat && <input type="hidden" name={CONFIRM_REPEAT} value={state.repeat.id} />}
        <div class="intake-grid">
          <fieldset>
            <legend>{t('receipt')}</legend>
            <SelectField
              name="channel"
              label={t('channel')}
              options={ChannelSchema.options.map((c) => ({
                value: c,
                label: taxonomy.channels.find((x) => x.code === c)?.label[locale] ?? c,
              }))}
              value={state.channel}
              errors={e}
              required
            />
            {state.channel === 'regulator_transfer' && (
              <TextField
                name="regulatorReference"
                label={t('regulatorReference')}
                hint={t('regulatorReferenceHint')}
                value={v('regulatorReference')}
                errors={e}
                required
              />
            )}
            <TextField
              name="receivedAt"
              type="datetime-local"
              label={t('receivedAt')}
              hint={t('receivedAtHint')}
              value={v('receivedAt')}
              errors={e}
            />
          </fieldset>

          <fieldset>
            <legend>{t('complainant')}</legend>
            <TextField name="complainant.name" label={t('name')} value={v('complainant.name')} errors={e} required />
            <TextField
              name="complainant.phone"
              type="tel"
              label={t('phone')}
              hint={t('contactHint')}
              value={v('complainant.phone')}
              errors={e}
            />
            <TextField
              name="complainant.email"
              type="email"
              label={t('email')}
              value={v('complainant.email')}
              errors={e}
            />
            <TextField
              name="complainant.idNumber"
              label={t('idNumber')}
              hint={t('idNumberHint')}
              value={v('complainant.idNumber')}
              errors={e}
            />
            <TextField name="complainant.address" label={t('address')} value={v('complainant.address')} errors={e} />
            <details class="agent" open={agentOpen}>
              <summary>{t('agent')}</summary>
              <TextField name="agent.name" label={t('agentName')} value={v('agent.name')} errors={e} />
              <SelectField
                name="agent.relationship"
                label={t('relationship')}
                blank={t('choose')}
                options={AgentSchema.shape.relationship.options.map((r) => ({ value: r, label: t(`rel_${r}`) }))}
                value={v('agent.relationship')}
                errors={e}
              />
              <TextField name="agent.phone" type="tel" label={t('agentPhone')} value={v('agent.phone')} errors={e} />
              <TextField name="agent.email" type="email" label={t('agentEmail')} value={v('agent.email')} errors={e} />
              <TextField
                name="agent.authorisationRef"
                label={t('authorisationRef')}
                value={v('agent.authorisationRef')}
                errors={e}
              />
            </details>
          </fieldset>

          <fieldset class="matter">
            <legend>{t('matter')}</legend>
            <SelectField
              name="category"
              label={t('category')}
              blank={t('choose')}
              options={taxonomy.categories.map((c) => ({ value: c.code, label: c.label[locale] }))}
              value={v('category')}
              errors={e}
              required
            />
            <SelectField
              name="reason"
              label={t('reason')}
              blank={t('choose')}
              options={taxonomy.reasons.map((c) => ({ value: c.code, label: c.label[locale] }))}
              value={v('reason')}
              errors={e}
              required
            />
            <TextField name="product" label={t('product')} value={v('product')} errors={e} />
            <TextArea
              name="description"
              label={t('description')}
              hint={t('descriptionHint')}
              value={v('description')}
              errors={e}
              rows={6}
              required
            />
            <div class="amount">
              <TextField
                name="amountInDispute.amount"
                label={t('amount')}
                hint={t('amountHint')}
                value={v('amountInDispute.amount')}
                errors={e}
              />
              <SelectField
                name="amountInDispute.currency"
                label={t('currency')}
                options={CURRENCIES.map((c) => ({ value: c, label: c }))}
                value={v('amountInDispute.currency') ?? 'CNY'}
                errors={e}
              />
            </div>
            {props.units && (
              <SelectField
                name="unitId"
                label={t('unit')}
                hint={t('unitHint')}
                blank={t('headOfficeDefault')}
                options={props.units.units.map((u) => ({ value: u.id, label: u.name[locale] }))}
                value={v('unitId')}
                errors={e}
              />
            )}
          </fieldset>
        </div>
        <button type="submit" class={state.repeat ? 'danger' : undefined}>
          {state.repeat ? t('registerAnyway') : t('register')}
        </button>
      </form>
    </>
  );
}
