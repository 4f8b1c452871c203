import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { accessLog } from '../../application/pii-access';
import type { Platform } from '../../application/platform';
import { AccessEntrySchema } from '../../domain/complaint/pii-access';
import { openCursor, sealedPage } from '../cursors';
import type { AppEnv } from '../env';
import { errorResponses } from '../error-body';
import { authorize } from '../middleware/authorize';
import { CursorParam, documented, json, LimitSchema, page } from '../openapi-helpers';

const AccessEntry = documented(AccessEntrySchema, 'AccessEntry');

/** The personal-data access log: every reveal of a complaint's personal data in the console. */
export function accessLogRoutes(app: OpenAPIHono<AppEnv>, p: Platform) {
  app.openapi(
    createRoute({
      method: 'get',
      operationId: 'listAccessLog',
      path: '/v1/access-log',
      tags: ['Institution'],
      summary: "Who revealed which complaint's personal data",
      description:
        'Newest first: every month since the institution was onboarded, or one month (`month`, UTC). Entries name the user, the complaint and the fields shown, never the data itself. Administrators only.',
      middleware: [authorize(p.directory, 'access-log:read')] as const,
      request: {
        query: z.object({
          month: z
            .string()
            .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'yyyy-mm')
            .optional()
            .openapi({ description: 'Only this month (UTC), e.g. 2026-03' }),
          cursor: CursorParam,
          limit: LimitSchema.default(50),
        }),
      },
      responses: { 200: json(page(AccessEntry), 'One page, newest first'), ...errorResponses(400) },
    }),
    async (c) => {
      const { month, cursor, limit } = c.req.valid('query');
      const store = openCursor(c, cursor);
      const entries = await accessLog(p, c.var.tenant, {
        limit,
        ...(month && { month }),
        ...(store && { cursor: store }),
      });
      return c.json(sealedPage(c, entries), 200);
    },
  );
}
