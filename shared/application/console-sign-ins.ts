import type { Principal } from '../auth/principal';
import type { Tenant } from '../domain/tenant/tenant-schema';
import type { ConsoleUser } from '../store/sign-ins-repo';
import type { Platform } from './platform';

/**
 * Notes a console sign-in (who, the roles the IdP gave, when) in the institution's own table: there
 * is no user directory here, so this is how its admin sees who works in the console with what roles.
 */
export async function recordConsoleSignIn(p: Platform, principal: Principal): Promise<void> {
  if (!principal.tenantId) return;
  const tenant = await p.directory.find(principal.tenantId);
  if (tenant?.status !== 'active') return;
  await p.signIns.record(tenant.tableName, principal, p.clock.now().toISOString());
}

/** Everyone who signed in, the most recent first. */
export async function consoleUsers(p: Platform, tenant: Tenant): Promise<ConsoleUser[]> {
  const users = await p.signIns.list(tenant.tableName);
  return users.sort((a, b) => b.lastSeenAt.localeCompare(a.lastSeenAt) || a.sub.localeCompare(b.sub));
}
