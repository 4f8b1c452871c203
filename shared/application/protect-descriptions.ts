import type { Tenant } from '../domain/tenant/tenant-schema';
import { peopleOf, protectDescription } from '../pii/description';
import { changeComplaint } from './complaint-change';
import type { Platform } from './platform';

const MIGRATION_ACTOR = { kind: 'system' as const, id: 'protect-descriptions' };

/**
 * The one-off migration of a complaint stored before descriptions were encrypted: the clear text
 * becomes ciphertext and a redacted copy, under the record's version like any change. Nothing about
 * the complaint changes, so no event is recorded. Returns whether there was anything to do.
 */
export async function protectStoredDescription(p: Platform, tenant: Tenant, id: string): Promise<boolean> {
  const { transition } = await changeComplaint(p, tenant, id, MIGRATION_ACTOR, async (r) => {
    if (r.descriptionEnc !== undefined || r.description === undefined) return null;
    const stored = await protectDescription(p.cipher, tenant.id, r.description, await peopleOf(p.cipher, r));
    return { patch: { ...stored, description: undefined }, events: [] };
  });
  return transition !== null;
}

/** Every complaint of the tenant still holding its description in clear. A scan: for a one-off run only. */
export async function protectStoredDescriptions(p: Platform, tenant: Tenant): Promise<number> {
  let done = 0;
  for await (const ids of p.complaints.clearDescriptionIds(tenant.tableName))
    for (const id of ids) if (await protectStoredDescription(p, tenant, id)) done++;
  p.logger.info('descriptions protected', { tenantId: tenant.id, count: done });
  return done;
}
