import createClient from 'openapi-fetch';
import type { paths } from './schema';

export type { components, paths } from './schema';

/**
 * A typed client for the Redress API: every path, body and response is checked by the compiler
 * against the OpenAPI document the API serves.
 */
export function redressClient(baseUrl: string, token: string) {
  return createClient<paths>({ baseUrl, headers: { authorization: `Bearer ${token}` } });
}
