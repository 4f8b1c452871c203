import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { performAction } from '../../application/complaint-actions';
import type { Platform } from '../../application/platform';
import { proceedWithoutPartner } from '../../application/referral-lapse';
import { tenantUnits } from '../../application/tenant-settings';
import { transferComplaint } from '../../application/transfer';
import type { Action } from '../../auth/roles';
import { type ComplaintRecord, ComplaintViewSchema } from '../../domain/complaint/complaint-schema';
import { PauseInputSchema, pause, ResumeInputSchema, resume } from '../../domain/complaint/pause';
import { ProceedWithoutSchema } from '../../domain/complaint/referral-lapse';
import * as t from '../../domain/complaint/transitions';
import type { UnitTree } from '../../domain/tenant/units';
import { TextSchema } from '../../domain/text';
import type { AppEnv } from '../env';
import { errorResponses } from '../error-body';
import { OptionalIfMatch } from '../if-match';
import { authorize } from '../middleware/authorize';

type Ctx = t.ActionContext & { units: () => Promise<UnitTree | undefined> };

type ActionSpec<S extends z.ZodType> = {
  name: string;
  /** The method name generated clients get. */
  operationId: string;
  permission: Action;
  summary: string;
  body: S;
  decide: (record: ComplaintRecord, input: z.infer<S>, ctx: Ctx) => t.Transition | Promise<t.Transition>;
};

const spec = <S extends z.ZodType>(s: ActionSpec<S>) => s as unknown as ActionSpec<z.ZodType>;

const ACTIONS: ActionSpec<z.ZodType>[] = [
  spec({
    name: 'acknowledge',
    operationId: 'acknowledgeComplaint',
    permission: 'complaint:acknowledge',
    summary: 'Acknowledge receipt to the complainant',
    body: t.AcknowledgeSchema,
    decide: (r, _i, ctx) => t.acknowledge(r, ctx),
  }),
  spec({
    name: 'assign',
    operationId: 'assignComplaint',
    permission: 'complaint:assign',
    summary: 'Assign to a unit and handler',
    body: t.AssignSchema,
    decide: async (r, i, ctx) => t.assign(r, i, await ctx.units()),
  }),
  spec({
    name: 'extend',
    operationId: 'extendDeadline',
    permission: 'complaint:extend',
    summary: 'Extend the decision deadline (complex / especially complex)',
    body: t.ExtendSchema,
    decide: (r, i, ctx) => t.extend(r, i, ctx),
  }),
  spec({
    name: 'pause',
    operationId: 'pauseComplaint',
    permission: 'complaint:pause',
    summary: 'Stop the clock for external appraisal, testing or valuation, with the notice to the complainant',
    body: PauseInputSchema,
    decide: (r, i, ctx) => pause(r, i, ctx),
  }),
  spec({
    name: 'resume',
    operationId: 'resumeComplaint',
    permission: 'complaint:pause',
    summary: 'Run the clock again: the decision deadline moves by the paused calendar days',
    body: ResumeInputSchema,
    decide: (r, i, ctx) => resume(r, i, ctx),
  }),
  spec({
    name: 'decision',
    operationId: 'recordDecision',
    permission: 'complaint:decide',
    summary: 'Record the decision (409 while partner feedback is missing)',
    body: t.DecisionInputSchema,
    decide: (r, i, ctx) => t.decide(r, i, ctx),
  }),
  spec({
    name: 'feedback',
    operationId: 'recordFeedback',
    permission: 'complaint:feedback',
    summary: 'Record that the complainant was told the decision (or the review decision)',
    body: t.FeedbackInputSchema,
    decide: (r, i, ctx) => t.recordFeedback(r, i, ctx),
  }),
  spec({
    name: 'review-request',
    operationId: 'requestReview',
    permission: 'complaint:review-request',
    summary: "Record the complainant's request for review (核查), inside the window",
    body: t.ReviewRequestSchema,
    decide: (r, i, ctx) => t.requestReview(r, i, ctx),
  }),
  spec({
    name: 'review-decision',
    operationId: 'recordReviewDecision',
    permission: 'complaint:review',
    summary: 'Record the review decision (not by the original handler)',
    body: t.ReviewDecisionInputSchema,
    decide: (r, i, ctx) => t.decideReview(r, i, ctx),
  }),
  spec({
    name: 'withdraw',
    operationId: 'withdrawComplaint',
    permission: 'complaint:withdraw',
    summary: 'The complainant withdrew: ends the procedure',
    body: t.WithdrawSchema,
    decide: (r, i, ctx) => t.withdraw(r, i, ctx),
  }),
  spec({
    name: 'decline',
    operationId: 'declineComplaint',
    permission: 'complaint:decline',
    summary: 'Decline to handle, with a reason code',
    body: t.DeclineSchema,
    decide: (r, i, ctx) => t.decline(r, i, ctx),
  }),
];

