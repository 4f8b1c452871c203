import type { Surface } from '../app';
import { adminRoutes } from '../routes/admin-routes';

/** `/admin/*`: the platform operator. */
export const adminSurface: Surface = { prefix: '/admin/*', register: adminRoutes };
