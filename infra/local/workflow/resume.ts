import type { WorkflowPosition } from '../../../shared/domain/complaint/complaint-schema';
import { executionOf } from '../../../shared/domain/complaint/execution-name';
import { currentStep, stepOutcome, type WaitStep } from '../../../shared/domain/complaint/lifecycle';
import type { Tenant } from '../../../shared/domain/tenant/tenant-schema';
import type { OpenLifecycle } from '../../../shared/store/complaints-repo';
import type { LocalPlatform } from '../platform';

/**
 * After a start or a crash, every open complaint gets its execution back. Most are parked straight
 * from the stored position (its token and due time: no task runs, nothing is written); the others
 * enter the definition at the step they wait at (its resume Choice): positions stored before due
 * times were, the partners' Map, a step the record says is done, a timer that fell due while the
 * platform was down. Deadlines are absolute and escalation state is stored, so such a timer fires
 * once, on the first tick. A restarted lifecycle resumes under the name its position stores, the
 * one whoever describes it will ask for. Stops early once `signal` aborts (the platform stopping).
 */
type Page = { items: OpenLifecycle[]; nextCursor: string | null };

/** Open complaints read a page at a time (a Query, then their positions, 100 to a BatchGetItem). */
const PAGE = 500;

export async function resumeOpenLifecycles(p: LocalPlatform, signal?: AbortSignal): Promise<number> {
  return p.engine.resume(async () => {
    let resumed = 0;
    let tenantCursor: string | undefined;
    do {
      const tenants = await p.tenants.list(100, tenantCursor);
      for (const tenant of tenants.items.filter((t) => t.status !== 'provisioning')) {
        const pageAfter = (cursor?: string): Promise<Page> =>
          p.complaints.openLifecycles(tenant.tableName, { limit: PAGE, ...(cursor && { cursor }) });
        let next: Promise<Page> | undefined = pageAfter();
        while (next) {
          const page: Page = await next;
          if (signal?.aborted) return resumed;
          // The next page is read while this one's positions are: the resume is reads and nothing else.
          next = page.nextCursor ? pageAfter(page.nextCursor) : undefined;
          next?.catch(() => undefined);
          const positions = await p.complaints.getPositions(
            tenant.tableName,
            page.items.map((c) => c.id),
          );
          const now = p.clock.now().getTime();
          await Promise.all(page.items.map((c) => resumeOne(p, tenant, c, positions.get(c.id), now)));
          resumed += page.items.length;
        }
      }
      tenantCursor = tenants.nextCursor ?? undefined;
    } while (tenantCursor);
    return resumed;
  });
}

async function resumeOne(
  p: LocalPlatform,
  tenant: Tenant,
  c: OpenLifecycle,
  position: WorkflowPosition | undefined,
  now: number,
): Promise<void> {
  const name = executionOf(c.id, position);
  const parked = parkedAt(p, tenant, c, position, now);
  if (parked) {
    p.engine.resumeParked({ name, tenantId: tenant.id, complaintId: c.id, partners: c.partners, ...parked });
    return;
  }
  await p.workflow.startExecution(name, {
    tenantId: tenant.id,
    complaintId: c.id,
    partners: c.partners,
    resume: { step: currentStep(position) },
  });
}

/** The wait the stored position describes, when parking there is all re-entering would do. */
function parkedAt(
  p: LocalPlatform,
  tenant: Tenant,
  c: OpenLifecycle,
  position: WorkflowPosition | undefined,
  now: number,
): { step: Exclude<WaitStep, 'referrals'>; token: string; due: number } | undefined {
  if (!position?.token || !position.dueAt || position.step === 'referrals') return undefined;
  const due = Date.parse(position.dueAt);
  if (!(due > now) || stepOutcome(position.step, c)) return undefined;
  const token = p.engine.tokenFor({ tenantId: tenant.id, complaintId: c.id, step: position.step });
  if (token !== position.token) return undefined;
  return { step: position.step, token, due };
}
