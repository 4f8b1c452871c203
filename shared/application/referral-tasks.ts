import type { Principal } from '../auth/principal';
import type { ComplaintRecord } from '../domain/complaint/complaint-schema';
import { dueEscalations, referralDeadline, timerSeconds } from '../domain/complaint/lifecycle';
import { type Referral, type ReferralAnswer, referralIdFor } from '../domain/complaint/referral';
import type { Transition } from '../domain/complaint/transitions';
import { conflict, notFound } from '../domain/errors';
import type { Tenant } from '../domain/tenant/tenant-schema';
import type { Timer } from '../workflow/task-payloads';
import { changeComplaint, sendWithRetry, WORKFLOW_ACTOR } from './complaint-change';
import { currentPolicy, pinnedPolicy } from './effective-policy';
import type { Platform } from './platform';
import { changeReferral } from './referral-change';

async function partnerOf(p: Platform, partnerTenantId: string): Promise<Tenant> {
  const partner = await p.directory.find(partnerTenantId);
  if (!partner) throw notFound('partner institution');
  return partner;
}

/**
 * The referral's own clock, in the partner's table and under the partner's policy: created on the
 * first tick, escalated up the partner's hierarchy as its checkpoints fall due.
 */
export async function referralTick(
  p: Platform,
  tenant: Tenant,
  complaintId: string,
  partnerTenantId: string,
): Promise<Timer> {
  const partner = await partnerOf(p, partnerTenantId);
  const complaint = await p.complaints.get(tenant.tableName, complaintId);
  if (!complaint) throw notFound('complaint');
  const now = p.clock.now().toISOString();

  const referral = await ensureReferral(p, tenant, complaint, partner);
  if (referral.status !== 'open') return { seconds: 1, proceed: false };
  const policy = await pinnedPolicy(p, partner, referral.policy, { complaintId, referralId: referral.id });

  // Escalation checkpoints of the referral, spaced over its own allowance. What fired is recorded
  // on the complaint's link in the same transaction as its events, so a retried tick neither loses
  // nor repeats one; the referral item's copy only shows the partner how far it went.
  const window = { name: 'decision' as const, startAt: referral.createdAt, deadline: referral.deadline, duty: false };
  const { transition, value: next } = await changeComplaint(p, tenant, complaintId, WORKFLOW_ACTOR, (r, at) => {
    const link = r.referrals.find((x) => x.partnerTenantId === partnerTenantId);
    const plan = dueEscalations({
      windows: [window],
      policy,
      timezone: partner.timezone,
      firedUntil: link?.firedUntil ?? null,
      now: at,
    });
    if (!link || plan.due.length === 0) return { transition: null, value: plan.next };
    const level = Math.max(link.escalationLevel, ...plan.due.map((d) => d.level));
    const transition: Transition = {
      patch: {
        referrals: r.referrals.map((x) =>
          x === link
            ? { ...x, escalationLevel: level, deadline: referral.deadline, firedUntil: plan.due.at(-1)!.at }
            : x,
        ),
      },
      events: plan.due.map((c) => ({
        type: 'escalated' as const,
        data: {
          step: 'referral',
          partnerTenantId,
          level: c.level,
          kind: c.kind,
          checkpointAt: c.at,
          deadline: referral.deadline,
        },
      })),
      counts: { 'escalations.referral': plan.due.length },
    };
    return { transition, value: plan.next };
  });
  const fired = (transition?.events ?? []).map(
    (e) => e.data as { level: number; kind: 'checkpoint' | 'deadline' | 'overdue'; checkpointAt: string },
  );
  if (fired.length > 0) {
    const level = Math.max(referral.escalationLevel, ...fired.map((f) => f.level));
    await p.referrals
      .save(
        partner.tableName,
        { ...referral, escalationLevel: level, firedUntil: fired.at(-1)!.checkpointAt, updatedAt: now },
        referral.version,
      )
      .catch((e: Error) => p.logger.warn('referral escalation level not updated', { complaintId, errorName: e.name }));
    // The partner's notice travels the outbox: the dispatcher reads this escalation from the stream.
  }
  return { seconds: timerSeconds(now, next), proceed: false };
}

/**
 * The referral in the partner's table, created unless it exists: its deadline under the partner's
 * current policy, whose version it keeps for the rest of its clock.
 */
export async function ensureReferral(
  p: Platform,
  from: Tenant,
  complaint: ComplaintRecord,
  partner: Tenant,
): Promise<Referral> {
  const { policy, ref } = await currentPolicy(p, partner);
  const now = p.clock.now().toISOString();
  const deadline = referralDeadline(now, policy, partner.timezone, await p.calendars.resolver());
  return p.referrals.ensure(partner.tableName, { ...newReferral(complaint, from, deadline, now), policy: ref });
}

