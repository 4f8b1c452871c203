import type { Child } from 'hono/jsx';
import type { Principal } from '../../auth/principal';
import type { AvailabilityContext, StaffActionName } from '../../domain/complaint/available-actions';
import {
  type ComplaintRecord,
  FeedbackChannelSchema,
  OutcomeSchema,
  type ReferralLink,
  RemedySchema,
  ReviewOutcomeSchema,
} from '../../domain/complaint/complaint-schema';
import { DeclineReasonCodeSchema, recused } from '../../domain/complaint/transitions';
import type { UnitTree } from '../../domain/tenant/units';
import { CsrfInput, type Option, SelectField, TextArea, TextField } from '../components/forms';
import { type FieldErrors, valueAt } from '../form-input';
import type { Locale } from '../i18n/locale';
import type { ActionMessage, ActionTranslator } from './action-messages';

/** What one action's form is drawn from. */
export type FormContext = {
  t: ActionTranslator;
  locale: Locale;
  record: ComplaintRecord;
  principal: Principal;
  timezone: string;
  policy: AvailabilityContext['policy'];
  units: UnitTree | undefined;
  /** The referral a per-partner form is about. */
  referral?: ReferralLink | undefined;
  /** A refused submission of this form: its values and what was wrong with them. */
  values?: Record<string, unknown> | undefined;
  errors?: FieldErrors | undefined;
};

/** The fields a form sends as a datetime-local reading, in the institution's zone. */
export const WALL_TIME_FIELDS: Partial<Record<StaffActionName, readonly string[]>> = {
  extend: ['notice.sentAt'],
  pause: ['from', 'notice.sentAt'],
  resume: ['at'],
  feedback: ['deliveredAt'],
};

/** Ids unique on a page that shows several forms with the same field names. */
export const formScope = (name: StaffActionName, referral?: ReferralLink) =>
  referral ? `${name}-${referral.partnerTenantId}` : name;

const choices = (f: FormContext, prefix: string, values: readonly string[]): Option[] =>
  values.map((value) => ({ value, label: f.t(`${prefix}.${value}` as ActionMessage) }));

/** The hierarchy top-down, each unit indented under its parent. */
function unitOptions(f: FormContext): Option[] {
  const units = f.units?.units ?? [];
  const out: Option[] = [];
  const visit = (parentId: string | undefined, depth: number) => {
    for (const u of units.filter((x) => x.parentId === parentId)) {
      out.push({ value: u.id, label: `${'— '.repeat(depth)}${u.name[f.locale]}` });
      visit(u.id, depth + 1);
    }
  };
  visit(undefined, 0);
  return out;
}

/** Each action's fields, named as its zod schema names them (`a.b` for nested objects), with their labels. */
const FIELDS: Record<StaffActionName, Record<string, { label: ActionMessage; optional?: true }>> = {
  acknowledge: {},
  assign: { unitId: { label: 'unitId' }, assignee: { label: 'assignee' } },
  extend: {
    tier: { label: 'tier' },
    reason: { label: 'extendReason' },
    approvedBy: { label: 'approvedBy', optional: true },
    'notice.channel': { label: 'noticeChannel' },
    'notice.sentAt': { label: 'noticeSentAt', optional: true },
  },
  pause: {
    reason: { label: 'pauseReason' },
    from: { label: 'pauseFrom', optional: true },
    'notice.channel': { label: 'noticeChannel' },
    'notice.sentAt': { label: 'noticeSentAt', optional: true },
  },
  resume: { at: { label: 'resumeAt', optional: true } },
  decision: {
    outcome: { label: 'outcome' },
    summary: { label: 'decisionSummary' },
    remedy: { label: 'remedy', optional: true },
    remediesAvailable: { label: 'remediesAvailable', optional: true },
  },
  feedback: {
    channel: { label: 'channel' },
    deliveredAt: { label: 'deliveredAt', optional: true },
    summary: { label: 'feedbackSummary' },
  },
  'review-request': { reason: { label: 'reviewReason' } },
  'review-decision': { outcome: { label: 'reviewOutcome' }, summary: { label: 'reviewSummary' } },
  withdraw: { reason: { label: 'withdrawReason', optional: true } },
  decline: { reasonCode: { label: 'reasonCode' }, reason: { label: 'declineReason', optional: true } },
  transfer: { toTenantId: { label: 'toTenantId' }, reason: { label: 'transferReason' } },
  'proceed-without-partner': { reason: { label: 'proceedReason' } },
};

/** The fields' labels in the page's language, for the error summary to name them. */
export const fieldLabels = (t: ActionTranslator, action: StaffActionName): Record<string, string> =>
  Object.fromEntries(Object.entries(FIELDS[action]).map(([name, x]) => [name, t(x.label)]));

/** Controls of one form: ids scoped to it, labels from FIELDS, values and errors of its refused submission. */
function controls(f: FormContext, action: StaffActionName) {
  const label = (name: string) => {
    const x = FIELDS[action][name]!;
    return x.optional ? `${f.t(x.label)}${f.t('optional')}` : f.t(x.label);
  };
  const common = (name: string) => ({
    name,
    label: label(name),
    scope: formScope(action, f.referral),
    errors: f.errors,
  });
  const required = (name: string) => !FIELDS[action][name]!.optional;
  const text = (name: string, o: { hint?: string; value?: string | undefined } = {}) => (
    <TextField {...common(name)} hint={o.hint} value={valueAt(f.values, name) ?? o.value} required={required(name)} />
  );
  const area = (name: string) => (
    <TextArea {...common(name)} required={required(name)} rows={3} value={valueAt(f.values, name)} />
  );
  /** A required choice starts blank ("choose"); an optional one's blank choice says what blank means. */
  const select = (name: string, options: Option[], o: { blank?: string; value?: string | undefined } = {}) => (
    <SelectField
      {...common(name)}
      options={options}
      blank={o.blank ?? f.t('choose')}
      required={o.blank === undefined}
      value={valueAt(f.values, name) ?? o.value}
    />
  );
  /** A moment, typed as the institution's wall clock; blank is now (the API's default, the form's for `deliveredAt`). */
  const when = (name: string) => (
    <TextField
      {...common(name)}
      type="datetime-local"
      hint={f.t('blankIsNow', { zone: f.timezone })}
      value={valueAt(f.values, name)}
    />
  );
  return { text, area, select, when };
}

