import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Platform } from '../../application/platform';
import { deliveryLog, replayDelivery, replayFailed } from '../../application/webhook-delivery';
import {
  createEndpoint,
  deleteEndpoint,
  getEndpoint,
  listEndpoints,
  rotateSecret,
  sendTestEvent,
  setEndpointStatus,
  updateEndpoint,
} from '../../application/webhook-endpoints';
import { invalid, notFound } from '../../domain/errors';
import { eventCatalogue } from '../../webhooks/catalogue';
import * as schema from '../../webhooks/subscription-schema';
import { deliveryView, endpointView } from '../../webhooks/subscription-schema';
import type { AppEnv } from '../env';
import { errorResponses } from '../error-body';
import { authorize } from '../middleware/authorize';
import { CursorSchema, documented, IdempotencyKeySchema, json, jsonBody, LimitSchema, page } from '../openapi-helpers';

const TAG = ['Webhooks'];
const EndpointViewSchema = documented(schema.EndpointViewSchema, 'WebhookEndpoint');
const EndpointInputSchema = documented(schema.EndpointInputSchema, 'WebhookEndpointInput');
const EndpointPatchSchema = documented(schema.EndpointPatchSchema, 'WebhookEndpointPatch');
const IdParam = z.object({ id: z.string().min(1).max(64) });
const WithSecret = z.object({ endpoint: EndpointViewSchema, secret: z.string() }).openapi('WebhookEndpointWithSecret');
const Delivery = schema.DeliveryViewSchema.extend({ id: z.string() }).openapi('WebhookDelivery');

/** A delivery's id as the API shows it: opaque, and enough to find the item again. */
const deliveryId = (d: { occurredAt: string; eventId: string }) =>
  Buffer.from(JSON.stringify([d.occurredAt, d.eventId])).toString('base64url');
function parseDeliveryId(id: string) {
  try {
    const [occurredAt, eventId] = JSON.parse(Buffer.from(id, 'base64url').toString('utf8')) as [string, string];
    if (typeof occurredAt === 'string' && typeof eventId === 'string') return { occurredAt, eventId };
  } catch {
    // below
  }
  throw notFound('delivery');
}

