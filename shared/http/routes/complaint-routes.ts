import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { getComplaint, listComplaints, listEvents, requireComplaint } from '../../application/complaint-queries';
import { registerComplaint } from '../../application/intake';
import type { Platform } from '../../application/platform';
import { ComplaintViewSchema } from '../../domain/complaint/complaint-schema';
import { IntakeSchema } from '../../domain/complaint/intake-schema';
import { ComplaintStatusSchema } from '../../domain/complaint/status';
import { ComplaintEventSchema } from '../../domain/events/event-schema';
import { TextSchema } from '../../domain/text';
import type { ListFilter } from '../../store/complaints-repo';
import { openCursor, sealedPage } from '../cursors';
import type { AppEnv } from '../env';
import { errorResponses } from '../error-body';
import { authorize } from '../middleware/authorize';
import { CursorParam, documented, json, jsonBody, LimitSchema, page } from '../openapi-helpers';

const Complaint = documented(ComplaintViewSchema, 'Complaint');
export const IdParam = z.object({
  id: TextSchema.min(1)
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

export const ListQuery = z.object({
  status: ComplaintStatusSchema.optional().openapi({
    description: 'Without it: every open complaint (the work queue)',
  }),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  unit: TextSchema.max(64).optional(),
  dueBefore: z.iso
    .datetime({ offset: true })
    .optional()
    .openapi({ description: 'Only complaints whose decision deadline is before this instant' }),
  cursor: CursorParam,
  limit: LimitSchema,
});

/** The store's filter from the list query (the institution's and the regulator's lists share it). */
export const listFilter = (q: z.infer<typeof ListQuery>, cursor: string | undefined): ListFilter => ({
  limit: q.limit,
  ...(q.status && { status: q.status }),
  ...(q.overdue !== undefined && { overdue: q.overdue }),
  ...(q.unit && { unitId: q.unit }),
  ...(q.dueBefore && { dueBefore: new Date(q.dueBefore).toISOString() }),
  ...(cursor && { cursor }),
});

export function complaintRoutes(app: OpenAPIHono<AppEnv>, p: Platform) {
  app.openapi(
    createRoute({
      method: 'post',
      operationId: 'registerComplaint',
      path: '/v1/complaints',
      tags: ['Complaints'],
      summary: 'Register a complaint',
      description:
        'Idempotent by `Idempotency-Key`: the same key and body return the first complaint (header `Idempotent-Replayed: true`); the same key with another body is 422.',
      middleware: [authorize(p.directory, 'complaint:create')] as const,
      request: {
        headers: z.object({
          'idempotency-key': z
            .string()
            .min(1)
            .max(255)
            .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces'),
        }),
        body: jsonBody(documented(IntakeSchema, 'Intake')),
      },
      responses: { 201: json(Complaint, 'Registered (or replayed)'), ...errorResponses(400, 409, 413, 422) },
    }),
    async (c) => {
      const result = await registerComplaint(
        p,
        c.var.tenant,
        c.var.principal,
        c.req.valid('json'),
        c.req.valid('header')['idempotency-key'],
      );
      if (result.replayed) c.header('Idempotent-Replayed', 'true');
      c.header('Location', `/v1/complaints/${result.complaint.id}`);
      return c.json(result.complaint, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      operationId: 'listComplaints',
      path: '/v1/complaints',
      tags: ['Complaints'],
      summary: 'List complaints by status and due date',
      middleware: [authorize(p.directory, 'complaint:read')] as const,
      request: { query: ListQuery },
      responses: {
        200: json(page(Complaint), 'One page, earliest due first'),
        ...errorResponses(400),
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const page = await listComplaints(p, c.var.tenant, c.var.principal, listFilter(q, openCursor(c, q.cursor)));
      return c.json(sealedPage(c, page), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      operationId: 'getComplaint',
      path: '/v1/complaints/{id}',
      tags: ['Complaints'],
      summary: 'Read one complaint',
      middleware: [authorize(p.directory, 'complaint:read')] as const,
      request: { params: IdParam },
      responses: { 200: json(Complaint, 'The complaint'), ...errorResponses(404) },
    }),
    async (c) => c.json(await getComplaint(p, c.var.tenant, c.var.principal, c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      operationId: 'listComplaintEvents',
      path: '/v1/complaints/{id}/events',
      tags: ['Complaints'],
      summary: "A complaint's append-only, hash-chained event log",
      middleware: [authorize(p.directory, 'complaint:read')] as const,
      request: {
        params: IdParam,
        query: z.object({ cursor: CursorParam, limit: LimitSchema.default(100) }),
      },
      responses: {
        200: json(page(documented(ComplaintEventSchema, 'Event')), 'Events in order'),
        ...errorResponses(400, 404),
      },
    }),
    async (c) => {
      const { cursor, limit } = c.req.valid('query');
      const { id } = c.req.valid('param');
      // An unknown complaint is a 404 whatever cursor comes with it, as without one.
      if (cursor !== undefined) await requireComplaint(p, c.var.tenant, id);
      return c.json(sealedPage(c, await listEvents(p, c.var.tenant, id, limit, openCursor(c, cursor))), 200);
    },
  );
}
