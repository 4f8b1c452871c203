import { timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';

export const isUnsafe = (method: string) => !['GET', 'HEAD', 'OPTIONS'].includes(method);

export function sameToken(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * A write must come from one of our own pages: the browser's Origin (or Sec-Fetch-Site) names this
 * site, on top of the token the form carries. Either alone would do; both cost nothing.
 */
export function fromOwnSite(c: Context): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
  const origin = c.req.header('origin');
  if (origin === undefined || origin === 'null') return origin === undefined;
  try {
    return new URL(origin).host.toLowerCase() === (c.req.header('host') ?? new URL(c.req.url).host).toLowerCase();
  } catch {
    return false;
  }
}

/** The token a request carries: the form's `_csrf` field, or the header htmx sends. */
export async function submittedToken(c: Context): Promise<string | undefined> {
  const header = c.req.header('x-csrf-token');
  if (header) return header;
  const type = c.req.header('content-type') ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data'))
    return undefined;
  const body = await c.req.parseBody();
  const v = body._csrf;
  return typeof v === 'string' ? v : undefined;
}
