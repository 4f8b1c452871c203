import type { CalendarResolver } from '../domain/calendars/calendar';
import type { CalendarId } from '../domain/calendars/calendar-data-schema';
import type { ComplaintRecord } from '../domain/complaint/complaint-schema';
import { recomputeDeadlines } from '../domain/complaint/deadline-flags';
import { presetById } from '../domain/sla';
import type { Tenant } from '../domain/tenant/tenant-schema';
import { changeComplaint } from './complaint-change';
import { complaintPolicy } from './effective-policy';
import type { Platform } from './platform';

/** Who recounted: the platform, on an operator's calendar load. */
export const CALENDAR_ACTOR = { kind: 'system' as const, id: 'calendar' };

const PAGE = 100;

/**
 * After a calendar year is loaded: every open complaint of every tenant counting in that calendar
 * whose deadlines were provisional is counted again with the new year. One that changes records
 * `deadlines_recalculated` (old and new deadlines, the calendar version) in the same transaction as
 * the new deadlines, and its waiting step is re-armed so escalation follows the new dates. A tenant
 * whose recount fails is logged and named in the answer (`failedTenants`): loading the same year
 * again recounts it. The year itself is stored either way.
 */
export async function recountOpenDeadlines(
  p: Platform,
  load: Load,
): Promise<{ recalculated: number; failedTenants: string[] }> {
  let recalculated = 0;
  const failedTenants: string[] = [];
  let tenantCursor: string | undefined;
  do {
    const tenants = await p.tenants.list(PAGE, tenantCursor);
    for (const tenant of tenants.items) {
      if (tenant.status === 'provisioning' || presetById(tenant.policy).calendar !== load.calendar) continue;
      try {
        recalculated += await recountTenant(p, tenant, load);
      } catch (e) {
        failedTenants.push(tenant.id);
        p.logger.error('deadline recount failed for a tenant', {
          tenantId: tenant.id,
          calendar: load.calendar,
          year: load.year,
          errorName: (e as Error).name,
        });
      }
    }
    tenantCursor = tenants.nextCursor ?? undefined;
  } while (tenantCursor);
  p.logger.info('deadlines recounted', { calendar: load.calendar, year: load.year, recalculated });
  return { recalculated, failedTenants };
}

async function recountTenant(p: Platform, tenant: Tenant, load: Load): Promise<number> {
  const calendars = await p.calendars.resolver();
  let count = 0;
  let cursor: string | undefined;
  do {
    const page = await p.complaints.list(tenant.tableName, { limit: PAGE, ...(cursor && { cursor }) });
    // A page at a time, its complaints side by side: each change is its own conditional transaction.
    const changed = await Promise.all(
      page.items.filter((x) => x.deadlinesProvisional).map((c) => recountOne(p, tenant, c.id, { load, calendars })),
    );
    count += changed.filter(Boolean).length;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return count;
}

type Load = { calendar: CalendarId; year: number; version: number };
type Counting = { load: Load; calendars: CalendarResolver };

/** One complaint, counted again on its fresh state; true when it changed. */
async function recountOne(p: Platform, tenant: Tenant, id: string, { load, calendars }: Counting) {
  const { transition } = await changeComplaint(p, tenant, id, CALENDAR_ACTOR, async (r) => {
    if (!r.deadlinesProvisional) return null;
    // The policy the complaint was registered under: a calendar moves its days, not its rules.
    const policy = await complaintPolicy(p, tenant, r);
    const next = recomputeDeadlines(r, policy, tenant.timezone, calendars);
    const moved = !sameDeadlines(r.deadlines, next.deadlines);
    if (!moved && sameFlags(r, next)) return null;
    return {
      patch: next,
      events: [
        {
          type: 'deadlines_recalculated',
          data: {
            calendar: load.calendar,
            year: load.year,
            calendarVersion: load.version,
            previous: r.deadlines,
            deadlines: next.deadlines,
            provisional: next.deadlinesProvisional,
          },
        },
      ],
      // The waiting step sleeps until a checkpoint of the old dates: wake it to count from the new ones.
      ...(moved && { signal: { outcome: 'rearm' as const } }),
    };
  });
  return transition !== null;
}

const sameDeadlines = (a: ComplaintRecord['deadlines'], b: ComplaintRecord['deadlines']) =>
  JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

const sameFlags = (r: ComplaintRecord, next: ReturnType<typeof recomputeDeadlines>) =>
  r.deadlinesProvisional === next.deadlinesProvisional &&
  JSON.stringify(Object.entries(r.provisionalDeadlines ?? {}).sort()) ===
    JSON.stringify(Object.entries(next.provisionalDeadlines).sort());
