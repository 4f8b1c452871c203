import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { stateCustomerBase, statedCustomerBase } from '../../application/customer-base';
import type { Platform } from '../../application/platform';
import { notFound } from '../../domain/errors';
import { CustomerBaseSchema } from '../../domain/kpi/customer-base';
import { PeriodSchema } from '../../domain/kpi/period';
import type { AppEnv } from '../env';
import { errorResponses } from '../error-body';
import { authorize } from '../middleware/authorize';
import { documented, json, jsonBody } from '../openapi-helpers';

const Body = documented(CustomerBaseSchema, 'CustomerBaseInput', {
  example: { customers: 1_200_000, policies: 350_000, premiumYuan: 480_000_000 },
});
const Stored = z
  .object({
    period: z.string(),
    customers: z.number().int().optional(),
    policies: z.number().int().optional(),
    premiumYuan: z.number().optional(),
    updatedAt: z.string(),
    updatedBy: z.string(),
  })
  .openapi('CustomerBase');
const PeriodParam = z.object({
  period: documented(PeriodSchema, { param: { name: 'period', in: 'path' }, example: '2026Q4' }),
});

/** The institution's stated size per period: the denominator of the regulator's per-customer ratios. */
export function customerBaseRoutes(app: OpenAPIHono<AppEnv>, p: Platform) {
  app.openapi(
    createRoute({
      method: 'get',
      operationId: 'getCustomerBase',
      path: '/v1/customer-base/{period}',
      tags: ['Institution'],
      summary: 'The customers, policies and premium stated for a period',
      middleware: [authorize(p.directory, 'customer-base:read')] as const,
      request: { params: PeriodParam },
      responses: { 200: json(Stored, 'What was stated'), ...errorResponses(400, 404) },
    }),
    async (c) => {
      const stored = await statedCustomerBase(p, c.var.tenant, c.req.valid('param').period);
      if (!stored) throw notFound('customer base for this period');
      return c.json(stored, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      operationId: 'putCustomerBase',
      path: '/v1/customer-base/{period}',
      tags: ['Institution'],
      summary: 'State the customers, policies and premium of a period (month 2026-11 or quarter 2026Q4)',
      description:
        'Replaces what was stated for the period. The regulator sees complaints received per 10,000 customers or policies and per ¥100m premium; a month without figures of its own uses its quarter’s.',
      middleware: [authorize(p.directory, 'customer-base:write')] as const,
      request: {
        params: PeriodParam,
        body: jsonBody(Body),
      },
      responses: { 200: json(Stored, 'Stored'), ...errorResponses(400) },
    }),
    async (c) => {
      const stored = await stateCustomerBase(
        p,
        c.var.tenant,
        c.var.principal,
        c.req.valid('param').period,
        c.req.valid('json'),
      );
      return c.json(stored, 200);
    },
  );
}