const ActionParams = z.object({ id: TextSchema.min(1).max(64) });
const responses = {
  200: { description: 'The updated complaint', content: { 'application/json': { schema: ComplaintViewSchema } } },
  ...errorResponses(400, 404, 409, 422),
};

/** `POST /v1/complaints/{id}/<action>`: one route per staff action, all returning the updated complaint. */
export function actionRoutes(app: OpenAPIHono<AppEnv>, p: Platform) {
  for (const a of ACTIONS) {
    app.openapi(
      createRoute({
        method: 'post',
        path: `/v1/complaints/{id}/${a.name}`,
        operationId: a.operationId,
        tags: ['Complaint actions'],
        summary: a.summary,
        description:
          'An action that does not fit the step the complaint waits at is 409 `wrong_step`. Send `If-Match: <version>` to act only on the version you last read.',
        middleware: [authorize(p.directory, a.permission)] as const,
        request: {
          params: ActionParams,
          headers: OptionalIfMatch,
          body: { required: true, content: { 'application/json': { schema: a.body } } },
        },
        responses,
      }),
      async (c) => {
        const input = c.req.valid('json');
        const units = () => tenantUnits(p, c.var.tenant);
        const view = await performAction(
          p,
          c.var.tenant,
          c.var.principal,
          c.req.valid('param').id,
          (record, ctx) => a.decide(record, input, { ...ctx, units }),
          c.req.valid('header')['if-match'],
        );
        return c.json(view, 200);
      },
    );
  }

  app.openapi(
    createRoute({
      method: 'post',
      operationId: 'transferComplaint',
      path: '/v1/complaints/{id}/transfer',
      tags: ['Complaint actions'],
      summary: 'Transfer to another institution: ends it here, registers it there',
      middleware: [authorize(p.directory, 'complaint:transfer')] as const,
      request: {
        params: ActionParams,
        headers: OptionalIfMatch,
        body: { required: true, content: { 'application/json': { schema: t.TransferSchema } } },
      },
      responses,
    }),
    async (c) =>
      c.json(
        await transferComplaint(
          p,
          c.var.tenant,
          c.var.principal,
          c.req.valid('param').id,
          c.req.valid('json'),
          c.req.valid('header')['if-match'],
        ),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'post',
      operationId: 'proceedWithoutPartner',
      path: '/v1/complaints/{id}/referrals/{partnerTenantId}/proceed-without',
      tags: ['Complaint actions'],
      summary:
        "Go ahead without a partner's answer: after the referral's deadline, or at once if the partner is suspended",
      description:
        "The referral ends as `lapsed` (its deadline passed; before it: 422 `referral_deadline_not_passed`) or `waived` (the partner institution is suspended), on the complaint and in the partner's referral list, which then refuses a late answer. Recorded as `referral_lapsed`; the decision no longer waits for that partner.",
      middleware: [authorize(p.directory, 'complaint:proceed-without-partner')] as const,
      request: {
        params: ActionParams.extend({ partnerTenantId: TextSchema.min(1).max(64) }),
        headers: OptionalIfMatch,
        body: { required: true, content: { 'application/json': { schema: ProceedWithoutSchema } } },
      },
      responses,
    }),
    async (c) => {
      const { id, partnerTenantId } = c.req.valid('param');
      return c.json(
        await proceedWithoutPartner(
          p,
          c.var.tenant,
          c.var.principal,
          id,
          partnerTenantId,
          c.req.valid('json'),
          c.req.valid('header')['if-match'],
        ),
        200,
      );
    },
  );
}
