import { tenantSurface } from '../../shared/http/surfaces/tenant';
import { consoleSurface } from '../../shared/web/console/console-surface';
import { httpHandler } from '../http-handler';

/** `/v1/*` and the console `/console/*`: tenant staff. Tenant tables only through tenant-tagged credentials. */
export const handler = httpHandler('redress-api', tenantSurface, consoleSurface);