function newReferral(c: ComplaintRecord, from: Tenant, deadline: string, now: string): Referral {
  return {
    id: referralIdFor(c.id),
    fromTenantId: from.id,
    fromTenantName: from.name,
    complaintId: c.id,
    complaintReference: c.reference,
    category: c.category,
    reason: c.reason,
    ...(c.product !== undefined && { product: c.product }),
    status: 'open',
    deadline,
    escalationLevel: 0,
    firedUntil: null,
    token: null,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
}

/** Parks the referral's branch of the Map until the partner answers (or the complaint ends). */
export async function referralWait(
  p: Platform,
  tenant: Tenant,
  complaintId: string,
  partnerTenantId: string,
  token: string,
): Promise<void> {
  const partner = await partnerOf(p, partnerTenantId);
  const complaint = await p.complaints.get(tenant.tableName, complaintId);
  if (!complaint) throw notFound('referral');
  const stillAsking = ['received', 'acknowledged', 'investigating'].includes(complaint.status);
  let outcome: 'done' | 'ended' | undefined;
  const changed = await changeReferral(p, partner.tableName, referralIdFor(complaintId), (r) => {
    // Lapsed or waived: the decision goes ahead without this partner, so its branch is done.
    outcome = ['answered', 'lapsed', 'waived'].includes(r.status)
      ? 'done'
      : r.status === 'cancelled' || !stillAsking
        ? 'ended'
        : undefined;
    return outcome || r.token === token ? null : { ...r, token };
  });
  if (!changed) throw notFound('referral');
  if (outcome) await sendWithRetry(p, token, { step: 'referrals', outcome });
}

/** Copies the partner's answer onto the complaint (the workflow writes across institutions, not the partner). */
export async function referralAnswered(
  p: Platform,
  tenant: Tenant,
  complaintId: string,
  partnerTenantId: string,
): Promise<void> {
  const partner = await partnerOf(p, partnerTenantId);
  const referral = await p.referrals.get(partner.tableName, referralIdFor(complaintId));
  if (!referral?.answer) return;
  const answer = referral.answer;
  await changeComplaint(p, tenant, complaintId, WORKFLOW_ACTOR, (r) => {
    const link = r.referrals.find((x) => x.partnerTenantId === partnerTenantId);
    if (link?.status !== 'open') return null;
    return {
      patch: {
        referrals: r.referrals.map((x) =>
          x.partnerTenantId === partnerTenantId
            ? {
                ...x,
                status: 'answered' as const,
                position: answer.position,
                summary: answer.summary,
                answeredAt: answer.answeredAt,
              }
            : x,
        ),
      },
      events: [
        { type: 'referral_answered', data: { partnerTenantId, position: answer.position, onTime: answer.onTime } },
      ],
      counts: { [answer.onTime ? 'referrals.onTime' : 'referrals.late']: 1 },
    };
  });
}

/** A partner's staff answer a referral in their own tenant; the waiting Map branch then moves on. */
export async function answerReferral(
  p: Platform,
  partner: Tenant,
  principal: Principal,
  referralId: string,
  input: ReferralAnswer,
): Promise<Referral> {
  const changed = await changeReferral(p, partner.tableName, referralId, (r) => {
    if (r.status === 'lapsed' || r.status === 'waived') throw lateAnswer(r);
    if (r.status !== 'open') throw conflict('wrong_step', `the referral is already ${r.status}`, { status: r.status });
    const now = p.clock.now().toISOString();
    return {
      ...r,
      status: 'answered',
      token: null,
      answer: {
        position: input.position,
        summary: input.summary,
        answeredAt: now,
        answeredBy: principal.sub,
        onTime: now <= r.deadline,
      },
      updatedAt: now,
    };
  });
  if (!changed?.after) throw notFound('referral');
  p.logger.info('referral answered', { tenantId: partner.id, referralId, complaintId: changed.before.complaintId });
  // The answer is on the complaint's record at once, so its decision is accepted right after; the
  // workflow's own copy (Record_referral) then finds it there and does nothing.
  const from = await p.directory.find(changed.before.fromTenantId);
  if (from) await referralAnswered(p, from, changed.before.complaintId, partner.id);
  if (changed.before.token) await sendWithRetry(p, changed.before.token, { step: 'referrals', outcome: 'done' });
  return changed.after;
}

/** The answer that comes after the referring institution went ahead without it. */
function lateAnswer(r: Referral) {
  const why =
    r.status === 'lapsed'
      ? `its deadline (${r.deadline}) passed and ${r.fromTenantName} proceeded without your answer`
      : `${r.fromTenantName} proceeded without your answer while your institution was suspended`;
  return conflict(
    `referral_${r.status}`,
    `the referral was ${r.status} at ${r.endedAt ?? r.updatedAt}: ${why}; an answer is no longer accepted`,
    {
      status: r.status,
      deadline: r.deadline,
    },
  );
}
