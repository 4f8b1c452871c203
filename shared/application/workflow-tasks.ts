import type { ComplaintRecord } from '../domain/complaint/complaint-schema';
import {
  type DueEscalation,
  dueEscalations,
  sharesDeadline,
  stepOutcome,
  stepWindows,
  timerSeconds,
  type WaitStep,
} from '../domain/complaint/lifecycle';
import type { Transition } from '../domain/complaint/transitions';
import { notFound } from '../domain/errors';
import type { Tenant } from '../domain/tenant/tenant-schema';
import { escalationChain, headOffice } from '../domain/tenant/units';
import type { TaskPayload, Timer } from '../workflow/task-payloads';
import { changeComplaint, sendWithRetry, WORKFLOW_ACTOR } from './complaint-change';
import { complaintPolicy } from './effective-policy';
import type { Platform } from './platform';
import { referralAnswered, referralTick, referralWait } from './referral-tasks';
import { tenantUnits } from './tenant-settings';

/** One transaction holds at most 100 items; a long-unattended complaint catches up over several ticks. */
const MAX_ESCALATIONS_PER_TICK = 40;

/**
 * The workflow's task handler — the `workflow` Lambda in AWS, called in-process locally. Every kind
 * is idempotent: a repeated or resumed call finds what an earlier one stored and does no more.
 */
export async function handleWorkflowTask(p: Platform, task: TaskPayload): Promise<Timer | Record<string, never>> {
  const tenant = await p.directory.find(task.tenantId);
  if (!tenant) throw notFound('tenant');
  switch (task.kind) {
    case 'tick': {
      if (task.step !== 'referrals') return tick(p, tenant, task.complaintId, task.step);
      // While partners are asked, the complaint's own decision deadline keeps running: watch both.
      const partnerTimer = await referralTick(p, tenant, task.complaintId, task.partnerTenantId!);
      const ownTimer = await tick(p, tenant, task.complaintId, 'referrals');
      return { seconds: Math.min(partnerTimer.seconds, ownTimer.seconds), proceed: false };
    }
    case 'wait':
      await (task.step === 'referrals'
        ? referralWait(p, tenant, task.complaintId, task.partnerTenantId!, task.taskToken)
        : wait(p, tenant, task.complaintId, task.step, task.taskToken));
      return {};
    case 'referral_answered':
      await referralAnswered(p, tenant, task.complaintId, task.partnerTenantId);
      return {};
    case 'close':
      await close(p, tenant, task.complaintId);
      return {};
  }
}

/**
 * Enters the step (first call), records every escalation checkpoint that fell due since the last
 * tick, and returns the time to the next one. For the review window, `proceed` says it has ended.
 */
async function tick(p: Platform, tenant: Tenant, complaintId: string, step: WaitStep): Promise<Timer> {
  const units = await tenantUnits(p, tenant);
  let next: string | undefined;
  const { after, transition } = await changeComplaint(
    p,
    tenant,
    complaintId,
    WORKFLOW_ACTOR,
    async (r, now, position) => {
      const policy = await complaintPolicy(p, tenant, r);
      const entering = position?.step !== step;
      // Steps that watch the same deadline (acknowledgement → decision → feedback) do not fire its checkpoints twice.
      const carry = !entering || (position !== undefined && sharesDeadline(position.step, step, r));
      const firedUntil = carry ? (position?.firedUntil ?? null) : null;
      const plan = dueEscalations({
        windows: stepWindows(step, r),
        policy,
        timezone: tenant.timezone,
        firedUntil,
        now,
      });
      next = plan.next;
      const base = {
        step,
        since: entering ? now : position!.since,
        firedUntil,
        token: entering ? null : position!.token,
      };
      if (stepOutcome(step, r)) return entering ? { patch: {}, events: [], position: base } : null;
      const due = plan.due.slice(0, MAX_ESCALATIONS_PER_TICK);
      if (due.length < plan.due.length) next = now;
      const opensWindow =
        step === 'review_window' && r.status === 'feedback_delivered' && policy.reviewRequestWindow !== null;
      if (due.length === 0 && !opensWindow) return entering ? { patch: {}, events: [], position: base } : null;
      return escalate(
        r,
        step,
        base,
        due,
        opensWindow,
        units ? escalationChain(units, r.unitId ?? headOffice(units)?.id ?? '') : [],
      );
    },
  );
  for (const e of transition?.events ?? []) {
    if (e.type !== 'escalated') continue;
    const d = e.data as {
      level: number;
      unitId: string | null;
      kind: 'checkpoint' | 'deadline' | 'overdue';
      dueAt: string;
    };
    await p.notifier.escalation({
      tenantId: tenant.id,
      complaintId,
      reference: after.reference,
      step,
      level: d.level,
      unitId: d.unitId,
      kind: d.kind,
      deadline: d.dueAt,
    });
  }
  const now = p.clock.now().toISOString();
  if (step === 'review_window') {
    const policy = await complaintPolicy(p, tenant, after);
    const windowEnd = after.deadlines.reviewRequest;
    const proceed =
      !policy.reviewRequestWindow || (after.status === 'review_window' && windowEnd !== undefined && now >= windowEnd);
    return { seconds: timerSeconds(now, windowEnd), proceed };
  }
  return { seconds: timerSeconds(now, next), proceed: false };
}

