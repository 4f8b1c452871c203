import { executionOf } from '../../../shared/domain/complaint/execution-name';
import { currentStep } from '../../../shared/domain/complaint/lifecycle';
import type { LocalPlatform } from '../platform';

/**
 * After a start or a crash, every open complaint gets its execution back, entering at the step it
 * waits at (the definition's resume Choice). Deadlines are absolute and escalation state is stored,
 * so a timer that fell due while the platform was down fires once, on the first tick. A restarted
 * lifecycle resumes under the name its position stores, the one whoever describes it will ask for.
 */
export async function resumeOpenLifecycles(p: LocalPlatform): Promise<number> {
  let resumed = 0;
  let tenantCursor: string | undefined;
  do {
    const tenants = await p.tenants.list(100, tenantCursor);
    for (const tenant of tenants.items.filter((t) => t.status !== 'provisioning')) {
      let cursor: string | undefined;
      do {
        const page = await p.complaints.list(tenant.tableName, { limit: 100, ...(cursor && { cursor }) });
        await Promise.all(
          page.items.map(async (c) => {
            const position = await p.complaints.getPosition(tenant.tableName, c.id);
            await p.workflow.startExecution(executionOf(c.id, position), {
              tenantId: tenant.id,
              complaintId: c.id,
              partners: c.partners,
              resume: { step: currentStep(position) },
            });
          }),
        );
        resumed += page.items.length;
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
    }
    tenantCursor = tenants.nextCursor ?? undefined;
  } while (tenantCursor);
  return resumed;
}
