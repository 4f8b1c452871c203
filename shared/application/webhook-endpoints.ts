import { createHash } from 'node:crypto';
import { ulid } from 'ulid';
import type { z } from 'zod';
import { notFound, ruleViolation } from '../domain/errors';
import type { Tenant } from '../domain/tenant/tenant-schema';
import { destinationProblem } from '../webhooks/destination';
import { newWebhookSecret } from '../webhooks/signing';
import {
  type Endpoint,
  type EndpointInputSchema,
  type EndpointPatchSchema,
  type EndpointView,
  endpointView,
} from '../webhooks/subscription-schema';
import type { Platform } from './platform';
import { newDelivery, queueDelivery } from './webhook-delivery';

/** During a rotation the old secret keeps signing this long, so receivers can switch without a gap. */
export const ROTATION_OVERLAP_MS = 24 * 3600_000;
const SECRET_FIELD = 'webhookSecret';

function checkDestination(p: Platform, url: string) {
  const problem = destinationProblem(url, { strict: p.webhookDelivery.strictDestinations });
  if (problem) throw ruleViolation('invalid_destination', `url: ${problem}`, { url });
}

async function encryptSecret(p: Platform, tenant: Tenant, secret: string) {
  return (await p.cipher.encryptFields(tenant.id, { [SECRET_FIELD]: secret }))[SECRET_FIELD]!;
}

/** The secrets that sign now: the newest first, then any rotated-out one still inside its overlap. */
export async function signingSecrets(p: Platform, tenant: Tenant, e: Endpoint, now: number): Promise<string[]> {
  const live = e.secrets.filter((s) => !s.expiresAt || Date.parse(s.expiresAt) > now);
  const out: string[] = [];
  for (const s of live) out.push((await p.cipher.decryptFields(tenant.id, { [SECRET_FIELD]: s.enc }))[SECRET_FIELD]!);
  return out;
}

/** The institution's endpoints, as anyone may see them: never a secret. */
export async function listEndpoints(p: Platform, tenant: Tenant): Promise<EndpointView[]> {
  return (await p.webhooks.endpoints(tenant.tableName)).map(endpointView);
}

export async function getEndpoint(p: Platform, tenant: Tenant, id: string): Promise<Endpoint> {
  const e = await p.webhooks.endpoint(tenant.tableName, id);
  if (!e) throw notFound('webhook endpoint');
  return e;
}

/**
 * Registers an endpoint and returns its secret, shown this once. With an Idempotency-Key a retry
 * returns the same endpoint (and, since the first answer may never have arrived, its secret).
 */
