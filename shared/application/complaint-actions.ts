import type { Principal } from '../auth/principal';
import { canReadPii } from '../auth/principal';
import type { ComplaintRecord, ComplaintView } from '../domain/complaint/complaint-schema';
import { currentStep } from '../domain/complaint/lifecycle';
import type { ActionContext, Transition } from '../domain/complaint/transitions';
import type { Tenant } from '../domain/tenant/tenant-schema';
import { changeComplaint } from './complaint-change';
import { renderComplaint } from './complaint-view';
import { complaintPolicy } from './effective-policy';
import type { Platform } from './platform';

/**
 * Runs one staff action: the domain decides whether it fits the step the complaint waits at (409
 * otherwise), the change is stored with its events in one transaction, then the waiting execution
 * is resumed. With `ifMatch` the caller pins the version it saw.
 */
export async function performAction(
  p: Platform,
  tenant: Tenant,
  principal: Principal,
  id: string,
  decide: (record: ComplaintRecord, ctx: ActionContext) => Transition | Promise<Transition>,
  ifMatch?: number,
): Promise<ComplaintView> {
  const calendars = await p.calendars.resolver();
  const { after } = await changeComplaint(
    p,
    tenant,
    id,
    { kind: 'user', id: principal.sub },
    async (record, at, position) =>
      decide(record, {
        at,
        actor: principal.sub,
        // The version the complaint was registered under, not the tenant's current one.
        policy: await complaintPolicy(p, tenant, record),
        timezone: tenant.timezone,
        step: currentStep(position),
        calendars,
      }),
    ifMatch === undefined ? {} : { ifMatch },
  );
  return renderComplaint(after, p.cipher, canReadPii(principal));
}
