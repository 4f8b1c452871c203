import type { ChainStatus } from '../../domain/events/chain-check';
import type { ComplaintEvent } from '../../domain/events/event-schema';
import type { UnitTree } from '../../domain/tenant/units';
import { formatters } from '../i18n/locale';
import {
  CHECKPOINT_LABELS,
  complaintMessages,
  DEADLINE_LABELS,
  DECLINE_LABELS,
  EVENT_LABELS,
  FEEDBACK_CHANNEL_LABELS,
  labelOf,
  OUTCOME_LABELS,
  POSITION_LABELS,
  REVIEW_OUTCOME_LABELS,
  TIER_LABELS,
} from './complaint-messages';
import type { PageContext } from './complaint-record';

export type TimelineOrder = 'newest' | 'oldest';

/** The chain's verdict, stated first: a broken chain is an alarm, not a footnote. */
export function ChainVerdict({ chain, ctx }: { chain: ChainStatus; ctx: PageContext }) {
  const t = complaintMessages(ctx.locale);
  if (chain.state === 'intact')
    return (
      <p class="chain chain-intact" data-chain="intact">
        {t('chainIntact', { events: chain.events })}
      </p>
    );
  return (
    <p class="chain chain-broken" role="alert" data-chain="broken">
      {chain.state === 'broken'
        ? t('chainBroken', { seq: chain.seq })
        : t('chainTruncated', { expected: chain.expected, events: chain.events })}
    </p>
  );
}

type Lookups = { ctx: PageContext; partnerNames: Record<string, string>; units: UnitTree | undefined };

/**
 * What an event changed, in words, from the fields of its data this page knows. Event data holds no
 * personal data; fields it does not know (a newer event's) are left out rather than dumped.
 */
function detail(e: ComplaintEvent, l: Lookups): string {
  const { ctx } = l;
  const t = complaintMessages(ctx.locale);
  const f = formatters(ctx.locale, ctx.timezone);
  const d = e.data;
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const at = (v: unknown) => (typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? f.dateTime(v) : undefined);
  const partner = (v: unknown) => (typeof v === 'string' ? (l.partnerNames[v] ?? v) : undefined);
  const unit = (v: unknown) =>
    typeof v === 'string' ? (l.units?.units.find((u) => u.id === v)?.name[ctx.locale] ?? v) : undefined;
  const timing = typeof d.onTime === 'boolean' ? (d.onTime ? t('onTime') : t('late')) : undefined;
  const parts: (string | undefined)[] = (() => {
    switch (e.type) {
      case 'assigned':
        return [unit(d.unitId), text(d.assignee)];
      case 'escalated':
        return [
          t('levelN', { level: String(d.level ?? '') }),
          d.step === 'referral' ? partner(d.partnerTenantId) : labelOf(DEADLINE_LABELS, String(d.deadline), ctx.locale),
          labelOf(CHECKPOINT_LABELS, String(d.kind), ctx.locale),
        ];
      case 'overdue':
        return [labelOf(DEADLINE_LABELS, String(d.deadline), ctx.locale)];
      case 'extended':
        return [labelOf(TIER_LABELS, String(d.tier), ctx.locale), at(d.deadline)];
      case 'extension_notice_sent':
      case 'contact_recorded':
      case 'feedback_delivered':
      case 'review_feedback_delivered':
        return [text(d.channel) && labelOf(FEEDBACK_CHANNEL_LABELS, String(d.channel), ctx.locale), timing];
      case 'decided':
        return [labelOf(OUTCOME_LABELS, String(d.outcome), ctx.locale), timing];
      case 'reviewed':
        return [labelOf(REVIEW_OUTCOME_LABELS, String(d.outcome), ctx.locale), timing];
      case 'referral_answered':
        return [
          partner(d.partnerTenantId),
          text(d.position) && labelOf(POSITION_LABELS, String(d.position), ctx.locale),
        ];
      case 'referral_requested':
      case 'referral_lapsed':
        return [partner(d.partnerTenantId)];
      case 'resumed':
        return [at(d.deadline) && `${t('due')} ${at(d.deadline)}`];
      case 'declined':
        return [text(d.reasonCode) && labelOf(DECLINE_LABELS, String(d.reasonCode), ctx.locale)];
      case 'transferred':
        return [text(d.toTenantId)];
      case 'acknowledged':
        return [timing];
      default:
        return [];
    }
  })();
  return parts.filter(Boolean).join(' · ');
}

/** The complaint's events with who did what and when; the one the chain breaks at is marked. */
export function Timeline({
  events,
  chain,
  order,
  ...lookups
}: Lookups & { events: readonly ComplaintEvent[]; chain: ChainStatus; order: TimelineOrder }) {
  const { ctx } = lookups;
  const t = complaintMessages(ctx.locale);
  const f = formatters(ctx.locale, ctx.timezone);
  const brokenAt = chain.state === 'broken' ? chain.seq : undefined;
  const shown = order === 'newest' ? [...events].reverse() : events;
  return (
    <ol class="timeline events" reversed={order === 'newest'}>
      {shown.map((e) => {
        const more = detail(e, lookups);
        return (
          <li id={`event-${e.seq}`} class={e.seq === brokenAt ? 'broken' : undefined} value={String(e.seq)}>
            <strong>{labelOf(EVENT_LABELS, e.type, ctx.locale)}</strong>
            {more && <span>{` · ${more}`}</span>}
            <br />
            <span class="muted">
              <time datetime={e.at}>{f.dateTime(e.at)}</time>
              {' · '}
              {e.actor.kind === 'system' ? t('system', { id: e.actor.id }) : e.actor.id}
              {' · '}
              {t('seq', { seq: e.seq })}
            </span>
            {e.seq === brokenAt && <strong class="chain-broken-mark">{` ${t('brokenHere')}`}</strong>}
          </li>
        );
      })}
    </ol>
  );
}
