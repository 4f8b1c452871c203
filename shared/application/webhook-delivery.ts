import type { Tenant } from '../domain/tenant/tenant-schema';
import { type DeliveryRef, refOf } from '../store/webhooks-repo';
import type { WebhookPayload } from '../webhooks/catalogue';
import { DISABLE_AFTER_MS, nextAttemptAt } from '../webhooks/retry-schedule';
import { signatureHeaders } from '../webhooks/signing';
import type { Attempt, Delivery, Endpoint } from '../webhooks/subscription-schema';
import type { Platform } from './platform';
import { getEndpoint, signingSecrets } from './webhook-endpoints';

/** The delivery log keeps the latest attempts; the count says how many there were. */
const KEPT_ATTEMPTS = 20;
const iso = (ms: number) => new Date(ms).toISOString();

/** Hands a pending delivery to the queue, at its due time or now. */
export async function queueDelivery(p: Platform, tenant: Tenant, d: Delivery, now: number): Promise<void> {
  const at = d.nextAttemptAt ? Math.max(now, Date.parse(d.nextAttemptAt)) : now;
  await p.webhookDelivery.queue.enqueue(tenant, refOf(d), at, d);
}

/**
 * One delivery per endpoint subscribed to the payload's type (created once: a replayed stream
 * record finds it), queued at once unless the endpoint is paused (then it waits for the resume).
 */
export async function deliverToSubscribers(
  p: Platform,
  tenant: Tenant,
  payload: WebhookPayload,
  o: { endpoints?: Endpoint[]; except?: string } = {},
): Promise<number> {
  const endpoints = o.endpoints ?? (await p.webhooks.endpoints(tenant.tableName));
  const now = p.clock.now().getTime();
  let created = 0;
  for (const e of endpoints) {
    if (e.id === o.except || e.status === 'disabled' || !e.events.includes(payload.type)) continue;
    const d = newDelivery(e.id, payload, now);
    if (!(await p.webhooks.createDelivery(tenant.tableName, d))) continue;
    created++;
    if (e.status === 'active') await queueDelivery(p, tenant, d, now);
  }
  return created;
}

export function newDelivery(endpointId: string, payload: WebhookPayload, now: number): Delivery {
  return {
    endpointId,
    eventId: payload.id,
    type: payload.type,
    occurredAt: payload.timestamp,
    body: JSON.stringify(payload),
    status: 'pending',
    attempts: [],
    attemptCount: 0,
    nextAttemptAt: iso(now),
    createdAt: iso(now),
    updatedAt: iso(now),
    version: 1,
  };
}

/**
 * One attempt at a delivery that is due: sign with every live secret, post, record the outcome, and
 * either finish, schedule the next attempt, or disable the endpoint (410 Gone, or five days of
 * failure) and tell the tenant's other endpoints. `known` is the delivery as its queuer stored it
 * (a changed one makes the outcome's versioned write fail: the attempt then records nothing).
 */
export async function attemptDelivery(p: Platform, tenant: Tenant, ref: DeliveryRef, known?: Delivery): Promise<void> {
  const d = known ?? (await p.webhooks.delivery(tenant.tableName, ref));
  if (d?.status !== 'pending') return;
  const now = p.clock.now().getTime();
  if (d.nextAttemptAt && Date.parse(d.nextAttemptAt) > now) {
    // Woken early (a queue's delay is capped, or a replay moved it): look again when it is due.
    await queueDelivery(p, tenant, d, now);
    return;
  }
  const endpoint = await p.webhooks.endpoint(tenant.tableName, ref.endpointId);
  if (!endpoint || endpoint.status === 'disabled') {
    await record(p, tenant, d, now, { status: 'failed', nextAttemptAt: null });
    return;
  }
  if (endpoint.status === 'paused') return;

  const secrets = await signingSecrets(p, tenant, endpoint, now);
  const headers = {
    'content-type': 'application/json',
    'user-agent': 'Redress-Webhooks/1',
    // The wall clock, not the platform's: receivers check freshness against theirs to refuse replays,
    // and a manual clock days ahead would fail every check. The body's `timestamp` is business time.
    ...signatureHeaders(d.eventId, Math.floor(Date.now() / 1000), d.body, secrets),
  };
  const result = await p.webhookDelivery.sender.post(endpoint.url, headers, d.body, {
    strictDestinations: p.webhookDelivery.strictDestinations,
  });
  const done = p.clock.now().getTime();
  const attempt: Attempt = result.ok
    ? { at: iso(now), status: result.status, latencyMs: result.latencyMs, body: result.body }
    : { at: iso(now), status: null, error: result.error, latencyMs: result.latencyMs };
  const attempts = [...d.attempts, attempt].slice(-KEPT_ATTEMPTS);
  const count = d.attemptCount + 1;

  if (result.ok && result.status >= 200 && result.status < 300) {
    await record(p, tenant, d, done, { status: 'succeeded', attempts, attemptCount: count, nextAttemptAt: null });
    if (endpoint.failingSince) await markHealthy(p, tenant, endpoint.id);
    return;
  }
  if (result.ok && result.status === 410) {
    await record(p, tenant, d, done, { status: 'failed', attempts, attemptCount: count, nextAttemptAt: null });
    await disableEndpoint(p, tenant, endpoint.id, 'gone');
    return;
  }
  const failingSince = endpoint.failingSince ?? iso(now);
  if (done - Date.parse(failingSince) >= DISABLE_AFTER_MS) {
    await record(p, tenant, d, done, { status: 'failed', attempts, attemptCount: count, nextAttemptAt: null });
    await disableEndpoint(p, tenant, endpoint.id, 'failing');
    return;
  }
  if (!endpoint.failingSince) await markFailing(p, tenant, endpoint.id, failingSince);
  const next = nextAttemptAt(count, done, { retryAfter: result.ok ? result.retryAfter : null });
  const stored = await record(p, tenant, d, done, {
    status: next === undefined ? 'exhausted' : 'pending',
    attempts,
    attemptCount: count,
    nextAttemptAt: next === undefined ? null : iso(next),
  });
  if (stored && next !== undefined) await p.webhookDelivery.queue.enqueue(tenant, ref, next);
}

