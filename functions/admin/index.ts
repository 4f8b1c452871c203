import { adminSurface } from '../../shared/http/surfaces/admin';
import { httpHandler } from '../http-handler';

/** `/admin/*`: the platform operator; the only function that may start provisioning a tenant. */
export const handler = httpHandler('redress-admin', adminSurface);
