import type { Principal } from '../auth/principal';
import { canReadPii } from '../auth/principal';
import type { ComplaintRecord, ComplaintView } from '../domain/complaint/complaint-schema';
import type { ActionContext, Transition } from '../domain/complaint/transitions';
import type { Tenant } from '../domain/tenant/tenant-schema';
import { changeComplaint } from './complaint-change';
import { renderComplaint } from './complaint-view';
import { complaintPolicy } from './effective-policy';
import type { Platform } from './platform';

/**
 * Runs one staff action: the domain judges it by the complaint's record alone (409 only where the
 * record conflicts), the change is stored with its events in one transaction, then the execution is
 * resumed if it waits at the step the action completes. With `ifMatch` the caller pins the version it saw.
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
    async (record, at) =>
      decide(record, {
        at,
        actor: principal.sub,
        // The version the complaint was registered under, not the tenant's current one.
        policy: await complaintPolicy(p, tenant, record),
        timezone: tenant.timezone,
        calendars,
      }),
    ifMatch === undefined ? {} : { ifMatch },
  );
  return renderComplaint(after, p.cipher, canReadPii(principal));
}
