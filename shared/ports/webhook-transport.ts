import type { Tenant } from '../domain/tenant/tenant-schema';
import type { DeliveryRef } from '../store/webhooks-repo';
import type { Delivery } from '../webhooks/subscription-schema';

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
  /**
   * `known` is the delivery as it was just stored: a queue in the same process may hand it to an
   * attempt it runs at once, which then needs no read (the SQS queue carries the reference only).
   */
  enqueue(tenant: Tenant, ref: DeliveryRef, at: number, known?: Delivery): Promise<void>;
}
