import type { Context } from 'hono';
import type { AppEnv } from './env';

/** Query parameters that may change between the pages of one listing; every other one defines it. */
const PAGING = new Set(['cursor', 'limit']);

/**
 * What a cursor is bound to: the route, the caller's tenant, the path parameters (the complaint of
 * an events listing) and the filters. Called from a route's handler, where routePath is the route's.
 */
function scopeOf<E extends AppEnv>(c: Context<E>): string {
  const filters = [...new URL(c.req.url).searchParams].filter(([k]) => !PAGING.has(k)).sort();
  const params = Object.entries(c.req.param() as Record<string, string>).sort();
  return JSON.stringify([c.req.method, c.req.routePath, c.get('tenant')?.id ?? null, params, filters]);
}

/** The store's cursor inside the client's, or a 400 invalid_cursor if it belongs to no query of this one. */
export const openCursor = <E extends AppEnv>(c: Context<E>, cursor: string | undefined) =>
  c.var.cursors.open(cursor, scopeOf(c));

/** The client's cursor for the store's next page of this very query. */
export const sealCursor = <E extends AppEnv>(c: Context<E>, cursor: string | null) =>
  c.var.cursors.seal(cursor, scopeOf(c));

/** A page as the store returns it, with its cursor sealed for the client. */
export const sealedPage = <T, E extends AppEnv = AppEnv>(
  c: Context<E>,
  page: { items: T[]; nextCursor: string | null },
) => ({
  items: page.items,
  nextCursor: sealCursor(c, page.nextCursor),
});
