import type { Surface } from '../app';
import { adminRoutes } from '../routes/admin-routes';
import { calendarRoutes } from '../routes/calendar-routes';

/** `/admin/*`: the platform operator. */
export const adminSurface: Surface = {
  prefix: '/admin/*',
  register: (app, p) => {
    adminRoutes(app, p);
    calendarRoutes(app, p);
  },
};
