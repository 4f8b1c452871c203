import type { Child } from 'hono/jsx';
import type { ComplaintDossier } from '../../application/complaint-dossier';
import type { ComplaintView } from '../../domain/complaint/complaint-schema';
import { type PiiField, revealableFields } from '../../domain/complaint/pii-access';
import { type InstitutionKind, labelOf as taxonomyLabel } from '../../domain/taxonomy';
import { CsrfInput, ErrorSummary } from '../components/forms';
import type { FieldErrors } from '../form-input';
import { formatters, type Locale } from '../i18n/locale';
import {
  complaintMessages,
  DECLINE_LABELS,
  ENDED_LABELS,
  FEEDBACK_CHANNEL_LABELS,
  labelOf,
  OUTCOME_LABELS,
  RELATIONSHIP_LABELS,
  REMEDY_LABELS,
  REVIEW_OUTCOME_LABELS,
  STATUS_LABELS,
  TIER_LABELS,
  WAIT_STEP_LABELS,
} from './complaint-messages';

export type PageContext = {
  locale: Locale;
  timezone: string;
  kind: InstitutionKind;
  prefix: string;
  csrf: string;
};

const Fact = ({ term, children }: { term: string; children?: Child }) => (
  <>
    <dt>{term}</dt>
    <dd>{children}</dd>
  </>
);

/** The record's plain facts: what the complaint is about, where it stands, who has it. */
export function RecordFacts({ d, view, ctx }: { d: ComplaintDossier; view: ComplaintView; ctx: PageContext }) {
  const t = complaintMessages(ctx.locale);
  const f = formatters(ctx.locale, ctx.timezone);
  const unit = d.units?.units.find((u) => u.id === view.unitId);
  const acknowledged = d.events.find((e) => e.type === 'acknowledged')?.at;
  const code = (axis: 'category' | 'reason', value: string) =>
    `${taxonomyLabel(ctx.kind, axis, value, ctx.locale) ?? value} (${value})`;
  return (
    <dl class="facts">
      <Fact term={t('reference')}>{view.reference}</Fact>
      <Fact term={t('status')}>{labelOf(STATUS_LABELS, view.status, ctx.locale)}</Fact>
      {view.waitingFor && <Fact term={t('waitingFor')}>{labelOf(WAIT_STEP_LABELS, view.waitingFor, ctx.locale)}</Fact>}
      <Fact term={t('channel')}>{taxonomyLabel(ctx.kind, 'channel', view.channel, ctx.locale) ?? view.channel}</Fact>
      <Fact term={t('category')}>{code('category', view.category)}</Fact>
      <Fact term={t('reason')}>{code('reason', view.reason)}</Fact>
      {view.product && <Fact term={t('product')}>{view.product}</Fact>}
      {view.amountInDispute && (
        <Fact term={t('amount')}>{`${view.amountInDispute.amount} ${view.amountInDispute.currency}`}</Fact>
      )}
      {view.regulatorReference && <Fact term={t('regulatorReference')}>{view.regulatorReference}</Fact>}
      <Fact term={t('receivedAt')}>{f.dateTime(view.receivedAt)}</Fact>
      {acknowledged && <Fact term={t('acknowledgedAt')}>{f.dateTime(acknowledged)}</Fact>}
      {view.decision && <Fact term={t('decidedAt')}>{f.dateTime(view.decision.decidedAt)}</Fact>}
      {view.closedAt && <Fact term={t('closedAt')}>{f.dateTime(view.closedAt)}</Fact>}
      <Fact term={t('unit')}>{unit ? unit.name[ctx.locale] : (view.unitId ?? t('unassigned'))}</Fact>
      <Fact term={t('assignee')}>{view.assignee ?? t('unassigned')}</Fact>
      <Fact term={t('escalationLevel')}>{String(view.escalationLevel)}</Fact>
      <Fact term={t('policy')}>{`${view.policy.id}@${view.policy.version}`}</Fact>
      {view.transferredFrom && (
        <Fact
          term={t('transferredFrom')}
        >{`${view.transferredFrom.reference} (${view.transferredFrom.tenantId})`}</Fact>
      )}
    </dl>
  );
}

