import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Platform } from '../../application/platform';
import { listTenants } from '../../application/tenant-list';
import { onboardTenant, setTenantLimits, setTenantStatus, tenantLimits } from '../../application/tenants';
import {
  OnboardTenantSchema,
  TenantIdSchema,
  TenantLimitsInputSchema,
  TenantSchema,
} from '../../domain/tenant/tenant-schema';
import { openCursor, sealedPage } from '../cursors';
import type { AppEnv } from '../env';
import { errorResponses } from '../error-body';
import { authorize } from '../middleware/authorize';
import { CursorParam, documented, json, jsonBody, LimitSchema, page } from '../openapi-helpers';

const Tenant = documented(TenantSchema, 'Tenant');
const TenantLimits = documented(TenantLimitsInputSchema, 'TenantLimits');
const LIMITS_DESCRIPTION =
  "`requestsPerMinute`: requests all of the institution's staff and integrations may make together in one fixed minute (over it: 429 `tenant_rate_limited` with `Retry-After`); `null`: the platform default (`tenantRequestsPerMinute` of `REDRESS_RATE_LIMITS`). A change reaches every instance within a few seconds.";

/** Platform operator routes: the only ones that create tenants and their tables. */
export function adminRoutes(app: OpenAPIHono<AppEnv>, p: Platform) {
  app.openapi(
    createRoute({
      method: 'post',
      operationId: 'onboardTenant',
      path: '/admin/v1/tenants',
      tags: ['Platform admin'],
      summary: 'Onboard an institution (creates its own table)',
      description:
        'Idempotent by id: a retry of an onboarding that did not finish completes it; an id already in use is 409. A `timezone` the preset is not counted in by law (e.g. UTC for cn-nfra-2020) is 422 `timezone_not_legal`.',
      middleware: [authorize(p.directory, 'tenants:manage')] as const,
      request: {
        body: jsonBody(documented(OnboardTenantSchema, 'OnboardTenant')),
      },
      responses: { 201: json(Tenant, 'Onboarded'), ...errorResponses(400, 409, 422) },
    }),
    async (c) => c.json(await onboardTenant(p, c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'get',
      operationId: 'listTenants',
      path: '/admin/v1/tenants',
      tags: ['Platform admin'],
      summary: 'List institutions',
      middleware: [authorize(p.directory, 'tenants:manage')] as const,
      request: { query: z.object({ cursor: CursorParam, limit: LimitSchema }) },
      responses: {
        200: json(page(Tenant), 'One page'),
        ...errorResponses(400),
      },
    }),
    async (c) => {
      const { limit, cursor } = c.req.valid('query');
      return c.json(sealedPage(c, await listTenants(p, limit, openCursor(c, cursor))), 200);
    },
  );

  for (const [verb, status] of [
    ['suspend', 'suspended'],
    ['reactivate', 'active'],
  ] as const) {
    app.openapi(
      createRoute({
        method: 'post',
        path: `/admin/v1/tenants/{id}/${verb}`,
        operationId: `${verb}Tenant`,
        tags: ['Platform admin'],
        summary:
          verb === 'suspend'
            ? 'Suspend an institution (its users get 403; data is kept)'
            : 'Reactivate a suspended institution',
        middleware: [authorize(p.directory, 'tenants:manage')] as const,
        request: { params: z.object({ id: TenantIdSchema }) },
        responses: { 200: json(Tenant, 'Updated'), ...errorResponses(404, 409) },
      }),
      async (c) => c.json(await setTenantStatus(p, c.req.valid('param').id, status), 200),
    );
  }

  app.openapi(
    createRoute({
      method: 'get',
      operationId: 'getTenantLimits',
      path: '/admin/v1/tenants/{id}/limits',
      tags: ['Platform admin'],
      summary: "An institution's request budget",
      description: LIMITS_DESCRIPTION,
      middleware: [authorize(p.directory, 'tenants:manage')] as const,
      request: { params: z.object({ id: TenantIdSchema }) },
      responses: { 200: json(TenantLimits, 'Its limits'), ...errorResponses(404) },
    }),
    async (c) => c.json(await tenantLimits(p, c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      operationId: 'setTenantLimits',
      path: '/admin/v1/tenants/{id}/limits',
      tags: ['Platform admin'],
      summary: "Set an institution's request budget (its plan)",
      description: LIMITS_DESCRIPTION,
      middleware: [authorize(p.directory, 'tenants:manage')] as const,
      request: {
        params: z.object({ id: TenantIdSchema }),
        body: jsonBody(TenantLimits),
      },
      responses: { 200: json(TenantLimits, 'Set'), ...errorResponses(400, 404) },
    }),
    async (c) => c.json(await setTenantLimits(p, c.req.valid('param').id, c.req.valid('json')), 200),
  );
}