/** Tenant systems' endpoints: subscriptions, their secrets, the delivery log and replay (role admin). */
export function webhookRoutes(app: OpenAPIHono<AppEnv>, p: Platform) {
  const manage = authorize(p.directory, 'webhooks:manage');

  app.openapi(
    createRoute({
      method: 'get',
      operationId: 'listWebhookEventTypes',
      path: '/v1/webhooks/event-types',
      tags: TAG,
      summary: 'Every event type a subscription can name, with the JSON Schema of its body',
      middleware: [authorize(p.directory, 'webhooks:catalogue')] as const,
      responses: {
        200: json(
          z.object({
            items: z.array(
              z.object({ type: z.string(), description: z.string(), schema: z.record(z.string(), z.unknown()) }),
            ),
          }),
          'The catalogue',
        ),
        ...errorResponses(),
      },
    }),
    (c) =>
      c.json(
        { items: eventCatalogue() as { type: string; description: string; schema: Record<string, unknown> }[] },
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'post',
      operationId: 'createWebhookEndpoint',
      path: '/v1/webhooks',
      tags: TAG,
      summary: 'Register an endpoint; its signing secret is in this response only',
      description:
        'With `Idempotency-Key`, a retry returns the same endpoint and secret instead of registering a second one.',
      middleware: [manage] as const,
      request: {
        headers: z.object({ 'idempotency-key': IdempotencyKeySchema.optional() }),
        body: jsonBody(EndpointInputSchema),
      },
      responses: { 201: json(WithSecret, 'Registered'), ...errorResponses(400, 422) },
    }),
    async (c) => {
      const created = await createEndpoint(
        p,
        c.var.tenant,
        c.req.valid('json'),
        c.req.valid('header')['idempotency-key'],
      );
      c.header('Location', `/v1/webhooks/${created.endpoint.id}`);
      return c.json(created, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      operationId: 'listWebhookEndpoints',
      path: '/v1/webhooks',
      tags: TAG,
      summary: "The institution's endpoints",
      middleware: [manage] as const,
      responses: { 200: json(z.object({ items: z.array(EndpointViewSchema) }), 'Endpoints'), ...errorResponses() },
    }),
    async (c) => c.json({ items: await listEndpoints(p, c.var.tenant) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      operationId: 'getWebhookEndpoint',
      path: '/v1/webhooks/{id}',
      tags: TAG,
      summary: 'One endpoint',
      middleware: [manage] as const,
      request: { params: IdParam },
      responses: { 200: json(EndpointViewSchema, 'The endpoint'), ...errorResponses(404) },
    }),
    async (c) => c.json(endpointView(await getEndpoint(p, c.var.tenant, c.req.valid('param').id)), 200),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      operationId: 'updateWebhookEndpoint',
      path: '/v1/webhooks/{id}',
      tags: TAG,
      summary: "Change an endpoint's URL, events or description",
      middleware: [manage] as const,
      request: {
        params: IdParam,
        body: jsonBody(EndpointPatchSchema),
      },
      responses: { 200: json(EndpointViewSchema, 'Updated'), ...errorResponses(400, 404, 409, 422) },
    }),
    async (c) => c.json(await updateEndpoint(p, c.var.tenant, c.req.valid('param').id, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'delete',
      operationId: 'deleteWebhookEndpoint',
      path: '/v1/webhooks/{id}',
      tags: TAG,
      summary: 'Delete an endpoint (its pending deliveries are dropped)',
      middleware: [manage] as const,
      request: { params: IdParam },
      responses: { 204: { description: 'Deleted' }, ...errorResponses(404) },
    }),
    async (c) => {
      await deleteEndpoint(p, c.var.tenant, c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

  for (const [verb, status] of [
    ['pause', 'paused'],
    ['resume', 'active'],
  ] as const) {
    app.openapi(
      createRoute({
        method: 'post',
        operationId: `${verb}WebhookEndpoint`,
        path: `/v1/webhooks/{id}/${verb}`,
        tags: TAG,
        summary:
          verb === 'pause'
            ? 'Hold deliveries (nothing is lost; they go out on resume)'
            : 'Send again, including what was held (also re-enables a disabled endpoint)',
        middleware: [manage] as const,
        request: { params: IdParam },
        responses: { 200: json(EndpointViewSchema, 'Updated'), ...errorResponses(404, 409) },
      }),
      async (c) => c.json(await setEndpointStatus(p, c.var.tenant, c.req.valid('param').id, status), 200),
    );
  }

  app.openapi(
    createRoute({
      method: 'post',
      operationId: 'rotateWebhookSecret',
      path: '/v1/webhooks/{id}/rotate-secret',
      tags: TAG,
      summary: 'A new secret; the old one keeps signing beside it for 24 h',
      middleware: [manage] as const,
      request: { params: IdParam },
      responses: { 200: json(WithSecret, 'Rotated'), ...errorResponses(404, 409) },
    }),
    async (c) => c.json(await rotateSecret(p, c.var.tenant, c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      operationId: 'testWebhookEndpoint',
      path: '/v1/webhooks/{id}/test',
      tags: TAG,
      summary: 'Send a `webhook.test` event to this endpoint',
      middleware: [manage] as const,
      request: { params: IdParam },
      responses: { 202: json(z.object({ deliveryId: z.string() }), 'Queued'), ...errorResponses(404) },
    }),
    async (c) => {
      const d = await sendTestEvent(p, c.var.tenant, c.req.valid('param').id);
      return c.json({ deliveryId: deliveryId(d) }, 202);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      operationId: 'listWebhookDeliveries',
      path: '/v1/webhooks/{id}/deliveries',
      tags: TAG,
      summary: "The endpoint's delivery log, newest first: attempts, status codes, latency, response excerpts",
      middleware: [manage] as const,
      request: {
        params: IdParam,
        query: z.object({
          cursor: CursorSchema,
          limit: LimitSchema,
          since: z.iso.datetime({ offset: true }).optional(),
        }),
      },
      responses: { 200: json(page(Delivery), 'One page'), ...errorResponses(400, 404) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const q = c.req.valid('query');
      const res = await deliveryLog(p, c.var.tenant, id, {
        limit: q.limit,
        ...(q.cursor && { cursor: q.cursor }),
        ...(q.since && { since: new Date(q.since).toISOString() }),
      });
      return c.json(
        { items: res.items.map((d) => ({ id: deliveryId(d), ...deliveryView(d) })), nextCursor: res.nextCursor },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      operationId: 'replayWebhookDelivery',
      path: '/v1/webhooks/{id}/deliveries/{deliveryId}/replay',
      tags: TAG,
      summary: 'Send one delivery again now (same webhook-id, same body)',
      middleware: [manage] as const,
      request: { params: IdParam.extend({ deliveryId: z.string().min(1).max(512) }) },
      responses: { 202: json(Delivery, 'Queued'), ...errorResponses(404) },
    }),
    async (c) => {
      const { id, deliveryId: raw } = c.req.valid('param');
      await getEndpoint(p, c.var.tenant, id);
      const replayed = await replayDelivery(p, c.var.tenant, { endpointId: id, ...parseDeliveryId(raw) });
      if (!replayed) throw notFound('delivery');
      return c.json({ id: deliveryId(replayed), ...deliveryView(replayed) }, 202);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      operationId: 'replayFailedWebhookDeliveries',
      path: '/v1/webhooks/{id}/replay',
      tags: TAG,
      summary: 'Send again every failed or exhausted delivery since a time',
      middleware: [manage] as const,
      request: {
        params: IdParam,
        body: jsonBody(z.strictObject({ since: z.iso.datetime({ offset: true }) })),
      },
      responses: { 202: json(z.object({ replayed: z.number().int() }), 'Queued'), ...errorResponses(400, 404) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await getEndpoint(p, c.var.tenant, id);
      const since = new Date(c.req.valid('json').since);
      if (since.getTime() > p.clock.now().getTime()) throw invalid('invalid_request', 'since: in the future');
      return c.json({ replayed: await replayFailed(p, c.var.tenant, id, since.toISOString()) }, 202);
    },
  );
}
