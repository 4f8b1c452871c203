import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { RepairSchema } from '../../application/lifecycle-repair';
import type { Platform } from '../../application/platform';
import { repairTenantLifecycles } from '../../application/tenant-lifecycle-repair';
import { TenantIdSchema } from '../../domain/tenant/tenant-schema';
import { openCursor, sealCursor } from '../cursors';
import type { AppEnv } from '../env';
import { errorResponses } from '../error-body';
import { authorize } from '../middleware/authorize';
import { CursorParam, json, jsonBody } from '../openapi-helpers';

// Rebuilt with the extended zod: the application's schema may be made before zod is extended.
const Repair = z.object(RepairSchema.shape).openapi('LifecycleRepair');
const RepairRequest = z
  .strictObject({
    complaintId: z
      .string()
      .regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, "a complaint's id (26 characters)")
      .optional()
      .openapi({ description: 'Repair this complaint only' }),
    cursor: CursorParam,
  })
  .refine((b) => !(b.complaintId && b.cursor), { message: 'complaintId or cursor, not both', path: ['cursor'] })
  .openapi('LifecycleRepairRequest');

/** Platform operator: re-enter an institution's broken lifecycles at their recorded step (issue 7). */
export function lifecycleRepairRoutes(app: OpenAPIHono<AppEnv>, p: Platform) {
  app.openapi(
    createRoute({
      method: 'post',
      operationId: 'repairLifecycles',
      path: '/admin/v1/tenants/{id}/lifecycle-repair',
      tags: ['Platform admin'],
      summary: "Re-enter an institution's broken lifecycles at the step their record is at",
      description:
        "For lifecycles broken by the signal race fixed in issue 7: an execution past the step its complaint's record is at, or one that ended while the complaint is open. Each is moved back to the recorded step and restarted there as a new execution (`execution`: `<complaintId>-r<n>`; a Standard execution's name cannot be used again); the stopped one goes to the dead-letter queue as `ABORTED` with the error `Redress.Restarted`. Lifecycles that are sound are left alone, so running it again repairs nothing twice, and a repair cut short is finished by the next run. Without a body (or with `{}`) it looks at one page of open complaints; send `nextCursor` back as `cursor` until it is null. With `complaintId`, that complaint only (404 if it does not exist).",
      middleware: [authorize(p.directory, 'lifecycles:repair')] as const,
      request: {
        params: z.object({ id: TenantIdSchema }),
        body: jsonBody(RepairRequest, false),
      },
      responses: {
        200: json(
          z.object({ repairs: z.array(Repair), nextCursor: z.string().nullable() }),
          'The lifecycles repaired (empty: none needed it)',
        ),
        ...errorResponses(400, 404, 409),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const cursor = openCursor(c, body.cursor);
      const page = await repairTenantLifecycles(p, id, {
        ...(body.complaintId && { complaintId: body.complaintId }),
        ...(cursor && { cursor }),
      });
      return c.json({ repairs: page.repairs, nextCursor: sealCursor(c, page.nextCursor) }, 200);
    },
  );
}
