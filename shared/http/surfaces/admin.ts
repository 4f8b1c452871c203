import type { Surface } from '../app';
import { adminRoutes } from '../routes/admin-routes';
import { calendarRoutes } from '../routes/calendar-routes';
import { lifecycleRepairRoutes } from '../routes/lifecycle-repair-routes';
import { tenantSignInRoutes } from '../routes/tenant-sign-in-routes';

/** `/admin/*`: the platform operator. */
export const adminSurface: Surface = {
  prefix: '/admin/*',
  register: (app, p) => {
    adminRoutes(app, p);
    calendarRoutes(app, p);
    tenantSignInRoutes(app, p);
    lifecycleRepairRoutes(app, p);
  },
};
