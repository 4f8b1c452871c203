import { z } from 'zod';
import type { WorkflowPosition } from '../domain/complaint/complaint-schema';
import { executionOf, replacedExecution, restartedExecution } from '../domain/complaint/execution-name';
import { recordedStep, reviewWindowOpen, type WaitStep, WaitStepSchema } from '../domain/complaint/lifecycle';
import { notFound } from '../domain/errors';
import type { Tenant } from '../domain/tenant/tenant-schema';
import type { ExecutionInput } from '../workflow/task-payloads';
import { changeComplaint, WORKFLOW_ACTOR } from './complaint-change';
import { complaintPolicy } from './effective-policy';
import type { Platform } from './platform';

export const RepairSchema = z.object({
  complaintId: z.string(),
  /** The step the position stored (null: none yet). */
  from: WaitStepSchema.nullable(),
  to: WaitStepSchema,
  /** The execution that runs the lifecycle now (offline: from the next start). */
  execution: z.string(),
  /** Started by the repair; offline, the next start of the runtime resumes it. */
  restarted: z.boolean(),
});
export type Repair = z.infer<typeof RepairSchema>;

/**
 * `offline`: the platform is stopped (the CLI), so no engine runs to restart with; only the stored
 * positions move, and the next start of the runtime resumes there.
 */
export type RepairMode = { offline?: boolean };

/** Open complaints looked at per page: a page of restarts stays well inside one operator request (29 s). */
export const REPAIR_PAGE = 50;

const ORDER = WaitStepSchema.options;

/**
 * Re-enters lifecycles broken by the signal race fixed in issue 7 at the step their record is at:
 * an execution stored (or running) at a step past the one whose action is due skipped it, and one
 * that ended while the complaint is open left it unwatched. Their stored position is moved back to
 * the recorded step and, on a running platform, the execution restarted there through the engine
 * (under the next name, shared/domain/complaint/execution-name.ts). Positions behind the record
 * are left: their waits find the recorded actions and catch up by themselves.
 */
export async function repairLifecycles(
  p: Platform,
  tenant: Tenant,
  o: RepairMode & { complaintId?: string } = {},
): Promise<Repair[]> {
  if (o.complaintId) {
    const repair = await repairLifecycle(p, tenant, o.complaintId, o);
    return repair ? [repair] : [];
  }
  const repairs: Repair[] = [];
  let cursor: string | undefined;
  do {
    const page = await repairLifecyclePage(p, tenant, { ...o, ...(cursor && { cursor }) });
    repairs.push(...page.repairs);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return repairs;
}

/** One page of the tenant's open complaints, for a caller that cannot wait for all of them. */
export async function repairLifecyclePage(
  p: Platform,
  tenant: Tenant,
  o: RepairMode & { cursor?: string },
): Promise<{ repairs: Repair[]; nextCursor: string | null }> {
  const page = await p.complaints.list(tenant.tableName, { limit: REPAIR_PAGE, ...(o.cursor && { cursor: o.cursor }) });
  const repairs: Repair[] = [];
  for (const c of page.items) {
    const repair = await repairLifecycle(p, tenant, c.id, o);
    if (repair) repairs.push(repair);
  }
  return { repairs, nextCursor: page.nextCursor };
}

/** The repair of one complaint's lifecycle, or null when it needs none. */
export async function repairLifecycle(
  p: Platform,
  tenant: Tenant,
  id: string,
  o: RepairMode = {},
): Promise<Repair | null> {
  const { record, position } = await p.complaints.getWithPosition(tenant.tableName, id);
  if (!record) throw notFound('complaint');
  const now = p.clock.now().toISOString();
  const policy = await complaintPolicy(p, tenant, record);
  const at = recordedStep(record, reviewWindowOpen(record, policy.reviewRequestWindow !== null, now));
  if (at === 'closed' || at === 'ended') return null;
  // Closing comes after the last wait: re-entering at that wait closes the complaint by the rules.
  const step: WaitStep =
    at !== 'close' ? at : record.status === 'review_feedback_delivered' ? 'review_feedback' : 'review_window';
  const ahead = position !== undefined && ORDER.indexOf(position.step) > ORDER.indexOf(step);
  const current = executionOf(id, position);
  const status = o.offline ? undefined : (await p.workflow.describeExecution(current)).status;
  const stopped = status !== undefined && status !== 'RUNNING';
  if (!ahead && !stopped) return null;
  // A stored name that never ran is a start that did not happen: the first one (intake stopped
  // before it) or a restart cut short after this position was stored. That one is started, not a next.
  const execution = status === undefined || status === 'NOT_FOUND' ? current : restartedExecution(id, current);
  await movePosition(p, tenant, id, position, step, execution);
  if (status !== undefined)
    await launch(p, current, execution, {
      tenantId: tenant.id,
      complaintId: id,
      partners: record.partners,
      resume: { step },
    });
  const repair = {
    complaintId: id,
    from: position?.step ?? null,
    to: step,
    execution,
    restarted: status !== undefined,
  };
  p.logger.info('lifecycle repaired', { tenantId: tenant.id, ...repair });
  return repair;
}

/**
 * Starts `execution`, stopping first the one it replaces if that still runs (a restart retried
 * after its position was stored finds the same pair). Only a complaint's first execution replaces
 * none; started by the complaint id, it meets a late start by intake as one execution.
 */
async function launch(p: Platform, current: string, execution: string, input: ExecutionInput) {
  const replaced = execution !== current ? current : replacedExecution(input.complaintId, execution);
  if (replaced) await p.workflow.restartExecution(replaced, input);
  else await p.workflow.startExecution(execution, input);
}

/**
 * The stored position at the step to re-enter, with no token (the re-entered wait stores its own)
 * and naming the execution that will wait there, before it starts: its first write keeps the name.
 */
async function movePosition(
  p: Platform,
  tenant: Tenant,
  id: string,
  from: WorkflowPosition | undefined,
  step: WaitStep,
  execution: string,
) {
  await changeComplaint(p, tenant, id, WORKFLOW_ACTOR, (_r, now) => ({
    patch: {},
    events: [],
    position: {
      step,
      since: now,
      firedUntil: from?.firedUntil ?? null,
      token: null,
      ...(from?.escalated !== undefined && { escalated: from.escalated }),
      ...(execution !== id && { execution }),
    },
  }));
}
