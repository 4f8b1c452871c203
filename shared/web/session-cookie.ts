import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { WebAudience } from './session';

export type CookiePolicy = { secure: boolean; prefix: string; audience: WebAudience };

/** `__Secure-` where the runtime serves HTTPS only, so a plain-HTTP page of the same host cannot set it. */
const name = (p: CookiePolicy, base: string) => `${p.secure ? '__Secure-' : ''}redress_${p.audience}${base}`;

export const readSession = (c: Context, p: CookiePolicy) => getCookie(c, name(p, ''));

/** HttpOnly: no script reads it; SameSite=Strict: no other site's page sends it; path: its own pages only. */
export function writeSession(c: Context, p: CookiePolicy, value: string, maxAge: number) {
  setCookie(c, name(p, ''), value, { httpOnly: true, sameSite: 'Strict', secure: p.secure, path: p.prefix, maxAge });
}

export const clearSession = (c: Context, p: CookiePolicy) =>
  deleteCookie(c, name(p, ''), { path: p.prefix, secure: p.secure, httpOnly: true, sameSite: 'Strict' });

/**
 * A value of the sign-in flow (the sign-in form's token, the OIDC state). `Lax`: an identity
 * provider's redirect back is a cross-site navigation, which a Strict cookie would not accompany.
 */
export function writeFlowCookie(c: Context, p: CookiePolicy, key: string, value: string, maxAge: number) {
  setCookie(c, name(p, `_${key}`), value, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: p.secure,
    path: p.prefix,
    maxAge,
  });
}

export const readFlowCookie = (c: Context, p: CookiePolicy, key: string) => getCookie(c, name(p, `_${key}`));

export const clearFlowCookie = (c: Context, p: CookiePolicy, key: string) =>
  deleteCookie(c, name(p, `_${key}`), { path: p.prefix, secure: p.secure, httpOnly: true, sameSite: 'Lax' });
