import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { regulatorComplaint, regulatorComplaints } from '../../application/complaint-queries';
import type { Platform } from '../../application/platform';
import { RegulatorComplaintViewSchema } from '../../domain/complaint/complaint-schema';
import { CursorParam, openCursor, sealCursor, sealedPage } from '../cursors';
import type { AppEnv } from '../env';
import { errorResponses } from '../error-body';
import { authorize } from '../middleware/authorize';
import { LimitSchema, ListQuery, listFilter } from './complaint-routes';

const Institution = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(['bank', 'insurer']),
    status: z.string(),
    policy: z.string(),
  })
  .openapi('Institution');

const RegulatorComplaint = RegulatorComplaintViewSchema.openapi('RegulatorComplaint');
const pathParam = (name: string) =>
  z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name, in: 'path' } });
const InstitutionParam = z.object({ tenantId: pathParam('tenantId') });

/** The regulator's read-only view across institutions (the portal builds on these routes). */
export function regulatorRoutes(app: OpenAPIHono<AppEnv>, p: Platform) {
  app.openapi(
    createRoute({
      method: 'get',
      operationId: 'listInstitutions',
      path: '/regulator/v1/institutions',
      tags: ['Regulator'],
      summary: 'Institutions on the platform',
      middleware: [authorize(p.directory, 'regulator:read')] as const,
      request: { query: z.object({ cursor: CursorParam, limit: LimitSchema }) },
      responses: {
        200: {
          description: 'One page',
          content: {
            'application/json': {
              schema: z.object({ items: z.array(Institution), nextCursor: z.string().nullable() }),
            },
          },
        },
        ...errorResponses(400),
      },
    }),
    async (c) => {
      const { limit, cursor } = c.req.valid('query');
      const page = await p.tenants.list(limit, openCursor(c, cursor));
      return c.json(
        {
          items: page.items.map(({ id, name, kind, status, policy }) => ({ id, name, kind, status, policy })),
          nextCursor: sealCursor(c, page.nextCursor),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/regulator/v1/institutions/{tenantId}/complaints',
      operationId: 'listInstitutionComplaints',
      tags: ['Regulator'],
      summary: "An institution's complaints, without personal data",
      description: 'No complainant or agent; the description is always the copy redacted at write time.',
      middleware: [authorize(p.directory, 'regulator:read')] as const,
      request: { params: InstitutionParam, query: ListQuery },
      responses: {
        200: {
          description: 'One page, earliest due first',
          content: {
            'application/json': {
              schema: z.object({ items: z.array(RegulatorComplaint), nextCursor: z.string().nullable() }),
            },
          },
        },
        ...errorResponses(400, 404),
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const page = await regulatorComplaints(p, c.req.valid('param').tenantId, listFilter(q, openCursor(c, q.cursor)));
      return c.json(sealedPage(c, page), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/regulator/v1/institutions/{tenantId}/complaints/{id}',
      operationId: 'getInstitutionComplaint',
      tags: ['Regulator'],
      summary: 'One complaint of an institution, without personal data',
      middleware: [authorize(p.directory, 'regulator:read')] as const,
      request: { params: InstitutionParam.extend({ id: pathParam('id') }) },
      responses: {
        200: { description: 'The complaint', content: { 'application/json': { schema: RegulatorComplaint } } },
        ...errorResponses(404),
      },
    }),
    async (c) => {
      const { tenantId, id } = c.req.valid('param');
      return c.json(await regulatorComplaint(p, tenantId, id), 200);
    },
  );
}
