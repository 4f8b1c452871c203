/**
 * Going ahead without a partner institution: a partner that never answers must not block the
 * decision for ever. After the referral's deadline a supervisor may proceed without it (`lapsed`);
 * a suspended partner cannot answer at all, so its referral may be waived at once (`waived`).
 */
import { z } from 'zod';
import { conflict, notFound, ruleViolation } from '../errors';
import { cleanText } from '../text';
import { ACTION_STATUSES } from './available-actions';
import type { ComplaintRecord } from './complaint-schema';
import { type ActionContext, requireStatus, type Transition } from './transitions';

export const ProceedWithoutSchema = z.strictObject({ reason: cleanText(2000) });
export type ProceedWithout = z.infer<typeof ProceedWithoutSchema>;

export type ReferralEnd = 'lapsed' | 'waived';

/** The open link to that partner, or the conflict the record justifies. */
export function openLink(r: ComplaintRecord, partnerTenantId: string) {
  requireStatus(r, ACTION_STATUSES['proceed-without-partner'], 'proceeding without a partner');
  const link = r.referrals.find((x) => x.partnerTenantId === partnerTenantId);
  if (!link) throw notFound('referral');
  if (link.status !== 'open') {
    throw conflict('referral_closed', `the referral to ${partnerTenantId} is already ${link.status}`, {
      status: link.status,
    });
  }
  return link;
}

/**
 * How the referral may end now: waived when the partner is suspended, whatever its deadline;
 * otherwise lapsed, but only once its deadline has passed.
 */
export function referralEnd(o: { partnerSuspended: boolean; deadline: string | undefined; at: string }): ReferralEnd {
  if (o.partnerSuspended) return 'waived';
  if (o.deadline === undefined || o.at <= o.deadline) {
    const when = o.deadline
      ? `the partner has until ${o.deadline} to answer`
      : 'the partner has not been asked yet (its referral starts with the acknowledgement)';
    throw ruleViolation(
      'referral_deadline_not_passed',
      `${when}; proceeding without it is possible after its deadline (at once only if the partner institution is suspended)`,
      { deadline: o.deadline ?? null },
    );
  }
  return 'lapsed';
}

/** Records on the complaint that the decision goes ahead without this partner. */
export function proceedWithout(
  r: ComplaintRecord,
  input: ProceedWithout & { partnerTenantId: string; end: ReferralEnd; deadline: string | undefined },
  ctx: ActionContext,
): Transition {
  const link = openLink(r, input.partnerTenantId);
  return {
    patch: {
      referrals: r.referrals.map((x) =>
        x === link
          ? {
              ...x,
              status: input.end,
              ...(input.deadline && { deadline: input.deadline }),
              endedAt: ctx.at,
              endedBy: ctx.actor,
              reason: input.reason,
            }
          : x,
      ),
    },
    // The reason is free text staff wrote: on the record, never in the event (webhooks, regulator).
    events: [
      {
        type: 'referral_lapsed',
        data: { partnerTenantId: input.partnerTenantId, kind: input.end, deadline: input.deadline ?? null },
      },
    ],
    counts: { [`referrals.${input.end}`]: 1 },
    // No signal of its own: the partner's branch waits on the referral's token, completed by the caller.
  };
}
