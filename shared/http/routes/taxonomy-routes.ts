import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Platform } from '../../application/platform';
import { TaxonomySchema, taxonomyFor } from '../../domain/taxonomy';
import type { AppEnv } from '../env';
import { errorResponses } from '../error-body';
import { authorize } from '../middleware/authorize';
import { documented, json } from '../openapi-helpers';

export function taxonomyRoutes(app: OpenAPIHono<AppEnv>, p: Platform) {
  app.openapi(
    createRoute({
      method: 'get',
      operationId: 'getTaxonomy',
      path: '/v1/taxonomy',
      tags: ['Institution'],
      summary: "Channels, categories and reasons for the caller's institution type",
      middleware: [authorize(p.directory, 'taxonomy:read')] as const,
      responses: {
        200: json(documented(TaxonomySchema, 'Taxonomy'), 'Codes with zh-CN and en labels'),
        ...errorResponses(),
      },
    }),
    (c) => {
      c.header('Cache-Control', 'private, max-age=300');
      return c.json(taxonomyFor(c.var.tenant.kind), 200);
    },
  );
}
