import type { Context } from 'hono';
import type { AppEnv } from '../http/env';
import type { WebEnv } from './web-env';

/**
 * A page's context as the API's helpers take it (cursor sealing): pages run inside the same app, so
 * its cursor sealer is the API's and a page's cursor is bound to the page's own route and filters.
 */
export const appContext = (c: Context<WebEnv>) => c as unknown as Context<AppEnv>;
