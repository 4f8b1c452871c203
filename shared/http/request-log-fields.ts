import { tryGetContext } from 'hono/context-storage';
import type { LogFields } from '../ports/logger';
import type { AppEnv } from './env';

/** The request id and tenant of the request being served, for log lines written deep in a use case. */
export function requestLogFields(): LogFields {
  const c = tryGetContext<AppEnv>();
  if (!c) return {};
  return { requestId: c.var.requestId, tenantId: c.var.tenant?.id ?? c.var.principal?.tenantId ?? null };
}
