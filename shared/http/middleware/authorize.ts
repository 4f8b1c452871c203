import type { MiddlewareHandler } from 'hono';
import type { TenantDirectory } from '../../application/tenant-directory';
import { type Action, can, isTenantAction } from '../../auth/roles';
import { forbidden } from '../../domain/errors';
import type { AppEnv } from '../env';

/**
 * The permission check of one route, from the one matrix in shared/auth/roles. For tenant actions it
 * also loads the caller's own, active tenant: the only tenant that route will ever read or write.
 */
export function authorize<E extends AppEnv = AppEnv>(directory: TenantDirectory, action: Action): MiddlewareHandler<E> {
  return async (c, next) => {
    const principal = c.var.principal;
    if (!can(principal.roles, action)) throw forbidden('forbidden', `your roles do not allow ${action}`);
    if (isTenantAction(action)) c.set('tenant', await directory.active(principal.tenantId));
    await next();
  };
}
