import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { getCalendarYear, putCalendarYear } from '../../application/calendar-years';
import type { Platform } from '../../application/platform';
import { CalendarIdSchema } from '../../domain/calendars/calendar-data-schema';
import { CalendarYearInputSchema, LOADABLE_YEARS } from '../../domain/calendars/calendar-year';
import type { AppEnv } from '../env';
import { errorResponses } from '../error-body';
import { OptionalIfMatch } from '../if-match';
import { authorize } from '../middleware/authorize';
import { documented, json, jsonBody } from '../openapi-helpers';

const Params = z.object({
  calendar: CalendarIdSchema.exclude(['none']),
  year: z.coerce.number().int().min(LOADABLE_YEARS.min).max(LOADABLE_YEARS.max),
});

const CalendarYear = z
  .object({
    calendar: CalendarIdSchema,
    year: z.number().int(),
    origin: z.enum(['loaded', 'shipped', 'statutory']),
    final: z.boolean(),
    holidays: z.array(z.string()),
    workingDays: z.array(z.string()),
    source: z.string(),
    version: z.number().int(),
    loadedAt: z.string().optional(),
    loadedBy: z.string().optional(),
  })
  .openapi('CalendarYear');

/** Platform operator: load next year's holiday schedule when it is published, without a release. */
export function calendarRoutes(app: OpenAPIHono<AppEnv>, p: Platform) {
  app.openapi(
    createRoute({
      method: 'get',
      operationId: 'getCalendarYear',
      path: '/admin/v1/calendars/{calendar}/{year}',
      tags: ['Platform admin'],
      summary: 'The year of a holiday calendar deadlines are counted with',
      description:
        '`origin`: `loaded` (an operator loaded it; `version` ≥ 1), `shipped` (the data files) or `statutory` (no schedule yet: weekends and the days fixed by law; deadlines over it are provisional, `final: false`).',
      middleware: [authorize(p.directory, 'calendars:manage')] as const,
      request: { params: Params },
      responses: { 200: json(CalendarYear, 'The effective year'), ...errorResponses(400) },
    }),
    async (c) => {
      const { calendar, year } = c.req.valid('param');
      return c.json(await getCalendarYear(p, calendar, year), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      operationId: 'loadCalendarYear',
      path: '/admin/v1/calendars/{calendar}/{year}',
      tags: ['Platform admin'],
      summary: "Load a year's holiday schedule (e.g. China's State Council notice each November)",
      description:
        'Replaces the whole year as a new version. Every date must be in the year; no day both a holiday and a working day; make-up working days (cn only) must be Saturdays or Sundays; every statutory holiday must be a holiday (422 `invalid_calendar_year` listing each problem). `If-Match: <version>` (0 when none is loaded) is optional: with it a concurrent load is 409. Open complaints whose deadlines were provisional are recounted: each that changes records `deadlines_recalculated` and its timers are re-armed; `recalculated` says how many.',
      middleware: [authorize(p.directory, 'calendars:manage')] as const,
      request: {
        params: Params,
        headers: OptionalIfMatch,
        body: jsonBody(documented(CalendarYearInputSchema, 'CalendarYearInput')),
      },
      responses: {
        200: json(
          CalendarYear.extend({ recalculated: z.number().int(), failedTenants: z.array(z.string()) }),
          'Stored; open deadlines recounted (a tenant in `failedTenants` is recounted by loading the year again)',
        ),
        ...errorResponses(400, 409, 422),
      },
    }),
    async (c) => {
      const { calendar, year } = c.req.valid('param');
      const ifMatch = c.req.valid('header')['if-match'];
      return c.json(await putCalendarYear(p, calendar, year, c.req.valid('json'), c.var.principal.sub, ifMatch), 200);
    },
  );
}
