import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { regulatorComplaint, regulatorComplaints } from '../../application/complaint-queries';
import type { Platform } from '../../application/platform';
import { institutionsPage } from '../../application/regulator-kpis';
import { RegulatorComplaintViewSchema } from '../../domain/complaint/complaint-schema';
import { InstitutionKindSchema } from '../../domain/institution-kind';
import { GaugesSchema, KpisSchema } from '../../domain/kpi/kpi-report';
import { PeriodSchema } from '../../domain/kpi/period';
import { ChannelSchema } from '../../domain/taxonomy';
import { openCursor, sealedPage } from '../cursors';
import type { AppEnv } from '../env';
import { errorResponses } from '../error-body';
import { authorize } from '../middleware/authorize';
import { CursorParam, documented, json, LimitSchema, page } from '../openapi-helpers';
import { ListQuery, listFilter } from './complaint-routes';

const Institution = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: InstitutionKindSchema,
    status: z.string(),
    policy: z.string(),
  })
  .openapi('Institution');

const InstitutionWithKpis = Institution.extend({
  period: z.string().optional(),
  kpis: KpisSchema.optional(),
  gauges: GaugesSchema.optional(),
  customerBase: z
    .object({
      period: z.string(),
      customers: z.number().int().optional(),
      policies: z.number().int().optional(),
      premiumYuan: z.number().optional(),
    })
    .nullable()
    .optional()
    .openapi({ description: 'The size the institution stated for the period (or its quarter); null: none' }),
  per10kCustomers: z.number().nullable().optional().openapi({ description: 'Received per 10,000 customers' }),
  per10kPolicies: z.number().nullable().optional().openapi({ description: 'Received per 10,000 policies' }),
  per100mPremium: z.number().nullable().optional().openapi({ description: 'Received per ¥100m premium' }),
}).openapi('InstitutionWithKpis');

const RegulatorComplaint = documented(RegulatorComplaintViewSchema, 'RegulatorComplaint');

const instant = z.iso.datetime({ offset: true }).optional();
/** The institution's list plus filters applied page-wise to the index read (see README: Regulator). */
const RegulatorListQuery = ListQuery.extend({
  category: z.string().min(1).max(40).optional(),
  reason: z.string().min(1).max(40).optional(),
  channel: ChannelSchema.optional(),
  receivedFrom: instant.openapi({ description: 'Received at or after this instant' }),
  receivedTo: instant.openapi({ description: 'Received before this instant' }),
});
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
      summary: 'Institutions on the platform, with their KPIs for a period',
      description:
        'With `period` (a month 2026-11 or a quarter 2026Q4) each institution carries its KPIs for it and its gauges (open and overdue now), read from aggregates, and complaints received per 10,000 customers or policies and per ¥100m premium where it stated them (PUT /v1/customer-base/{period}); null where it did not.',
      middleware: [authorize(p.directory, 'regulator:read')] as const,
      request: { query: z.object({ period: PeriodSchema.optional(), cursor: CursorParam, limit: LimitSchema }) },
      responses: {
        200: json(page(InstitutionWithKpis), 'One page'),
        ...errorResponses(400),
      },
    }),
    async (c) => {
      const { limit, cursor, period } = c.req.valid('query');
      const store = openCursor(c, cursor);
      const page = await institutionsPage(p, { limit, ...(store && { cursor: store }), ...(period && { period }) });
      return c.json(sealedPage(c, page), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/regulator/v1/institutions/{tenantId}/complaints',
      operationId: 'listInstitutionComplaints',
      tags: ['Regulator'],
      summary: "An institution's complaints, without personal data",
      description:
        'No complainant or agent; the description is always the copy redacted at write time. `status` (or none: every open complaint) picks the index; the other filters are applied to the pages read from it.',
      middleware: [authorize(p.directory, 'regulator:read')] as const,
      request: { params: InstitutionParam, query: RegulatorListQuery },
      responses: {
        200: json(page(RegulatorComplaint), 'One page, earliest due first'),
        ...errorResponses(400, 404),
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const filter = {
        ...listFilter(q, openCursor(c, q.cursor)),
        ...(q.category && { category: q.category }),
        ...(q.reason && { reason: q.reason }),
        ...(q.channel && { channel: q.channel }),
        ...(q.receivedFrom && { receivedFrom: new Date(q.receivedFrom).toISOString() }),
        ...(q.receivedTo && { receivedTo: new Date(q.receivedTo).toISOString() }),
      };
      const page = await regulatorComplaints(p, c.req.valid('param').tenantId, filter);
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
        200: json(RegulatorComplaint, 'The complaint'),
        ...errorResponses(404),
      },
    }),
    async (c) => {
      const { tenantId, id } = c.req.valid('param');
      return c.json(await regulatorComplaint(p, tenantId, id), 200);
    },
  );
}
