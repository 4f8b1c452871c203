import type { MiddlewareHandler } from 'hono';
import type { TokenVerifier } from '../../auth/verifier';
import { DomainError } from '../../domain/errors';
import type { AppEnv } from '../env';

/** Bearer token → verified principal; nothing behind this runs for an anonymous caller. */
export function authenticate(verify: TokenVerifier): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    const match = header?.match(/^Bearer\s+([A-Za-z0-9._~+/=-]+)$/i);
    if (!match?.[1])
      throw new DomainError('unauthorized', 'unauthorized', 'send a bearer token in the Authorization header');
    const principal = await verify(match[1]);
    c.set('principal', principal);
    c.set('logger', c.var.logger.child({ tenantId: principal.tenantId ?? null, sub: principal.sub }));
    await next();
  };
}
