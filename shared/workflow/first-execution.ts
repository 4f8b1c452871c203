import type { ComplaintRecord } from '../domain/complaint/complaint-schema';
import { dueEscalations, stepWindows, timerDueAt, timerSeconds } from '../domain/complaint/lifecycle';
import type { SlaPolicy } from '../domain/sla';
import type { WorkflowEngine } from '../ports/workflow-engine';
import type { ExecutionInput } from './task-payloads';

/**
 * A complaint's first execution input. When nothing is due yet (the usual case) the first timer goes
 * along at `$.Payload`, where `Await_acknowledgement`'s TimeoutSecondsPath reads it: the execution
 * waits at once, one task invocation and two transitions fewer per complaint.
 */
export function firstExecutionInput(
  r: ComplaintRecord,
  first: { policy: SlaPolicy; timezone: string; now: string } | undefined,
): ExecutionInput {
  const input: ExecutionInput = { tenantId: r.tenantId, complaintId: r.id, partners: r.partners };
  if (!first) return input;
  const plan = dueEscalations({
    windows: stepWindows('acknowledgement', r),
    policy: first.policy,
    timezone: first.timezone,
    firedUntil: null,
    now: first.now,
  });
  if (plan.due.length === 0) input.Payload = { timeoutSeconds: timerSeconds(first.now, plan.next), proceed: false };
  return input;
}

/**
 * The position intake stores with the complaint: waiting at the acknowledgement, with the token the
 * engine will park on when it can tell it in advance (the local engine's are deterministic; Step
 * Functions mints its own, which the first wait stores).
 */
export type FirstPosition = {
  step: 'acknowledgement';
  since: string;
  firedUntil: null;
  token: string | null;
  dueAt?: string;
};

export const firstPosition = (engine: WorkflowEngine, input: ExecutionInput, at: string): FirstPosition => ({
  step: 'acknowledgement',
  since: at,
  firedUntil: null,
  token:
    engine.tokenFor?.({ tenantId: input.tenantId, complaintId: input.complaintId, step: 'acknowledgement' }) ?? null,
  // The first timer's due time goes with it: a restarted local engine parks the complaint from these.
  ...(input.Payload && { dueAt: timerDueAt(at, input.Payload.timeoutSeconds) }),
});
