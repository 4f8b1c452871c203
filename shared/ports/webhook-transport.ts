import type { Tenant } from '../domain/tenant/tenant-schema';
import type { DeliveryRef } from '../store/webhooks-repo';

/** What one POST to an endpoint came to: a status (any, 2xx being success) or no response at all. */
export type SendResult =
  | { ok: true; status: number; retryAfter: string | null; body: string; latencyMs: number }
  | { ok: false; error: string; latencyMs: number };

/** Posts a signed delivery: 15 s timeout, response body read up to a limit, destinations checked. */
export interface WebhookSender {
  post(
    url: string,
    headers: Record<string, string>,
    body: string,
    o: { strictDestinations: boolean },
  ): Promise<SendResult>;
}

/**
 * Runs a delivery attempt at a time: locally the platform's scheduler (the manual clock drives
 * retries), in AWS an SQS queue with delays. The delivery item is the durable record; the queue only
 * says when to look at it again.
 */
export interface DeliveryQueue {
  enqueue(tenant: Tenant, ref: DeliveryRef, at: number): Promise<void>;
}
