import { createHmac, randomBytes } from 'node:crypto';

const PREFIX = 'whsec_';

/** A new endpoint secret in the Standard Webhooks form: `whsec_` and 32 random bytes in base64. */
export const newWebhookSecret = () => PREFIX + randomBytes(32).toString('base64');

export const isWebhookSecret = (s: string) =>
  s.startsWith(PREFIX) && Buffer.from(s.slice(PREFIX.length), 'base64').length >= 24;

/**
 * Standard Webhooks v1: HMAC-SHA256 over `id.timestamp.body` with each secret that is valid now
 * (two during a rotation's overlap), space-separated in one `webhook-signature` header.
 */
export function signatureHeaders(
  id: string,
  timestampSeconds: number,
  body: string,
  secrets: readonly string[],
): Record<string, string> {
  const signed = `${id}.${timestampSeconds}.${body}`;
  const signatures = secrets.map(
    (s) =>
      `v1,${createHmac('sha256', Buffer.from(s.slice(PREFIX.length), 'base64'))
        .update(signed)
        .digest('base64')}`,
  );
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestampSeconds),
    'webhook-signature': signatures.join(' '),
  };
}
