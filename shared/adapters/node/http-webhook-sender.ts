import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { SendResult, WebhookSender } from '../../ports/webhook-transport';
import { isForbiddenAddress } from '../../webhooks/destination';

export const SEND_TIMEOUT_MS = 15_000;
/** What of a response the delivery log keeps; the rest is never read. */
export const RESPONSE_BODY_LIMIT = 2048;

/**
 * Resolves the name and refuses a forbidden address before connecting: the socket connects to the
 * address checked here, so a name that changes its answer between checks (DNS rebinding) gains nothing.
 */
const checkedLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
    if (err) return callback(err, '', 0);
    const bad = addresses.find((a) => isForbiddenAddress(a.address));
    if (bad || addresses.length === 0) {
      const e = Object.assign(new Error(`destination ${hostname} resolves to a forbidden address`), {
        code: 'EDESTINATION',
      });
      return callback(e, '', 0);
    }
    // @types/node types the callback in its one-address form only; with `all` Node expects the list.
    if ((options as { all?: boolean }).all)
      return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
    return callback(null, addresses[0]!.address, addresses[0]!.family);
  });
};

/** Node's own HTTP client: it lets the lookup be ours, which fetch does not. */
export const httpWebhookSender: WebhookSender = {
  post(url, headers, body, o) {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    return new Promise<SendResult>((resolve) => {
      let u: URL;
      try {
        u = new URL(url);
      } catch {
        return resolve({ ok: false, error: 'invalid url', latencyMs: 0 });
      }
      if (o.strictDestinations) {
        const host = u.hostname.replace(/^\[|\]$/g, '');
        if (u.protocol !== 'https:') return resolve({ ok: false, error: 'https is required', latencyMs: 0 });
        if (/^[\d.]+$|:/.test(host) && isForbiddenAddress(host))
          return resolve({ ok: false, error: 'forbidden destination address', latencyMs: 0 });
      }
      const send = u.protocol === 'https:' ? httpsRequest : httpRequest;
      const req = send(
        u,
        {
          method: 'POST',
          headers: { ...headers, 'content-length': Buffer.byteLength(body) },
          timeout: SEND_TIMEOUT_MS,
          ...(o.strictDestinations && { lookup: checkedLookup }),
        },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (c: Buffer) => {
            if (size < RESPONSE_BODY_LIMIT) chunks.push(c);
            size += c.length;
            if (size >= RESPONSE_BODY_LIMIT) res.destroy();
          });
          const finish = () =>
            resolve({
              ok: true,
              status: res.statusCode ?? 0,
              retryAfter: (res.headers['retry-after'] as string | undefined) ?? null,
              body: Buffer.concat(chunks).subarray(0, RESPONSE_BODY_LIMIT).toString('utf8'),
              latencyMs: elapsed(),
            });
          res.once('end', finish);
          res.once('close', finish);
          res.once('error', finish);
        },
      );
      // The whole exchange, not only each socket read, is bounded: a trickling endpoint is cut off too.
      const deadline = setTimeout(() => req.destroy(new Error('timeout')), SEND_TIMEOUT_MS);
      req.once('timeout', () => req.destroy(new Error('timeout')));
      req.once('error', (e: NodeJS.ErrnoException) =>
        resolve({
          ok: false,
          error: e.code === 'EDESTINATION' ? e.message : (e.code ?? e.message),
          latencyMs: elapsed(),
        }),
      );
      req.once('close', () => clearTimeout(deadline));
      req.end(body);
    });
  },
};
