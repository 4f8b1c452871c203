import type { IncomingMessage } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../../shared/http/env';
import { errorBody } from '../../../shared/http/error-body';
import { storeUnavailable } from '../../../shared/http/error-handling';

/** 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6 (how a dual-stack socket reports an IPv4 peer). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return v4.startsWith('127.') || address === '::1';
}

/** A host name of the HOST setting: loopback ones need no further consent. */
export const isLoopbackHost = (host: string) => host === 'localhost' || isLoopbackAddress(host.replace(/^\[|\]$/g, ''));

/** The TCP peer as the socket reports it; headers such as X-Forwarded-For are the client's to choose. */
const peerAddress = (c: Context) =>
  (c.env as { incoming?: IncomingMessage } | undefined)?.incoming?.socket.remoteAddress;

/** Whether the request's TCP peer is this machine (never what a header claims). */
export const isLoopbackPeer = (c: Context) => isLoopbackAddress(peerAddress(c));

/** `Host` without its port, lower case; IPv6 literals keep their brackets. */
const hostName = (host: string) => {
  const h = host.trim().toLowerCase();
  return h.startsWith('[') ? h.slice(0, h.indexOf(']') + 1) : h.replace(/:\d*$/, '');
};

/**
 * DNS rebinding defence: a page of attacker.example resolved to 127.0.0.1 reaches this port with
 * `Host: attacker.example`. Only the names this machine is known by are answered; the others get 421.
 */
export function hostAllowList(configuredHost: string, extra: readonly string[] = []): MiddlewareHandler<AppEnv> {
  const allowed = new Set(
    ['localhost', '127.0.0.1', '[::1]', configuredHost, ...extra].map((h) =>
      h.includes(':') && !h.startsWith('[') ? `[${h.toLowerCase()}]` : h.toLowerCase(),
    ),
  );
  return async (c, next) => {
    const host = c.req.header('host');
    if (!host || !allowed.has(hostName(host)))
      return c.json(
        errorBody(
          'misdirected_request',
          'this server does not answer to that Host; use localhost or set REDRESS_ALLOWED_HOSTS',
        ),
        421,
      );
    return next();
  };
}

const isLocalPath = (path: string) => path === '/_local' || path.startsWith('/_local/');

/**
 * The development routes (token minting, the clock) answer only to a peer on this machine, whatever
 * HOST binds; writes to them take JSON only and never come from another site's page (CSRF: a form
 * or a `text/plain` fetch needs no preflight).
 */
export const localRoutesGuard: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!isLocalPath(c.req.path)) return next();
  if (!isLoopbackAddress(peerAddress(c)))
    return c.json(errorBody('forbidden', 'the /_local routes answer only to clients on this machine'), 403);
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
    const site = c.req.header('sec-fetch-site');
    const origin = c.req.header('origin');
    const sameOrigin = origin === undefined || safeHost(origin) === c.req.header('host')?.toLowerCase();
    if ((site !== undefined && site !== 'same-origin' && site !== 'none') || !sameOrigin)
      return c.json(errorBody('forbidden', 'the /_local routes refuse requests from other sites'), 403);
    const type = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/json')
      return c.json(errorBody('unsupported_media_type', 'send the body as application/json'), 415);
  }
  return next();
};

const safeHost = (origin: string) => {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return undefined;
  }
};

/** Paths that need no database: liveness and readiness must tell the truth while it is away. */
const STORELESS = ['/health', '/docs', '/openapi.json', '/.well-known/', '/_local/tokens'];

/** While the supervisor knows DynamoDB Local is down or frozen, requests get a 503 at once rather than wait. */
export function storeAvailability(available: () => boolean): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (available() || STORELESS.some((p) => c.req.path === p || c.req.path.startsWith(p))) return next();
    return storeUnavailable(c);
  };
}
