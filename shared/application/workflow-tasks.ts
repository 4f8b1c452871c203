import type { ComplaintRecord } from '../domain/complaint/complaint-schema';
import {
  type DueEscalation,
  dueEscalations,
  recordedStep,
  reviewWindowOpen,
  runningWindows,
  sharesDeadline,
  stepOutcome,
  timerDueAt,
  timerSeconds,
  type WaitStep,
} from '../domain/complaint/lifecycle';
import type { Transition } from '../domain/complaint/transitions';
import { notFound } from '../domain/errors';
import type { Tenant } from '../domain/tenant/tenant-schema';
import { escalationChain, headOffice, type UnitTree } from '../domain/tenant/units';
import type { CloseResult, TaskPayload, Timer } from '../workflow/task-payloads';
import { changeComplaint, sendWithRetry, WORKFLOW_ACTOR } from './complaint-change';
import { complaintPolicy } from './effective-policy';
import type { Platform } from './platform';
import { referralAnswered, referralTick, referralWait } from './referral-tasks';
import { tenantUnits } from './tenant-settings';

/** One transaction holds at most 100 items: escalations are written 40 at a time. */
const ESCALATIONS_PER_TRANSACTION = 40;
/**
 * A catch-up (a long outage, a receipt far in the past) must not flood the institution: one tick
 * emits at most this many escalations, one complaint at most `ESCALATIONS_IN_ALL` (a deadline stops
 * its daily reminders after 366 anyway; this bounds the sum over a complaint's deadlines). What is
 * left is summed up in one `escalation_capped` event; the level and the overdue flag still count it.
 */
export const ESCALATIONS_PER_TICK = 100;
export const ESCALATIONS_IN_ALL = 500;

/**
 * The workflow's task handler — the `workflow` Lambda in AWS, called in-process locally. Every kind
 * is idempotent: a repeated or resumed call finds what an earlier one stored and does no more.
 */
export async function handleWorkflowTask(
  p: Platform,
  task: TaskPayload,
): Promise<Timer | { step: CloseResult } | Record<string, never>> {
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
        : wait(p, tenant, task.complaintId, task.step, task.taskToken, task.timeoutSeconds));
      return {};
    case 'referral_answered':
      await referralAnswered(p, tenant, task.complaintId, task.partnerTenantId);
      return {};
    case 'close':
      return close(p, tenant, task.complaintId);
  }
}

/**
 * Enters the step (first call), records every escalation checkpoint that fell due since the last
 * tick (in transactions of a bounded size, until none is left, within the caps), and returns the
 * time to the next one. For the review window, `proceed` says it has ended.
 */
async function tick(p: Platform, tenant: Tenant, complaintId: string, step: WaitStep): Promise<Timer> {
  await p.interleaving?.pause('before_tick');
  const units = await tenantUnits(p, tenant);
  let next: string | undefined;
  let emitted = 0;
  let after: ComplaintRecord | undefined;
  for (let more = true; more; ) {
    const changed = await changeComplaint(p, tenant, complaintId, WORKFLOW_ACTOR, async (r, now, position) => {
      // The version the complaint was registered under, not the tenant's current one.
      const policy = await complaintPolicy(p, tenant, r);
      const entering = position?.step !== step;
      // Steps that watch the same deadline (acknowledgement → decision → feedback) do not fire its checkpoints twice.
      const carry = !entering || (position !== undefined && sharesDeadline(position.step, step, r));
      const firedUntil = carry ? (position?.firedUntil ?? null) : null;
      const plan = dueEscalations({
        windows: runningWindows(step, r),
        policy,
        timezone: tenant.timezone,
        firedUntil,
        now,
      });
      const base = {
        step,
        since: entering ? now : position!.since,
        firedUntil,
        token: entering ? null : position!.token,
        escalated: position?.escalated ?? 0,
      };
      const enter = entering ? { patch: {}, events: [], position: base } : null;
      if (stepOutcome(step, r)) return { transition: enter, value: { next: plan.next, more: false } };
      const allowed = Math.max(0, Math.min(ESCALATIONS_PER_TICK - emitted, ESCALATIONS_IN_ALL - base.escalated));
      const due = plan.due.slice(0, Math.min(allowed, ESCALATIONS_PER_TRANSACTION));
      const capped = due.length < ESCALATIONS_PER_TRANSACTION && due.length < plan.due.length;
      const value = { next: plan.next, more: !capped && due.length < plan.due.length };
      const opensWindow =
        step === 'review_window' && r.status === 'feedback_delivered' && policy.reviewRequestWindow !== null;
      if (due.length === 0 && !capped && !opensWindow) return { transition: enter, value };
      const skipped = capped ? plan.due.slice(due.length) : [];
      return { transition: escalate(r, step, base, due, skipped, opensWindow, chainOf(units, r)), value };
    });
    ({ next, more } = changed.value);
    after = changed.after;
    const fired = (changed.transition?.events ?? []).filter((e) => e.type === 'escalated');
    emitted += fired.length;
  }
  const now = p.clock.now().toISOString();
  if (step === 'review_window') {
    const policy = await complaintPolicy(p, tenant, after!);
    const windowEnd = after!.deadlines.reviewRequest;
    const proceed =
      !policy.reviewRequestWindow || (after!.status === 'review_window' && windowEnd !== undefined && now >= windowEnd);
    return { seconds: timerSeconds(now, windowEnd), proceed };
  }
  return { seconds: timerSeconds(now, next), proceed: false };
}

