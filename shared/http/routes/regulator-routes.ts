import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Platform } from '../../application/platform';
import { CursorParam, openCursor, sealCursor } from '../cursors';
import type { AppEnv } from '../env';
import { errorResponses } from '../error-body';
import { authorize } from '../middleware/authorize';
import { LimitSchema } from './complaint-routes';

const Institution = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(['bank', 'insurer']),
    status: z.string(),
    policy: z.string(),
  })
  .openapi('Institution');

/** The regulator's read-only view across institutions (the portal builds on these routes). */
export function regulatorRoutes(app: OpenAPIHono<AppEnv>, p: Platform) {
  app.openapi(
    createRoute({
      method: 'get',
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
}
