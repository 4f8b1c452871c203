import { z } from 'zod';
import { cleanText, optionalCleanText } from '../domain/text';
import { WebhookEventTypeSchema } from './catalogue';

export const EndpointStatusSchema = z.enum(['active', 'paused', 'disabled']);

/** A secret as stored: the ciphertext (tenant key), and until when it still signs after a rotation. */
export const StoredSecretSchema = z.object({
  enc: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().optional(),
});

export const EndpointSchema = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(WebhookEventTypeSchema).min(1),
  description: z.string().optional(),
  status: EndpointStatusSchema,
  disabledReason: z.enum(['gone', 'failing']).optional(),
  secrets: z.array(StoredSecretSchema).min(1),
  /** The first failure since the last success: five days of it disables the endpoint. */
  failingSince: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type Endpoint = z.infer<typeof EndpointSchema>;

/** What the API shows of an endpoint: never a secret (it is shown once, when created or rotated). */
export const EndpointViewSchema = EndpointSchema.omit({ secrets: true });
export type EndpointView = z.infer<typeof EndpointViewSchema>;
export const endpointView = ({ secrets: _s, ...rest }: Endpoint): EndpointView => rest;

export const EndpointInputSchema = z.strictObject({
  url: cleanText(2000),
  events: z.array(WebhookEventTypeSchema).min(1).max(50),
  description: optionalCleanText(500),
});
export const EndpointPatchSchema = EndpointInputSchema.partial();

export const AttemptSchema = z.object({
  at: z.string(),
  status: z.number().int().nullable(),
  error: z.string().optional(),
  latencyMs: z.number().int(),
  /** The first bytes of the response body, for the delivery log. */
  body: z.string().optional(),
});

export const DeliveryStatusSchema = z.enum(['pending', 'succeeded', 'failed', 'exhausted']);

export const DeliverySchema = z.object({
  endpointId: z.string(),
  eventId: z.string(),
  type: WebhookEventTypeSchema,
  occurredAt: z.string(),
  /** The exact body first sent: retries and replays send the same bytes. */
  body: z.string(),
  status: DeliveryStatusSchema,
  attempts: z.array(AttemptSchema),
  attemptCount: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type Delivery = z.infer<typeof DeliverySchema>;
export type Attempt = z.infer<typeof AttemptSchema>;

export const DeliveryViewSchema = DeliverySchema.omit({ body: true, version: true });
export const deliveryView = ({ body: _b, version: _v, ...rest }: Delivery) => rest;
