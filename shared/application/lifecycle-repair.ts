import type { WorkflowPosition } from '../domain/complaint/complaint-schema';
import { recordedStep, reviewWindowOpen, STEPS, type WaitStep } from '../domain/complaint/lifecycle';
import type { Tenant } from '../domain/tenant/tenant-schema';
import { changeComplaint, WORKFLOW_ACTOR } from './complaint-change';
import { complaintPolicy } from './effective-policy';
import type { Platform } from './platform';

export type Repair = { complaintId: string; from: WaitStep | null; to: WaitStep; restarted: boolean };

const ORDER = Object.keys(STEPS) as WaitStep[];

/**
 * Re-enters lifecycles broken by the signal race fixed in issue 7 at the step their record is at:
 * an execution stored (or running) at a step past the one whose action is due skipped it, and one
 * that ended while the complaint is open left it unwatched. Their stored position is moved back to
 * the recorded step, and with `restart` (the local engine's) the execution is restarted there;
 * without it (the CLI, with the platform stopped) the next start of the runtime resumes there. Positions behind the record are left:
 * their waits find the recorded actions and catch up by themselves.
 */
export async function repairLifecycles(
  p: Platform,
  tenant: Tenant,
  o: { complaintId?: string; restart?: (name: string, input: Record<string, unknown>) => Promise<void> } = {},
): Promise<Repair[]> {
  const repairs: Repair[] = [];
  const repairOne = async (id: string) => {
    const { record, position } = await p.complaints.getWithPosition(tenant.tableName, id);
    if (!record) return;
    const now = p.clock.now().toISOString();
    const policy = await complaintPolicy(p, tenant, record);
    const at = recordedStep(record, reviewWindowOpen(record, policy.reviewRequestWindow !== null, now));
    if (at === 'closed' || at === 'ended') return;
    // Closing comes after the last wait: re-entering at that wait closes the complaint by the rules.
    const step: WaitStep =
      at !== 'close' ? at : record.status === 'review_feedback_delivered' ? 'review_feedback' : 'review_window';
    const ahead = position !== undefined && ORDER.indexOf(position.step) > ORDER.indexOf(step);
    // Offline (no engine to restart with) only the stored positions count: the next start resumes there.
    const stopped = o.restart !== undefined && (await p.workflow.describeExecution(id)).status !== 'RUNNING';
    if (!ahead && !stopped) return;
    await movePosition(p, tenant, id, position, step);
    if (o.restart)
      await o.restart(id, { tenantId: tenant.id, complaintId: id, partners: record.partners, resume: { step } });
    repairs.push({ complaintId: id, from: position?.step ?? null, to: step, restarted: o.restart !== undefined });
  };
  if (o.complaintId) {
    await repairOne(o.complaintId);
    return repairs;
  }
  let cursor: string | undefined;
  do {
    const page = await p.complaints.list(tenant.tableName, { limit: 100, ...(cursor && { cursor }) });
    for (const c of page.items) await repairOne(c.id);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return repairs;
}

/** The stored position at the step to re-enter, with no token: the re-entered wait stores its own. */
async function movePosition(
  p: Platform,
  tenant: Tenant,
  id: string,
  from: WorkflowPosition | undefined,
  step: WaitStep,
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
    },
  }));
}
