import type { Principal } from '../auth/principal';
import type { Tenant } from '../domain/tenant/tenant-schema';
import type { Logger } from '../ports/logger';
import type { CursorSealer } from '../store/cursor';

export type AppEnv = {
  Variables: {
    requestId: string;
    logger: Logger;
    principal: Principal;
    /** Set for tenant routes only, from the verified token, never from the path or body. */
    tenant: Tenant;
    /** Seals and opens pagination cursors with the platform's key. */
    cursors: CursorSealer;
  };
};
