import type { Surface } from '../app';
import { regulatorKpiRoutes } from '../routes/regulator-kpi-routes';
import { regulatorRoutes } from '../routes/regulator-routes';

/** `/regulator/*`: read-only across institutions. */
export const regulatorSurface: Surface = {
  prefix: '/regulator/*',
  register: (app, p) => {
    regulatorRoutes(app, p);
    regulatorKpiRoutes(app, p);
  },
};
