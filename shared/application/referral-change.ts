import type { Referral } from '../domain/complaint/referral';
import { conflict, DomainError } from '../domain/errors';
import type { Platform } from './platform';

const ATTEMPTS = 4;

/**
 * Read-modify-write of one referral, conditioned on the version read and repeated when someone
 * else wrote in between. `change` returns the new referral, or null for "nothing to do". Resolves
 * to undefined when there is no such referral.
 */
export async function changeReferral(
  p: Platform,
  table: string,
  id: string,
  change: (r: Referral) => Referral | null,
): Promise<{ before: Referral; after: Referral | null } | undefined> {
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const before = await p.referrals.get(table, id);
    if (!before) return undefined;
    const next = change(before);
    if (!next) return { before, after: null };
    try {
      await p.referrals.save(table, next, before.version);
      return { before, after: { ...next, version: before.version + 1 } };
    } catch (e) {
      if (!(e instanceof DomainError && e.code === 'version_conflict')) throw e;
    }
  }
  throw conflict('version_conflict', 'the referral kept changing; retry');
}