const channels = (f: FormContext) => choices(f, 'channel', FeedbackChannelSchema.options);

/** Each action's controls, in the order a person fills them. */
export const ACTION_FIELDS: Record<StaffActionName, (f: FormContext) => Child> = {
  acknowledge: (f) => <p class="hint">{f.t('acknowledgeHint')}</p>,
  assign(f) {
    const { select, text } = controls(f, 'assign');
    return (
      <>
        {select('unitId', unitOptions(f), { value: f.record.unitId ?? undefined })}
        {/* Most often handlers take the complaint themselves. */}
        {text('assignee', { hint: f.t('assigneeHint'), value: f.record.assignee ?? f.principal.sub })}
      </>
    );
  },
  extend(f) {
    const { select, area, text, when } = controls(f, 'extend');
    const tiers = (['complex', 'especially_complex'] as const).filter((x) => f.policy.extensions[x]);
    return (
      <>
        {select('tier', choices(f, 'tier', tiers))}
        {area('reason')}
        {text('approvedBy', { hint: f.t('approvedByHint') })}
        {select('notice.channel', channels(f), { blank: f.t('noticeChannelSame') })}
        {when('notice.sentAt')}
      </>
    );
  },
  pause(f) {
    const { select, area, when } = controls(f, 'pause');
    return (
      <>
        {area('reason')}
        {when('from')}
        {select('notice.channel', channels(f))}
        {when('notice.sentAt')}
      </>
    );
  },
  resume: (f) => controls(f, 'resume').when('at'),
  decision(f) {
    const { select, area, text } = controls(f, 'decision');
    return (
      <>
        {select('outcome', choices(f, 'outcome', OutcomeSchema.options))}
        {area('summary')}
        {text('remedy')}
        <Checkboxes
          f={f}
          action="decision"
          name="remediesAvailable"
          options={choices(f, 'remedy', RemedySchema.options)}
        />
      </>
    );
  },
  feedback(f) {
    const { select, area, when } = controls(f, 'feedback');
    return (
      <>
        {select('channel', channels(f))}
        {when('deliveredAt')}
        {area('summary')}
      </>
    );
  },
  'review-request': (f) => controls(f, 'review-request').area('reason'),
  'review-decision'(f) {
    const { select, area } = controls(f, 'review-decision');
    return (
      <>
        {recused(f.record, f.principal.sub) && <p class="notice">{f.t('recusalHint')}</p>}
        {select('outcome', choices(f, 'reviewOutcome', ReviewOutcomeSchema.options))}
        {area('summary')}
      </>
    );
  },
  withdraw: (f) => controls(f, 'withdraw').area('reason'),
  decline(f) {
    const { select, area } = controls(f, 'decline');
    return (
      <>
        {select('reasonCode', choices(f, 'reasonCode', DeclineReasonCodeSchema.options))}
        {area('reason')}
      </>
    );
  },
  transfer(f) {
    const { text, area } = controls(f, 'transfer');
    return (
      <>
        {text('toTenantId', { hint: f.t('toTenantIdHint') })}
        {area('reason')}
      </>
    );
  },
  'proceed-without-partner': (f) => controls(f, 'proceed-without-partner').area('reason'),
};

/** A list field (`name[]`): ticked boxes in a fieldset whose legend labels them. */
function Checkboxes(o: { f: FormContext; action: StaffActionName; name: string; options: Option[] }) {
  const { f, name } = o;
  const id = `f-${formScope(o.action, f.referral)}-${name}`;
  const error = f.errors?.[name];
  const ticked = new Set([f.values?.[name]].flat().filter((v): v is string => typeof v === 'string'));
  return (
    <fieldset id={id} class={error ? 'has-error' : undefined} aria-describedby={`${id}-hint`}>
      <legend>{`${f.t(FIELDS[o.action][name]!.label)}${f.t('optional')}`}</legend>
      <p class="hint" id={`${id}-hint`}>
        {f.t('remediesHint')}
      </p>
      {error && <p class="field-error">{error}</p>}
      {o.options.map((x) => (
        <label class="check">
          <input type="checkbox" name={`${name}[]`} value={x.value} checked={ticked.has(x.value)} />
          {x.label}
        </label>
      ))}
    </fieldset>
  );
}

/** The form itself: the version it was drawn from travels with it (the action's If-Match). */
export function ActionForm(o: { f: FormContext; name: StaffActionName; prefix: string; csrf: string; submit: string }) {
  const { f, name } = o;
  const danger = name === 'withdraw' || name === 'decline' || name === 'transfer';
  return (
    <form
      method="post"
      action={`${o.prefix}/complaints/${encodeURIComponent(f.record.id)}/actions/${name}`}
      class="action-form"
      novalidate
    >
      <CsrfInput token={o.csrf} />
      <input type="hidden" name="_version" value={String(f.record.version)} />
      <input type="hidden" name="_seq" value={String(f.record.lastSeq)} />
      {f.referral && <input type="hidden" name="_partner" value={f.referral.partnerTenantId} />}
      {ACTION_FIELDS[name](f)}
      <button type="submit" class={danger ? 'danger' : undefined}>
        {o.submit}
      </button>
    </form>
  );
}
