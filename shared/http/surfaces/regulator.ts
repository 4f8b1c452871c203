import type { Surface } from '../app';
import { regulatorRoutes } from '../routes/regulator-routes';

/** `/regulator/*`: read-only across institutions. */
export const regulatorSurface: Surface = { prefix: '/regulator/*', register: regulatorRoutes };