const chainOf = (units: UnitTree | undefined, r: ComplaintRecord) =>
  units ? escalationChain(units, r.unitId ?? headOffice(units)?.id ?? '') : [];

/**
 * The transaction of one batch: its escalations, and past a cap, instead of the ones `skipped`, one
 * `escalation_capped` event; the level and the overdue flag count the skipped ones too.
 */
function escalate(
  r: ComplaintRecord,
  step: WaitStep,
  base: NonNullable<Transition['position']>,
  due: DueEscalation[],
  skipped: DueEscalation[],
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
  const before = base.escalated ?? 0;
  const total = before + due.length >= ESCALATIONS_IN_ALL;
  // Past the complaint's cap the alarm is raised once; later checkpoints only move the level and flag.
  if (skipped.length > 0 && before <= ESCALATIONS_IN_ALL) {
    events.push({
      type: 'escalation_capped',
      data: {
        step,
        skipped: skipped.length,
        from: skipped[0]!.at,
        until: skipped.at(-1)!.at,
        level: Math.max(...skipped.map((c) => c.level)),
        reason: total ? 'complaint_total' : 'per_tick',
      },
    });
  }
  for (const c of skipped) {
    level = Math.max(level, c.level);
    if (!overdue && c.kind !== 'checkpoint' && c.window.duty) {
      overdue = true;
      events.push({ type: 'overdue', data: { step, deadline: c.window.name, dueAt: c.window.deadline } });
    }
  }
  const last = skipped.at(-1) ?? due.at(-1);
  return {
    patch: { escalationLevel: level, overdue, ...(opensWindow && { status: 'review_window' as const }) },
    events,
    counts: {
      ...(due.length > 0 && { escalations: due.length }),
      ...(skipped.length > 0 && { 'escalations.capped': skipped.length }),
      ...(overdue && !r.overdue && { [`overdue.${step}`]: 1 }),
    },
    // Once the complaint's cap is announced, the count passes it: the alarm is not raised again.
    position: {
      ...base,
      firedUntil: last?.at ?? base.firedUntil,
      escalated: before + due.length + (total ? skipped.length : 0),
    },
  };
}

/**
 * Parks the execution: stores the token so the next staff action can complete it, or completes it
 * at once when the step is already done (the action came first, or the engine resumed after it).
 * The token is stored only while the complaint is at the version checked (a ConditionCheck in the
 * same transaction): an action committed in between makes the store fail, and the check runs again.
 * The wait's due time goes with the token (a write only when it moved): the local engine re-parks
 * from the two after a restart.
 */
async function wait(
  p: Platform,
  tenant: Tenant,
  complaintId: string,
  step: WaitStep,
  token: string,
  timeoutSeconds: number | undefined,
): Promise<void> {
  const { value: outcome } = await changeComplaint(p, tenant, complaintId, WORKFLOW_ACTOR, async (r, now, position) => {
    const outcome = stepOutcome(step, r);
    const dueAt = timeoutSeconds ? timerDueAt(now, timeoutSeconds) : undefined;
    if (outcome || (position?.step === step && position.token === token && dueStored(position.dueAt, dueAt)))
      return { transition: null, value: outcome };
    await p.interleaving?.pause('before_token_store');
    const base = position?.step === step ? position : { step, since: now, firedUntil: null, token: null };
    const transition: Transition = {
      patch: {},
      events: [],
      position: {
        step,
        since: base.since,
        firedUntil: base.firedUntil,
        token,
        ...(position?.escalated !== undefined && { escalated: position.escalated }),
        ...(dueAt && { dueAt }),
      },
    };
    return { transition, value: outcome };
  });
  if (outcome) await sendWithRetry(p, token, { step, outcome });
}

/** Slack for a stored due time computed a moment earlier (intake's, for the first wait). */
const DUE_SLACK_MS = 60_000;

/**
 * Whether the stored due time still stands for `due`: the same, or a little earlier (a resumed
 * engine then ticks a few seconds early, which fires nothing twice). Never later: a checkpoint
 * would fire late after a restart.
 */
function dueStored(stored: string | undefined, due: string | undefined): boolean {
  if (due === undefined || stored === undefined) return stored === due;
  const early = Date.parse(due) - Date.parse(stored);
  return early >= 0 && early < DUE_SLACK_MS;
}

/**
 * Closes the complaint if its record allows it: the mandatory feedback given, and the review window
 * the rules opened over (or reviewed and told). Otherwise answers the step the record is at, and the
 * machine re-enters there: no timing can close a complaint early or skip a step.
 */
async function close(p: Platform, tenant: Tenant, complaintId: string): Promise<{ step: CloseResult }> {
  const { value: step } = await changeComplaint<CloseResult>(p, tenant, complaintId, WORKFLOW_ACTOR, async (r, now) => {
    const policy = await complaintPolicy(p, tenant, r);
    const at = recordedStep(r, reviewWindowOpen(r, policy.reviewRequestWindow !== null, now));
    if (at !== 'close') return { transition: null, value: at };
    const reason =
      r.status === 'review_feedback_delivered'
        ? 'review_completed'
        : r.deadlines.reviewRequest
          ? 'review_window_ended'
          : 'no_review_stage';
    const transition: Transition = {
      patch: { status: 'closed', closedAt: now },
      events: [{ type: 'closed', data: { reason } }],
      counts: { closed: 1 },
    };
    return { transition, value: 'closed' };
  });
  if (step !== 'closed') p.logger.warn('close refused by the record; re-entering', { complaintId, step });
  return { step };
}
