import { regulatorSurface } from '../../shared/http/surfaces/regulator';
import { httpHandler } from '../http-handler';

/** `/regulator/*`: read-only across institutions; its role cannot write anywhere. */
export const handler = httpHandler('redress-regulator', regulatorSurface);
