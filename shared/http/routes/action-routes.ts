import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Action } from '../../auth/roles';
import { performAction } from '../../application/complaint-actions';
import type { Platform } from '../../application/platform';
import { ComplaintViewSchema } from '../../domain/complaint/complaint-schema';
import { acknowledge, AcknowledgeSchema, assign, AssignSchema, type Transition } from '../../domain/complaint/transitions';
import type { ComplaintRecord } from '../../domain/complaint/complaint-schema';
import type { UnitTree } from '../../domain/tenant/units';
import type { AppEnv } from '../env';
import { errorResponses } from '../error-body';
import { authorize } from '../middleware/authorize';

type ActionSpec<S extends z.ZodType> = {
  name: string;
  permission: Action;
  summary: string;
  body: S;
  decide: (record: ComplaintRecord, input: z.infer<S>, ctx: ActionContext) => Transition | Promise<Transition>;
};

/** What an action may consult besides the complaint; loaded only by the actions that need it. */
type ActionContext = { at: string; units: () => Promise<UnitTree | undefined> };

const ACTIONS = [
  { name: 'acknowledge', permission: 'complaint:acknowledge', summary: 'Acknowledge receipt to the complainant', body: AcknowledgeSchema, decide: (r, _i, ctx) => acknowledge(r, ctx.at) } satisfies ActionSpec<typeof AcknowledgeSchema>,
  { name: 'assign', permission: 'complaint:assign', summary: 'Assign to a unit and handler', body: AssignSchema, decide: async (r, i, ctx) => assign(r, i, await ctx.units()) } satisfies ActionSpec<typeof AssignSchema>,
];

/** `POST /v1/complaints/{id}/<action>`: one route per staff action, all returning the updated complaint. */
export function actionRoutes(app: OpenAPIHono<AppEnv>, p: Platform) {
  for (const spec of ACTIONS as ActionSpec<z.ZodType>[]) {
    app.openapi(
      createRoute({
        method: 'post',
        path: `/v1/complaints/{id}/${spec.name}`,
        tags: ['Complaint actions'],
        summary: spec.summary,
        description: 'Send `If-Match: <version>` to act only on the version you last read (409 otherwise).',
        middleware: [authorize(p.directory, spec.permission)] as const,
        request: {
          params: z.object({ id: z.string().min(1).max(64) }),
          headers: z.object({ 'if-match': z.string().regex(/^"?\d+"?$/, 'the complaint version you read, e.g. 3').optional() }),
          body: { required: true, content: { 'application/json': { schema: spec.body } } },
        },
        responses: {
          200: { description: 'The updated complaint', content: { 'application/json': { schema: ComplaintViewSchema } } },
          ...errorResponses(400, 404, 409, 422),
        },
      }),
      async (c) => {
        const ifMatch = c.req.valid('header')['if-match'];
        const input = c.req.valid('json');
        const view = await performAction(
          p,
          c.var.tenant,
          c.var.principal,
          c.req.valid('param').id,
          (record, at) => spec.decide(record, input, { at, units: () => p.units.get(c.var.tenant.tableName) }),
          ifMatch === undefined ? undefined : Number(ifMatch.replaceAll('"', '')),
        );
        return c.json(view, 200);
      },
    );
  }
}
