import type { z } from 'zod';
import type { Principal } from '../auth/principal';
import type { Action } from '../auth/roles';
import type { StaffActionName } from '../domain/complaint/available-actions';
import type { ComplaintRecord, ComplaintView } from '../domain/complaint/complaint-schema';
import { PauseInputSchema, pause, ResumeInputSchema, resume } from '../domain/complaint/pause';
import { ProceedWithoutSchema } from '../domain/complaint/referral-lapse';
import * as t from '../domain/complaint/transitions';
import { invalid, notFound } from '../domain/errors';
import type { ComplaintEvent, EventType } from '../domain/events/event-schema';
import type { Tenant } from '../domain/tenant/tenant-schema';
import type { UnitTree } from '../domain/tenant/units';
import { performAction } from './complaint-actions';
import type { Platform } from './platform';
import { proceedWithoutPartner } from './referral-lapse';
import { tenantUnits } from './tenant-settings';
import { transferComplaint } from './transfer';

/** Besides the complaint: the partner institution a per-referral action is about, the version the caller saw. */
export type ActionTarget = { ifMatch?: number; partnerTenantId?: string };

type Ctx = t.ActionContext & { units: () => Promise<UnitTree | undefined> };
type Run<I> = (
  p: Platform,
  tenant: Tenant,
  principal: Principal,
  id: string,
  input: I,
  o: ActionTarget,
) => Promise<ComplaintView>;

export type StaffAction<S extends z.ZodType = z.ZodType> = {
  name: StaffActionName;
  permission: Action;
  /** The input, as the JSON API's body and the console's form are both checked. */
  schema: S;
  /** What one run records: exactly one event of `marks`, maybe some of `alongside` (a form sent twice is recognised by them). */
  records: { marks: readonly EventType[]; alongside?: readonly EventType[] };
  run: Run<z.infer<S>>;
};

/** Most actions are one transition of the record, judged and stored by `performAction`. */
const byTransition =
  <I>(decide: (record: ComplaintRecord, input: I, ctx: Ctx) => t.Transition | Promise<t.Transition>): Run<I> =>
  (p, tenant, principal, id, input, o) =>
    performAction(
      p,
      tenant,
      principal,
      id,
      (record, ctx) => decide(record, input, { ...ctx, units: () => tenantUnits(p, tenant) }),
      o.ifMatch,
    );

/**
 * Kept as a double cast on purpose: the list holds actions of different input types, and `run`
 * takes its own schema's output (a parameter, so contravariant): no common type but this erasure
 * exists. Sound in use, because every caller runs an action only on what its own `schema` parsed.
 */
const action = <S extends z.ZodType>(a: StaffAction<S>) => a as unknown as StaffAction;

