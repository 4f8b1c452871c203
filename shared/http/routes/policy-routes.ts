import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { type PolicyState, policyState, setPolicyOverride } from '../../application/effective-policy';
import type { Platform } from '../../application/platform';
import { PolicyOverrideSchema, SlaPolicySchema } from '../../domain/sla';
import type { AppEnv } from '../env';
import { errorResponses } from '../error-body';
import { RequiredIfMatch } from '../if-match';
import { authorize } from '../middleware/authorize';
import { documented, json, jsonBody } from '../openapi-helpers';

const PolicyResponse = z
  .object({
    preset: SlaPolicySchema,
    override: PolicyOverrideSchema,
    effective: SlaPolicySchema,
    version: z.number().int(),
  })
  .openapi('Policy');
const ok = (state: PolicyState) => state;

export function policyRoutes(app: OpenAPIHono<AppEnv>, p: Platform) {
  app.openapi(
    createRoute({
      method: 'get',
      operationId: 'getPolicy',
      path: '/v1/policy',
      tags: ['Institution'],
      summary: 'The SLA policy in force: preset, override and the effective result',
      middleware: [authorize(p.directory, 'policy:read')] as const,
      responses: {
        200: json(PolicyResponse, 'Policy'),
        ...errorResponses(),
      },
    }),
    async (c) => c.json(ok(await policyState(p, c.var.tenant)), 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      operationId: 'replacePolicyOverride',
      path: '/v1/policy',
      tags: ['Institution'],
      summary: 'Replace the override (stricter than the preset only)',
      description:
        'Looser than the preset → 422 listing every offending field. Send `If-Match: <version>` (0 when there is none yet). Applies to complaints received from then on: each change is a new immutable version, and an open complaint keeps the version it was registered under (`policy.revision`).',
      middleware: [authorize(p.directory, 'policy:write')] as const,
      request: {
        headers: RequiredIfMatch,
        body: jsonBody(documented(PolicyOverrideSchema, 'PolicyOverride')),
      },
      responses: {
        200: json(PolicyResponse, 'Stored'),
        ...errorResponses(400, 409, 422),
      },
    }),
    async (c) => {
      const expected = c.req.valid('header')['if-match'];
      return c.json(ok(await setPolicyOverride(p, c.var.tenant, c.req.valid('json'), expected)), 200);
    },
  );
}