const COMPLAINANT_FIELDS = ['name', 'phone', 'email', 'idNumber', 'address'] as const;

/**
 * The complainant and agent, masked unless a reveal showed them; for a holder of pii:read the form
 * that asks, field by field, to see them (and says that asking is recorded).
 */
export function PersonalData({
  d,
  view,
  ctx,
  canReveal,
  revealed,
  errors,
}: {
  d: ComplaintDossier;
  view: ComplaintView;
  ctx: PageContext;
  canReveal: boolean;
  revealed: readonly PiiField[];
  errors?: FieldErrors | undefined;
}) {
  const t = complaintMessages(ctx.locale);
  const shown = new Set(revealed);
  const person = view.complainant as Record<string, string | undefined>;
  const state = (field: PiiField) => (
    <span class={shown.has(field) ? 'badge pii-shown' : 'badge pii-masked'}>
      {shown.has(field) ? t('shown') : t('masked')}
    </span>
  );
  const held = revealableFields(d.record);
  return (
    <>
      {revealed.length > 0 && (
        <p class="success" role="status">
          {t('revealed')} <a href={`${ctx.prefix}/complaints/${view.id}`}>{t('maskAgain')}</a>
        </p>
      )}
      <dl class="facts pii">
        {COMPLAINANT_FIELDS.filter((k) => person[k] !== undefined).map((k) => (
          <Fact term={t(k)}>
            <span class="pii-value" data-pii={k}>
              {person[k]}
            </span>{' '}
            {state(k)}
          </Fact>
        ))}
        {view.agent && (
          <Fact term={t('agent')}>
            <span class="pii-value" data-pii="agent">
              {[view.agent.name, view.agent.phone, view.agent.email].filter(Boolean).join(' · ')}
            </span>{' '}
            {state('agent')}
            <br />
            {`${t('relationship')}: ${labelOf(RELATIONSHIP_LABELS, view.agent.relationship, ctx.locale)}`}
            {view.agent.authorisationRef && ` · ${t('authorisationRef')}: ${view.agent.authorisationRef}`}
          </Fact>
        )}
      </dl>
      {!canReveal && <p class="muted">{t('noPiiRead')}</p>}
      {canReveal && (
        <form method="post" action={`${ctx.prefix}/complaints/${view.id}/reveal`} class="reveal-form">
          <CsrfInput token={ctx.csrf} />
          <ErrorSummary errors={errors} locale={ctx.locale} labels={{ fields: t('revealLegend') }} />
          <fieldset id="f-fields">
            <legend>{t('revealLegend')}</legend>
            <p class="hint" id="reveal-hint">
              {t('revealHint')}
            </p>
            {held.map((field) => (
              <label class="check">
                <input type="checkbox" name="fields[]" value={field} checked />
                {t(field)}
              </label>
            ))}
          </fieldset>
          <button type="submit" aria-describedby="reveal-hint">
            {t('reveal')}
          </button>
        </form>
      )}
    </>
  );
}

/** The complaint's text as the complainant gave it: redacted unless revealed. */
export function Description({ view, ctx, shown }: { view: ComplaintView; ctx: PageContext; shown: boolean }) {
  const t = complaintMessages(ctx.locale);
  return (
    <div class="description">
      <h3>
        {t('description')}{' '}
        <span class={shown ? 'badge pii-shown' : 'badge pii-masked'}>{shown ? t('shown') : t('masked')}</span>
      </h3>
      <p class="pii-value prewrap" data-pii="description">
        {view.description}
      </p>
    </div>
  );
}