/** Every staff action: who may, what it takes, what it does. The API's routes and the console's forms both read it. */
export const STAFF_ACTIONS: readonly StaffAction[] = [
  action({
    name: 'acknowledge',
    permission: 'complaint:acknowledge',
    schema: t.AcknowledgeSchema,
    records: { marks: ['acknowledged'] },
    run: byTransition((r, _i, ctx) => t.acknowledge(r, ctx)),
  }),
  action({
    name: 'assign',
    permission: 'complaint:assign',
    schema: t.AssignSchema,
    records: { marks: ['assigned'] },
    run: byTransition(async (r, i, ctx) => t.assign(r, i, await ctx.units())),
  }),
  action({
    name: 'extend',
    permission: 'complaint:extend',
    schema: t.ExtendSchema,
    records: { marks: ['extended'], alongside: ['extension_notice_sent'] },
    run: byTransition(t.extend),
  }),
  action({
    name: 'pause',
    permission: 'complaint:pause',
    schema: PauseInputSchema,
    records: { marks: ['paused'] },
    run: byTransition(pause),
  }),
  action({
    name: 'resume',
    permission: 'complaint:pause',
    schema: ResumeInputSchema,
    records: { marks: ['resumed'], alongside: ['deadlines_recalculated'] },
    run: byTransition(resume),
  }),
  action({
    name: 'decision',
    permission: 'complaint:decide',
    schema: t.DecisionInputSchema,
    records: { marks: ['decided'] },
    run: byTransition(t.decide),
  }),
  action({
    name: 'feedback',
    permission: 'complaint:feedback',
    schema: t.FeedbackInputSchema,
    records: { marks: ['feedback_delivered', 'review_feedback_delivered'] },
    run: byTransition(t.recordFeedback),
  }),
  action({
    name: 'review-request',
    permission: 'complaint:review-request',
    schema: t.ReviewRequestSchema,
    records: { marks: ['review_requested'], alongside: ['review_window_opened'] },
    run: byTransition(t.requestReview),
  }),
  action({
    name: 'review-decision',
    permission: 'complaint:review',
    schema: t.ReviewDecisionInputSchema,
    records: { marks: ['reviewed'] },
    run: byTransition(t.decideReview),
  }),
  action({
    name: 'withdraw',
    permission: 'complaint:withdraw',
    schema: t.WithdrawSchema,
    records: { marks: ['withdrawn'] },
    run: byTransition(t.withdraw),
  }),
  action({
    name: 'decline',
    permission: 'complaint:decline',
    schema: t.DeclineSchema,
    records: { marks: ['declined'] },
    run: byTransition(t.decline),
  }),
  // Ends it here and registers it at the receiver: more than one record's transition.
  action({
    name: 'transfer',
    permission: 'complaint:transfer',
    schema: t.TransferSchema,
    records: { marks: ['transferred'] },
    run: (p, tenant, principal, id, input, o) => transferComplaint(p, tenant, principal, id, input, o.ifMatch),
  }),
  // The partner's referral item decides a race with a late answer before the complaint records it.
  action({
    name: 'proceed-without-partner',
    permission: 'complaint:proceed-without-partner',
    schema: ProceedWithoutSchema,
    records: { marks: ['referral_lapsed'] },
    run: (p, tenant, principal, id, input, o) => {
      if (!o.partnerTenantId) throw invalid('invalid_request', 'which partner institution to proceed without');
      return proceedWithoutPartner(p, tenant, principal, id, o.partnerTenantId, input, o.ifMatch);
    },
  }),
];

const BY_NAME = new Map(STAFF_ACTIONS.map((a) => [a.name, a]));

export function staffAction(name: StaffActionName): StaffAction {
  return BY_NAME.get(name)!;
}

/**
 * Runs one staff action on the caller's own tenant. The input is checked with the action's schema
 * here too, whoever checked it before: the same rules whether it came as JSON or as a form. The
 * caller has checked the permission (it decides the response before any read).
 */
export function runStaffAction(
  p: Platform,
  tenant: Tenant,
  principal: Principal,
  name: StaffActionName,
  id: string,
  input: unknown,
  o: ActionTarget = {},
): Promise<ComplaintView> {
  const a = staffAction(name);
  const parsed = a.schema.safeParse(input);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({ path: i.path, message: i.message }));
    throw invalid('invalid_request', `invalid ${name} input`, details);
  }
  return a.run(p, tenant, principal, id, parsed.data, o);
}

/**
 * Whether all that staff recorded on the complaint after event `sinceSeq` is one run of this very
 * action by this user (for a partner, that partner): the same form sent twice, which must not
 * count as a conflict with someone else's change. The workflow's own events do not matter.
 */
export async function repeatedAction(
  p: Platform,
  tenant: Tenant,
  principal: Principal,
  name: StaffActionName,
  id: string,
  sinceSeq: number,
  o: Pick<ActionTarget, 'partnerTenantId'> = {},
): Promise<boolean> {
  const a = staffAction(name);
  const since: ComplaintEvent[] = [];
  let cursor: string | undefined;
  do {
    const page = await p.complaints.events(tenant.tableName, id, 200, cursor);
    since.push(...page.items.filter((e) => e.seq > sinceSeq && e.actor.kind === 'user'));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  const { marks, alongside = [] } = a.records;
  const runs = since.filter((e) => marks.includes(e.type));
  return (
    runs.length === 1 &&
    since.every((e) => e.actor.id === principal.sub && (marks.includes(e.type) || alongside.includes(e.type))) &&
    (o.partnerTenantId === undefined || runs[0]!.data.partnerTenantId === o.partnerTenantId)
  );
}

/** The stored record its action forms are drawn from; another tenant's id is simply not in this tenant's table. */
export async function actionableComplaint(p: Platform, tenant: Tenant, id: string): Promise<ComplaintRecord> {
  const record = await p.complaints.get(tenant.tableName, id);
  if (!record) throw notFound('complaint');
  return record;
}
