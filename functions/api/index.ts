import { tenantSurface } from '../../shared/http/surfaces/tenant';
import { httpHandler } from '../http-handler';

/** `/v1/*`: tenant staff. Tenant tables only through tenant-tagged credentials. */
export const handler = httpHandler('redress-api', tenantSurface);