/** Decision, feedback, pause, extension, review and how the complaint ended: whichever happened. */
export function Handling({ view, ctx }: { view: ComplaintView; ctx: PageContext }) {
  const t = complaintMessages(ctx.locale);
  const f = formatters(ctx.locale, ctx.timezone);
  const when = (at: string, onTime?: boolean) =>
    onTime === undefined ? f.dateTime(at) : `${f.dateTime(at)} (${onTime ? t('onTime') : t('late')})`;
  const channel = (c: string) => labelOf(FEEDBACK_CHANNEL_LABELS, c, ctx.locale);
  return (
    <dl class="facts">
      {!view.decision && !view.ended && <Fact term={t('decision')}>{t('nothingYet')}</Fact>}
      {view.decision && (
        <>
          <Fact term={t('decision')}>
            {`${labelOf(OUTCOME_LABELS, view.decision.outcome, ctx.locale)} · ${when(view.decision.decidedAt, view.decision.onTime)} · ${t('by')} ${view.decision.decidedBy}`}
          </Fact>
          <Fact term={t('summary')}>
            <span class="prewrap">{view.decision.summary}</span>
          </Fact>
          {view.decision.remedy && <Fact term={t('remedy')}>{view.decision.remedy}</Fact>}
          <Fact term={t('remediesAvailable')}>
            {view.decision.remediesAvailable.map((r) => labelOf(REMEDY_LABELS, r, ctx.locale)).join('、')}
          </Fact>
        </>
      )}
      {view.feedback && (
        <Fact term={t('feedback')}>
          {`${channel(view.feedback.channel)} · ${when(view.feedback.deliveredAt, view.feedback.onTime)} · ${t('by')} ${view.feedback.recordedBy}`}
          <br />
          <span class="prewrap">{view.feedback.summary}</span>
        </Fact>
      )}
      {view.pause && (
        <Fact term={t('pause')}>
          {t('pausedSince', { from: f.dateTime(view.pause.from) })}
          {` · ${view.pause.reason} · ${t('notice')}: ${channel(view.pause.notice.channel)} ${f.dateTime(view.pause.notice.sentAt)}`}
        </Fact>
      )}
      {(view.pauses ?? []).map((x) => (
        <Fact term={t('pause')}>
          {`${t('pausedSpan', { from: f.dateTime(x.from), to: x.to ? f.dateTime(x.to) : '—', days: x.days ?? '—' })} · ${x.reason}`}
        </Fact>
      ))}
      {view.extension && (
        <Fact term={t('extension')}>
          {`${labelOf(TIER_LABELS, view.extension.tier, ctx.locale)} · ${f.dateTime(view.extension.at)} · ${t('by')} ${view.extension.by}`}
          {view.extension.approvedBy && ` · ${t('approvedBy')} ${view.extension.approvedBy}`}
          {` · ${t('notice')}: ${channel(view.extension.noticeChannel)}`}
          <br />
          <span class="prewrap">{view.extension.reason}</span>
        </Fact>
      )}
      {view.reviewRequest && (
        <Fact term={t('review')}>
          {`${t('reviewRequestedAt')} ${f.dateTime(view.reviewRequest.requestedAt)}`}
          <br />
          <span class="prewrap">{view.reviewRequest.reason}</span>
        </Fact>
      )}
      {view.reviewDecision && (
        <Fact term={t('reviewDecision')}>
          {`${labelOf(REVIEW_OUTCOME_LABELS, view.reviewDecision.outcome, ctx.locale)} · ${when(view.reviewDecision.decidedAt, view.reviewDecision.onTime)} · ${t('by')} ${view.reviewDecision.decidedBy}`}
          <br />
          <span class="prewrap">{view.reviewDecision.summary}</span>
        </Fact>
      )}
      {view.reviewFeedback && (
        <Fact term={t('reviewFeedback')}>
          {`${channel(view.reviewFeedback.channel)} · ${when(view.reviewFeedback.deliveredAt, view.reviewFeedback.onTime)}`}
        </Fact>
      )}
      {view.ended && (
        <Fact term={t('ended')}>
          {`${labelOf(ENDED_LABELS, view.ended.kind, ctx.locale)} · ${f.dateTime(view.ended.at)} · ${t('by')} ${view.ended.by}`}
          {view.ended.reasonCode && ` · ${labelOf(DECLINE_LABELS, view.ended.reasonCode, ctx.locale)}`}
          {view.ended.toTenantId && ` · ${t('transferredTo')} ${view.ended.toTenantId}`}
          {view.ended.reason && (
            <>
              <br />
              <span class="prewrap">{view.ended.reason}</span>
            </>
          )}
        </Fact>
      )}
    </dl>
  );
}