export async function createEndpoint(
  p: Platform,
  tenant: Tenant,
  input: z.infer<typeof EndpointInputSchema>,
  idempotencyKey?: string,
): Promise<{ endpoint: EndpointView; secret: string }> {
  checkDestination(p, input.url);
  const id = idempotencyKey
    ? `wh_${createHash('sha256').update(`${tenant.id}\0${idempotencyKey}`).digest('hex').slice(0, 26)}`
    : `wh_${ulid().toLowerCase()}`;
  if (idempotencyKey) {
    const existing = await p.webhooks.endpoint(tenant.tableName, id);
    if (existing)
      return { endpoint: endpointView(existing), secret: (await signingSecrets(p, tenant, existing, 0))[0]! };
  }
  const at = p.clock.now().toISOString();
  const secret = newWebhookSecret();
  const endpoint: Endpoint = {
    id,
    url: input.url,
    events: [...new Set(input.events)],
    ...(input.description !== undefined && { description: input.description }),
    status: 'active',
    secrets: [{ enc: await encryptSecret(p, tenant, secret), createdAt: at }],
    failingSince: null,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  await p.webhooks.putEndpoint(tenant.tableName, endpoint, 0);
  return { endpoint: endpointView(endpoint), secret };
}

async function changeEndpoint(
  p: Platform,
  tenant: Tenant,
  id: string,
  change: (e: Endpoint, at: string) => Endpoint | Promise<Endpoint>,
): Promise<Endpoint> {
  const before = await getEndpoint(p, tenant, id);
  const at = p.clock.now().toISOString();
  const after = { ...(await change(before, at)), updatedAt: at, version: before.version + 1 };
  await p.webhooks.putEndpoint(tenant.tableName, after, before.version);
  return after;
}

export async function updateEndpoint(
  p: Platform,
  tenant: Tenant,
  id: string,
  patch: z.infer<typeof EndpointPatchSchema>,
): Promise<EndpointView> {
  if (patch.url !== undefined) checkDestination(p, patch.url);
  const after = await changeEndpoint(p, tenant, id, (e) => ({
    ...e,
    ...(patch.url !== undefined && { url: patch.url }),
    ...(patch.events !== undefined && { events: [...new Set(patch.events)] }),
    ...(patch.description !== undefined && { description: patch.description }),
  }));
  return endpointView(after);
}

export async function deleteEndpoint(p: Platform, tenant: Tenant, id: string): Promise<void> {
  await getEndpoint(p, tenant, id);
  await p.webhooks.deleteEndpoint(tenant.tableName, id);
}

/**
 * Pause holds deliveries (they stay pending, nothing is lost); resume, or re-enabling a disabled
 * endpoint, sends what was held.
 */
export async function setEndpointStatus(
  p: Platform,
  tenant: Tenant,
  id: string,
  status: 'active' | 'paused',
): Promise<EndpointView> {
  const after = await changeEndpoint(p, tenant, id, (e) => {
    const { disabledReason: _d, ...rest } = e;
    return { ...rest, status, failingSince: status === 'active' ? null : e.failingSince };
  });
  if (status === 'active') await releaseHeld(p, tenant, id);
  return endpointView(after);
}

async function releaseHeld(p: Platform, tenant: Tenant, endpointId: string) {
  const now = p.clock.now().getTime();
  let cursor: string | undefined;
  do {
    const page = await p.webhooks.deliveries(tenant.tableName, endpointId, { limit: 100, cursor });
    for (const d of page.items) if (d.status === 'pending') await queueDelivery(p, tenant, d, now);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

/** A new secret signs from now on; the previous one keeps signing for 24 h beside it. */
export async function rotateSecret(
  p: Platform,
  tenant: Tenant,
  id: string,
): Promise<{ endpoint: EndpointView; secret: string }> {
  const secret = newWebhookSecret();
  const enc = await encryptSecret(p, tenant, secret);
  const after = await changeEndpoint(p, tenant, id, (e, at) => {
    const overlapEnd = new Date(Date.parse(at) + ROTATION_OVERLAP_MS).toISOString();
    const previous = e.secrets
      .filter((s) => !s.expiresAt || s.expiresAt > at)
      .map((s) => ({ ...s, expiresAt: s.expiresAt && s.expiresAt < overlapEnd ? s.expiresAt : overlapEnd }));
    return { ...e, secrets: [{ enc, createdAt: at }, ...previous] };
  });
  return { endpoint: endpointView(after), secret };
}

/** `webhook.test` to this one endpoint, whatever it subscribes to: proves URL, TLS and signature checks. */
export async function sendTestEvent(p: Platform, tenant: Tenant, id: string) {
  const endpoint = await getEndpoint(p, tenant, id);
  const now = p.clock.now().getTime();
  const at = new Date(now).toISOString();
  const d = newDelivery(
    endpoint.id,
    {
      id: `evt_test_${ulid().toLowerCase()}`,
      type: 'webhook.test',
      timestamp: at,
      tenantId: tenant.id,
      data: { endpointId: endpoint.id, message: 'Redress test event' },
    },
    now,
  );
  await p.webhooks.createDelivery(tenant.tableName, d);
  if (endpoint.status === 'active') await queueDelivery(p, tenant, d, now);
  return d;
}