function escalate(
  r: ComplaintRecord,
  step: WaitStep,
  base: NonNullable<Transition['position']>,
  due: DueEscalation[],
  opensWindow: boolean,
  chain: { id: string }[],
): Transition {
  const events: Transition['events'] = opensWindow
    ? [{ type: 'review_window_opened', data: { until: r.deadlines.reviewRequest ?? null } }]
    : [];
  let overdue = r.overdue;
  let level = r.escalationLevel;
  for (const c of due) {
    const unit = chain[Math.min(c.level, chain.length) - 1];
    events.push({
      type: 'escalated',
      data: {
        step,
        deadline: c.window.name,
        level: c.level,
        unitId: unit?.id ?? null,
        kind: c.kind,
        checkpointAt: c.at,
        dueAt: c.window.deadline,
      },
    });
    level = Math.max(level, c.level);
    if (!overdue && c.kind !== 'checkpoint' && c.window.duty) {
      overdue = true;
      events.push({ type: 'overdue', data: { step, deadline: c.window.name, dueAt: c.window.deadline } });
    }
  }
  return {
    patch: { escalationLevel: level, overdue, ...(opensWindow && { status: 'review_window' as const }) },
    events,
    counts: {
      ...(due.length > 0 && { escalations: due.length }),
      ...(overdue && !r.overdue && { [`overdue.${step}`]: 1 }),
    },
    position: { ...base, firedUntil: due.at(-1)?.at ?? base.firedUntil },
  };
}

/**
 * Parks the execution: stores the token so the next staff action can complete it, or completes it
 * at once when the step is already done (the action came first, or the engine resumed after it).
 */
async function wait(p: Platform, tenant: Tenant, complaintId: string, step: WaitStep, token: string): Promise<void> {
  let outcome: string | undefined;
  await changeComplaint(p, tenant, complaintId, WORKFLOW_ACTOR, (r, now, position) => {
    outcome = stepOutcome(step, r);
    if (outcome || position?.token === token) return null;
    const base = position?.step === step ? position : { step, since: now, firedUntil: null, token: null };
    return { patch: {}, events: [], position: { step, since: base.since, firedUntil: base.firedUntil, token } };
  });
  if (outcome) await sendWithRetry(p, token, { outcome });
}

/** Mandatory steps are structural: the machine reaches Close only after the decision and its feedback. */
async function close(p: Platform, tenant: Tenant, complaintId: string): Promise<void> {
  await changeComplaint(p, tenant, complaintId, WORKFLOW_ACTOR, (r, now) => {
    if (
      r.status === 'closed' ||
      !['feedback_delivered', 'review_window', 'review_feedback_delivered'].includes(r.status)
    )
      return null;
    const reason =
      r.status === 'review_feedback_delivered'
        ? 'review_completed'
        : r.deadlines.reviewRequest
          ? 'review_window_ended'
          : 'no_review_stage';
    return {
      patch: { status: 'closed', closedAt: now },
      events: [{ type: 'closed', data: { reason } }],
      counts: { closed: 1 },
    };
  });
}
