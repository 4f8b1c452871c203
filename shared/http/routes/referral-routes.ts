import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Platform } from '../../application/platform';
import { referralInbox } from '../../application/referral-inbox';
import { answerReferral } from '../../application/referral-tasks';
import { ReferralAnswerSchema, ReferralSchema, ReferralStatusSchema } from '../../domain/complaint/referral';
import { TextSchema } from '../../domain/text';
import { openCursor, sealCursor } from '../cursors';
import type { AppEnv } from '../env';
import { errorResponses } from '../error-body';
import { authorize } from '../middleware/authorize';
import { CursorParam, documented, json, jsonBody, LimitSchema, page } from '../openapi-helpers';

/** What a partner's staff see of a referral: the engine's token and bookkeeping stay inside. */
const ReferralView = ReferralSchema.omit({ token: true, firedUntil: true, policy: true }).openapi('Referral');
const view = (r: z.infer<typeof ReferralSchema>) => {
  const { token: _t, firedUntil: _f, policy: _p, ...rest } = r;
  return rest;
};

/** Referrals addressed to the caller's institution as a partner in another institution's complaint. */
export function referralRoutes(app: OpenAPIHono<AppEnv>, p: Platform) {
  app.openapi(
    createRoute({
      method: 'get',
      operationId: 'listReferrals',
      path: '/v1/referrals',
      tags: ['Referrals'],
      summary: 'Referrals to answer (open ones by deadline), or of one status',
      middleware: [authorize(p.directory, 'referral:read')] as const,
      request: {
        query: z.object({
          status: ReferralStatusSchema.optional(),
          cursor: CursorParam,
          limit: LimitSchema,
        }),
      },
      responses: {
        200: json(page(ReferralView), 'One page'),
        ...errorResponses(400),
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const cursor = openCursor(c, q.cursor);
      const page = await referralInbox(p, c.var.tenant, {
        limit: q.limit,
        ...(q.status && { status: q.status }),
        ...(cursor && { cursor }),
      });
      return c.json({ items: page.items.map(view), nextCursor: sealCursor(c, page.nextCursor) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      operationId: 'answerReferral',
      path: '/v1/referrals/{id}/feedback',
      tags: ['Referrals'],
      summary: "Answer a referral: the referring institution's decision waits for it",
      middleware: [authorize(p.directory, 'referral:answer')] as const,
      request: {
        params: z.object({ id: TextSchema.min(1).max(80) }),
        body: jsonBody(documented(ReferralAnswerSchema, 'ReferralAnswer')),
      },
      responses: {
        200: json(ReferralView, 'The answered referral'),
        ...errorResponses(400, 404, 409),
      },
    }),
    async (c) =>
      c.json(
        view(await answerReferral(p, c.var.tenant, c.var.principal, c.req.valid('param').id, c.req.valid('json'))),
        200,
      ),
  );
}
