import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Platform } from '../../application/platform';
import { runStaffAction, STAFF_ACTIONS, staffAction } from '../../application/staff-actions';
import type { StaffActionName } from '../../domain/complaint/available-actions';
import { ComplaintViewSchema } from '../../domain/complaint/complaint-schema';
import { TextSchema } from '../../domain/text';
import type { AppEnv } from '../env';
import { errorResponses } from '../error-body';
import { OptionalIfMatch } from '../if-match';
import { authorize } from '../middleware/authorize';
import { json, jsonBody } from '../openapi-helpers';

/** What the OpenAPI document says of each action: the method name generated clients get, and a summary. */
const DOCS: Record<StaffActionName, { operationId: string; summary: string }> = {
  acknowledge: { operationId: 'acknowledgeComplaint', summary: 'Acknowledge receipt to the complainant' },
  assign: { operationId: 'assignComplaint', summary: 'Assign to a unit and handler' },
  extend: {
    operationId: 'extendDeadline',
    summary: 'Extend the decision deadline (complex / especially complex)',
  },
  pause: {
    operationId: 'pauseComplaint',
    summary: 'Stop the clock for external appraisal, testing or valuation, with the notice to the complainant',
  },
  resume: {
    operationId: 'resumeComplaint',
    summary: 'Run the clock again: the decision deadline moves by the paused calendar days',
  },
  decision: { operationId: 'recordDecision', summary: 'Record the decision (409 while partner feedback is missing)' },
  feedback: {
    operationId: 'recordFeedback',
    summary: 'Record that the complainant was told the decision (or the review decision)',
  },
  'review-request': {
    operationId: 'requestReview',
    summary: "Record the complainant's request for review (核查), inside the window",
  },
  'review-decision': {
    operationId: 'recordReviewDecision',
    summary: 'Record the review decision (not by the original handler)',
  },
  withdraw: { operationId: 'withdrawComplaint', summary: 'The complainant withdrew: ends the procedure' },
  decline: { operationId: 'declineComplaint', summary: 'Decline to handle, with a reason code' },
  transfer: {
    operationId: 'transferComplaint',
    summary: 'Transfer to another institution: ends it here, registers it there',
  },
  'proceed-without-partner': {
    operationId: 'proceedWithoutPartner',
    summary:
      "Go ahead without a partner's answer: after the referral's deadline, or at once if the partner is suspended",
  },
};

/** Routed by their own paths or shapes below, not as `/v1/complaints/{id}/<name>` with the shared description. */
const OWN_ROUTE: readonly StaffActionName[] = ['transfer', 'proceed-without-partner'];

const ActionParams = z.object({ id: TextSchema.min(1).max(64) });
const responses = {
  200: json(ComplaintViewSchema, 'The updated complaint'),
  ...errorResponses(400, 404, 409, 422),
};

/** `POST /v1/complaints/{id}/<action>`: one route per staff action, all returning the updated complaint. */
export function actionRoutes(app: OpenAPIHono<AppEnv>, p: Platform) {
  for (const a of STAFF_ACTIONS.filter((x) => !OWN_ROUTE.includes(x.name))) {
    app.openapi(
      createRoute({
        method: 'post',
        path: `/v1/complaints/{id}/${a.name}`,
        operationId: DOCS[a.name].operationId,
        tags: ['Complaint actions'],
        summary: DOCS[a.name].summary,
        description:
          'An action that does not fit the step the complaint waits at is 409 `wrong_step`. Send `If-Match: <version>` to act only on the version you last read.',
        middleware: [authorize(p.directory, a.permission)] as const,
        request: {
          params: ActionParams,
          headers: OptionalIfMatch,
          body: jsonBody(a.schema),
        },
        responses,
      }),
      async (c) =>
        c.json(
          await runStaffAction(p, c.var.tenant, c.var.principal, a.name, c.req.valid('param').id, c.req.valid('json'), {
            ifMatch: c.req.valid('header')['if-match'],
          }),
          200,
        ),
    );
  }

  const transfer = staffAction('transfer');
  app.openapi(
    createRoute({
      method: 'post',
      operationId: DOCS.transfer.operationId,
      path: '/v1/complaints/{id}/transfer',
      tags: ['Complaint actions'],
      summary: DOCS.transfer.summary,
      middleware: [authorize(p.directory, transfer.permission)] as const,
      request: {
        params: ActionParams,
        headers: OptionalIfMatch,
        body: jsonBody(transfer.schema),
      },
      responses,
    }),
    async (c) =>
      c.json(
        await runStaffAction(
          p,
          c.var.tenant,
          c.var.principal,
          'transfer',
          c.req.valid('param').id,
          c.req.valid('json'),
          {
            ifMatch: c.req.valid('header')['if-match'],
          },
        ),
        200,
      ),
  );

  const proceed = staffAction('proceed-without-partner');
  app.openapi(
    createRoute({
      method: 'post',
      operationId: DOCS['proceed-without-partner'].operationId,
      path: '/v1/complaints/{id}/referrals/{partnerTenantId}/proceed-without',
      tags: ['Complaint actions'],
      summary: DOCS['proceed-without-partner'].summary,
      description:
        "The referral ends as `lapsed` (its deadline passed; before it: 422 `referral_deadline_not_passed`) or `waived` (the partner institution is suspended), on the complaint and in the partner's referral list, which then refuses a late answer. Recorded as `referral_lapsed`; the decision no longer waits for that partner.",
      middleware: [authorize(p.directory, proceed.permission)] as const,
      request: {
        params: ActionParams.extend({ partnerTenantId: TextSchema.min(1).max(64) }),
        headers: OptionalIfMatch,
        body: jsonBody(proceed.schema),
      },
      responses,
    }),
    async (c) => {
      const { id, partnerTenantId } = c.req.valid('param');
      return c.json(
        await runStaffAction(p, c.var.tenant, c.var.principal, 'proceed-without-partner', id, c.req.valid('json'), {
          ifMatch: c.req.valid('header')['if-match'],
          partnerTenantId,
        }),
        200,
      );
    },
  );
}
