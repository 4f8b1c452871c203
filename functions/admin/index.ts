import { httpHandler } from '../http-handler';

/** `/admin/*`: the platform operator; the only function that may start provisioning a tenant. */
export const handler = httpHandler('admin');
