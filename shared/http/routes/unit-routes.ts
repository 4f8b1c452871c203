import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Platform } from '../../application/platform';
import { replaceUnits, unitHierarchy } from '../../application/unit-hierarchy';
import { UnitTreeSchema } from '../../domain/tenant/units';
import type { AppEnv } from '../env';
import { errorResponses } from '../error-body';
import { RequiredIfMatch } from '../if-match';
import { authorize } from '../middleware/authorize';
import { documented, json, jsonBody } from '../openapi-helpers';

const UnitsBody = documented(UnitTreeSchema, 'Units');
const UnitsResponse = z.object({ units: UnitsBody.shape.units, version: z.number().int() });

/** The institution's hierarchy (head office → branch → sub-branch …) that escalation walks up. */
export function unitRoutes(app: OpenAPIHono<AppEnv>, p: Platform) {
  app.openapi(
    createRoute({
      method: 'get',
      operationId: 'getUnits',
      path: '/v1/units',
      tags: ['Institution'],
      summary: 'The unit hierarchy',
      middleware: [authorize(p.directory, 'units:read')] as const,
      responses: {
        200: json(UnitsResponse, 'Units and their version'),
        ...errorResponses(),
      },
    }),
    async (c) => c.json(await unitHierarchy(p, c.var.tenant), 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      operationId: 'replaceUnits',
      path: '/v1/units',
      tags: ['Institution'],
      summary: 'Replace the unit hierarchy',
      description:
        'Send `If-Match: <version>` of the hierarchy you read (0 when there is none yet); a stale version gets 409.',
      middleware: [authorize(p.directory, 'units:write')] as const,
      request: {
        headers: RequiredIfMatch,
        body: jsonBody(UnitsBody),
      },
      responses: {
        200: json(UnitsResponse, 'Stored'),
        ...errorResponses(400, 409),
      },
    }),
    async (c) =>
      c.json(await replaceUnits(p, c.var.tenant, c.req.valid('json'), c.req.valid('header')['if-match']), 200),
  );
}
