import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { regulatorEvents } from '../../application/complaint-queries';
import type { Platform } from '../../application/platform';
import { forwardedComplaints } from '../../application/regulator-forwarded';
import { returnCsv } from '../../application/regulator-return';
import { platformStats } from '../../application/regulator-stats';
import { RegulatorReferenceSchema } from '../../domain/complaint/intake-schema';
import { ComplaintStatusSchema } from '../../domain/complaint/status';
import { ComplaintEventSchema } from '../../domain/events/event-schema';
import { KpisSchema } from '../../domain/kpi/kpi-report';
import { PeriodSchema } from '../../domain/kpi/period';
import { InstitutionKindSchema } from '../../domain/taxonomy';
import { openCursor, sealedPage } from '../cursors';
import type { AppEnv } from '../env';
import { errorResponses } from '../error-body';
import { authorize } from '../middleware/authorize';
import { CursorParam, documented, json, LimitSchema, page } from '../openapi-helpers';

const pathParam = (name: string) =>
  z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name, in: 'path' } });

const Kpis = documented(KpisSchema, 'Kpis');
const Label = z.object({ 'zh-CN': z.string(), en: z.string() });
const PlatformStats = z
  .object({
    period: z.string(),
    institutions: z.number().int(),
    kpis: Kpis,
    byKind: z.array(z.object({ kind: InstitutionKindSchema, institutions: z.number().int(), kpis: Kpis })),
    byCategory: z.array(z.object({ code: z.string(), label: Label, kind: InstitutionKindSchema, kpis: Kpis })),
    byReason: z.array(z.object({ code: z.string(), label: Label, kind: InstitutionKindSchema, received: z.number() })),
    byChannel: z.array(z.object({ code: z.string(), label: Label, received: z.number() })),
  })
  .openapi('PlatformStats');

const Dated = z.object({ outcome: z.string(), decidedAt: z.string(), onTime: z.boolean() }).nullable();
const Forwarded = z
  .object({
    regulatorReference: z.string(),
    tenantId: z.string(),
    institution: z.string(),
    complaintId: z.string(),
    reference: z.string(),
    status: ComplaintStatusSchema,
    overdue: z.boolean(),
    receivedAt: z.string(),
    deadlines: z.record(z.string(), z.string()),
    extension: z.object({ tier: z.string(), at: z.string() }).nullable(),
    decision: Dated,
    feedback: z.object({ deliveredAt: z.string(), onTime: z.boolean() }).nullable(),
    reviewDecision: Dated,
    ended: z.object({ kind: z.string(), at: z.string() }).nullable(),
    closedAt: z.string().nullable(),
  })
  .openapi('ForwardedComplaint');

const FORWARDED_MAX = 500;

/** The regulator's supervision reads: aggregates, timelines, forwarded complaints, returns. All GET. */
export function regulatorKpiRoutes(app: OpenAPIHono<AppEnv>, p: Platform) {
  const read = authorize(p.directory, 'regulator:read');

  app.openapi(
    createRoute({
      method: 'get',
      path: '/regulator/v1/institutions/{tenantId}/complaints/{id}/events',
      operationId: 'listInstitutionComplaintEvents',
      tags: ['Regulator'],
      summary: "A complaint's timeline: deadlines, escalations, decisions; no free text",
      middleware: [read] as const,
      request: {
        params: z.object({ tenantId: pathParam('tenantId'), id: pathParam('id') }),
        query: z.object({ cursor: CursorParam, limit: LimitSchema.default(100) }),
      },
      responses: {
        200: json(page(documented(ComplaintEventSchema, 'RegulatorEvent')), 'Events in order'),
        ...errorResponses(400, 404),
      },
    }),
    async (c) => {
      const { tenantId, id } = c.req.valid('param');
      const { cursor, limit } = c.req.valid('query');
      return c.json(sealedPage(c, await regulatorEvents(p, tenantId, id, limit, openCursor(c, cursor))), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/regulator/v1/stats',
      operationId: 'getPlatformStats',
      tags: ['Regulator'],
      summary: 'Platform-wide figures by institution kind, category, reason and channel',
      description: 'From the aggregates each change writes in its own transaction: one read per institution and month.',
      middleware: [read] as const,
      request: { query: z.object({ period: PeriodSchema }) },
      responses: {
        200: json(PlatformStats, 'The figures'),
        ...errorResponses(400),
      },
    }),
    async (c) => c.json(await platformStats(p, c.req.valid('query').period), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/regulator/v1/forwarded',
      operationId: 'listForwardedComplaints',
      tags: ['Regulator'],
      summary: 'Complaints the regulator forwarded (转办), with the institution’s report back',
      description: `Newest first, at most ${FORWARDED_MAX} (narrow by reference or institution). Read from each institution's forwarded-complaints partition, never a Scan.`,
      middleware: [read] as const,
      request: {
        query: z.object({
          reference: RegulatorReferenceSchema.optional(),
          tenantId: z.string().min(1).max(64).optional(),
          limit: z.coerce.number().int().min(1).max(FORWARDED_MAX).default(100),
        }),
      },
      responses: {
        200: json(z.object({ items: z.array(Forwarded) }), 'The forwarded complaints'),
        ...errorResponses(400),
      },
    }),
    async (c) => {
      const { reference, tenantId, limit } = c.req.valid('query');
      const items = await forwardedComplaints(p, { ...(reference && { reference }), ...(tenantId && { tenantId }) });
      return c.json({ items: items.slice(0, limit) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/regulator/v1/returns/{file}',
      operationId: 'getPeriodicReturn',
      tags: ['Regulator'],
      summary: 'The periodic return as CSV, e.g. 2026Q3.csv (UTF-8 with BOM)',
      description:
        'One row per institution and business category; columns as documented in README.md (Regulator). Numbers equal the KPIs of GET /regulator/v1/institutions for the period.',
      middleware: [read] as const,
      request: {
        params: z.object({
          file: z
            .string()
            .regex(/^(20\d\d)(Q[1-4]|-(0[1-9]|1[0-2]))\.csv$/, 'must be a period and .csv, e.g. 2026Q3.csv')
            .openapi({ param: { name: 'file', in: 'path' }, example: '2026Q3.csv' }),
        }),
      },
      responses: {
        200: { description: 'The return', content: { 'text/csv': { schema: z.string() } } },
        ...errorResponses(400),
      },
    }),
    async (c) => {
      const { file } = c.req.valid('param');
      const period = file.slice(0, -'.csv'.length);
      c.header('Content-Type', 'text/csv; charset=utf-8');
      c.header('Content-Disposition', `attachment; filename="redress-return-${period}.csv"`);
      return c.body(await returnCsv(p, period), 200);
    },
  );
}