async function record(p: Platform, tenant: Tenant, d: Delivery, at: number, change: Partial<Delivery>) {
  const after: Delivery = { ...d, ...change, updatedAt: iso(at), version: d.version + 1 };
  return p.webhooks.putDelivery(tenant.tableName, after, d.version);
}

async function updateEndpointIf(p: Platform, tenant: Tenant, id: string, change: (e: Endpoint) => Endpoint | null) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const e = await p.webhooks.endpoint(tenant.tableName, id);
    const after = e && change(e);
    if (!e || !after) return undefined;
    try {
      const stored = { ...after, updatedAt: p.clock.now().toISOString(), version: e.version + 1 };
      await p.webhooks.putEndpoint(tenant.tableName, stored, e.version);
      return stored;
    } catch {
      // changed meanwhile (an admin's edit): read again
    }
  }
  return undefined;
}

const markHealthy = (p: Platform, tenant: Tenant, id: string) =>
  updateEndpointIf(p, tenant, id, (e) => (e.failingSince ? { ...e, failingSince: null } : null));

const markFailing = (p: Platform, tenant: Tenant, id: string, since: string) =>
  updateEndpointIf(p, tenant, id, (e) => (e.failingSince ? null : { ...e, failingSince: since }));

async function disableEndpoint(p: Platform, tenant: Tenant, id: string, reason: 'gone' | 'failing') {
  const disabled = await updateEndpointIf(p, tenant, id, (e) =>
    e.status === 'disabled' ? null : { ...e, status: 'disabled', disabledReason: reason },
  );
  if (!disabled) return;
  p.logger.warn('webhook endpoint disabled', { tenantId: tenant.id, endpointId: id, reason });
  const at = disabled.updatedAt;
  await deliverToSubscribers(
    p,
    tenant,
    {
      id: `evt_${id}_disabled_${Date.parse(at)}`,
      type: 'webhook.endpoint_disabled',
      timestamp: at,
      tenantId: tenant.id,
      data: { endpointId: id, url: disabled.url, reason, disabledAt: at },
    },
    { except: id },
  );
}

/** Sends one delivery again now, whatever became of it (same id, same body: receivers de-duplicate). */
export async function replayDelivery(p: Platform, tenant: Tenant, ref: DeliveryRef): Promise<Delivery | undefined> {
  const d = await p.webhooks.delivery(tenant.tableName, ref);
  if (!d) return undefined;
  const now = p.clock.now().getTime();
  const after: Delivery = {
    ...d,
    status: 'pending',
    nextAttemptAt: iso(now),
    updatedAt: iso(now),
    version: d.version + 1,
  };
  if (!(await p.webhooks.putDelivery(tenant.tableName, after, d.version))) return replayDelivery(p, tenant, ref);
  await queueDelivery(p, tenant, after, now);
  return after;
}

/** Every failed or exhausted delivery of an endpoint since a time, sent again. */
export async function replayFailed(p: Platform, tenant: Tenant, endpointId: string, since: string): Promise<number> {
  let count = 0;
  let cursor: string | undefined;
  do {
    const page = await p.webhooks.deliveries(tenant.tableName, endpointId, { limit: 100, cursor, since });
    for (const d of page.items) {
      if (d.status !== 'failed' && d.status !== 'exhausted') continue;
      if (await replayDelivery(p, tenant, refOf(d))) count++;
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return count;
}

/** At start: every pending delivery of every tenant is queued again at its due time. */
export async function resumePendingDeliveries(p: Platform, tenants: readonly Tenant[]): Promise<number> {
  const now = p.clock.now().getTime();
  let count = 0;
  for (const tenant of tenants) {
    for (const ref of await p.webhooks.due(tenant.tableName, '9999-12-31T23:59:59.999Z')) {
      const d = await p.webhooks.delivery(tenant.tableName, ref);
      if (d?.status !== 'pending') continue;
      await queueDelivery(p, tenant, d, now);
      count++;
    }
  }
  return count;
}

/** One endpoint's delivery log, newest first (404 for an endpoint the tenant does not have). */
export async function deliveryLog(
  p: Platform,
  tenant: Tenant,
  endpointId: string,
  o: { limit: number; cursor?: string; since?: string },
): Promise<{ items: Delivery[]; nextCursor: string | null }> {
  await getEndpoint(p, tenant, endpointId);
  return p.webhooks.deliveries(tenant.tableName, endpointId, o);
}
