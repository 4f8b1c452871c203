import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import type { WebEnv } from '../web-env';
import type { WebOptions } from '../web-surface';
import { ADMIN } from './admin-frame';

const PURPOSE = 'webhook secret once';
const SECONDS = 300;
const PATH = `${ADMIN}/webhooks`;
const Flash = z.object({ endpointId: z.string(), secret: z.string(), sub: z.string(), tenantId: z.string() });

/**
 * A new signing secret crosses the redirect after its POST (PRG) in a sealed, short-lived cookie of
 * the webhook pages only, bound to the user and institution; the endpoint's page shows it once and
 * clears it. It never appears in a URL, a log or a page that can be opened again.
 */
export function secretFlash(web: WebOptions) {
  const name = `${web.secureCookies ? '__Secure-' : ''}redress_console_secret`;
  const options = { path: PATH, secure: web.secureCookies, httpOnly: true, sameSite: 'Strict' as const };
  return {
    async keep(c: Context<WebEnv>, endpointId: string, secret: string) {
      const value = { endpointId, secret, sub: c.var.principal.sub, tenantId: c.var.tenant.id };
      setCookie(c, name, await web.sessions.sealValue(value, PURPOSE, SECONDS), { ...options, maxAge: SECONDS });
    },
    /** The secret of this endpoint kept for this user, once; undefined when there is none. */
    async take(c: Context<WebEnv>, endpointId: string): Promise<string | undefined> {
      const sealed = getCookie(c, name);
      if (!sealed) return undefined;
      const flash = Flash.safeParse(await web.sessions.openValue(sealed, PURPOSE)).data;
      const mine =
        flash?.endpointId === endpointId && flash.sub === c.var.principal.sub && flash.tenantId === c.var.tenant.id;
      if (!mine) return undefined;
      deleteCookie(c, name, options);
      return flash.secret;
    },
  };
}
