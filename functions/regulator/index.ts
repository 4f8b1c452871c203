import { regulatorSurface } from '../../shared/http/surfaces/regulator';
import { portalSurface } from '../../shared/web/portal/portal-surface';
import { httpHandler } from '../http-handler';

/** `/regulator/*` and the portal `/portal/*`: read-only across institutions; its role cannot write anywhere. */
export const handler = httpHandler('redress-regulator', regulatorSurface, portalSurface);
