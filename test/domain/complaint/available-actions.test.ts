/**
 * The console offers exactly the actions the record allows: for every generated record, an action
 * is available if and only if its transition, given valid input by someone allowed to act, is not
 * refused for the record's state (409, a missing referral, or a 422 the record itself explains).
 */
import { fc, it as prop } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  ACTION_STATUSES,
  availableActions,
  type StaffActionName,
  StaffActionNameSchema,
} from '../../../shared/domain/complaint/available-actions';
import type { ComplaintRecord } from '../../../shared/domain/complaint/complaint-schema';
import { pause, resume } from '../../../shared/domain/complaint/pause';
import { ReferralStatusSchema } from '../../../shared/domain/complaint/referral';
import { proceedWithout } from '../../../shared/domain/complaint/referral-lapse';
import { ComplaintStatusSchema } from '../../../shared/domain/complaint/status';
import * as t from '../../../shared/domain/complaint/transitions';
import { DomainError } from '../../../shared/domain/errors';
import { computeDeadlines, PRESETS, presetById, type SlaPolicy } from '../../../shared/domain/sla';

const timezone = 'Asia/Shanghai';
const receivedAt = '2026-03-02T02:00:00.000Z';
const DAY = 86_400_000;
const plus = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();
const units = { units: [{ id: 'head-office', name: { 'zh-CN': '总行', en: 'Head office' } }] };

/** The 422s a record's own state explains (the others are about the input or the person). */
const STATE_RULES = new Set(['deadline_passed', 'no_review_stage', 'review_window_closed', 'extension_not_in_policy']);

function refusedForState(run: () => unknown): boolean {
  try {
    run();
    return false;
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    return e.kind === 'conflict' || e.kind === 'not_found' || (e.kind === 'rule_violation' && STATE_RULES.has(e.code));
  }
}

/** Each action's transition with input that is valid whatever the record. */
function attempt(name: StaffActionName, r: ComplaintRecord, policy: SlaPolicy, now: string) {
  const ctx: t.ActionContext = { at: now, actor: 'supervisor-9', policy, timezone };
  const tier = policy.extensions.complex ? 'complex' : 'especially_complex';
  const partner = (r.referrals.find((x) => x.status === 'open') ?? r.referrals[0])?.partnerTenantId ?? 'nobody';
  const runs: Record<StaffActionName, () => unknown> = {
    acknowledge: () => t.acknowledge(r, ctx),
    assign: () => t.assign(r, { unitId: 'head-office', assignee: 'handler-2' }, units),
    extend: () => t.extend(r, { tier, reason: '需外部鉴定', approvedBy: '总行' }, ctx),
    pause: () => pause(r, { reason: '鉴定', notice: { channel: 'phone' } }, ctx),
    resume: () => resume(r, {}, ctx),
    decision: () => t.decide(r, { outcome: 'upheld', summary: '退还年费' }, ctx),
    feedback: () => t.recordFeedback(r, { channel: 'phone', deliveredAt: now, summary: '已电话告知' }, ctx),
    'review-request': () => t.requestReview(r, { reason: '不服' }, ctx),
    'review-decision': () => t.decideReview(r, { outcome: 'changed', summary: '改为全额退还' }, ctx),
    withdraw: () => t.withdraw(r, {}, ctx),
    decline: () => t.decline(r, { reasonCode: 'duplicate' }, ctx),
    transfer: () =>
      t.transferOut(
        r,
        { toTenantId: 'insurer-b', reason: '保险产品' },
        { ...ctx, tenantId: 'bank-a', toComplaintId: 'x' },
      ),
    'proceed-without-partner': () =>
      proceedWithout(r, { reason: '逾期未复', partnerTenantId: partner, end: 'lapsed', deadline: undefined }, ctx),
  };
  return runs[name];
}

function record(o: {
  policy: SlaPolicy;
  status: ComplaintRecord['status'];
  now: string;
  pausedFor: number | null;
  decidedAgo: number | null;
  referrals: ComplaintRecord['referrals'][number]['status'][];
  reviewWindowLeft: number | null;
}): ComplaintRecord {
  const d = computeDeadlines({ policy: o.policy, receivedAt, timezone });
  return {
    id: '01JTESTTESTTESTTESTTESTTES',
    tenantId: 'bank-a',
    reference: 'BA-20260302-TEST',
    status: o.status,
    overdue: false,
    receivedAt,
    channel: 'phone',
    category: 'B-CAT-01',
    reason: 'B-RSN-01',
    complainantEnc: {},
    complainantMasked: {},
    consumerKey: 'k',
    unitId: 'head-office',
    assignee: 'handler-1',
    partners: o.referrals.map((_, i) => `partner-${i}`),
    referrals: o.referrals.map((status, i) => ({
      partnerTenantId: `partner-${i}`,
      referralId: 'ref-x',
      status,
      escalationLevel: 0,
    })),
    attachments: [],
    deadlines: {
      acknowledgement: d.acknowledgement,
      decision: d.decision,
      ...(o.reviewWindowLeft !== null && { reviewRequest: plus(o.now, o.reviewWindowLeft) }),
    },
    deadlinesProvisional: false,
    policy: { id: o.policy.id, version: o.policy.version },
    escalationLevel: 0,
    repeatOf: null,
    ...(o.pausedFor !== null && {
      pause: {
        from: plus(o.now, -o.pausedFor),
        reason: '鉴定',
        by: 'handler-1',
        at: o.now,
        notice: { channel: 'phone' as const, sentAt: o.now },
      },
    }),
    ...(o.decidedAgo !== null && {
      decision: {
        outcome: 'upheld' as const,
        summary: '退还',
        remediesAvailable: ['review' as const],
        decidedAt: plus(o.now, -o.decidedAgo),
        decidedBy: 'handler-1',
        onTime: true,
      },
    }),
    version: 3,
    createdBy: 'intake-1',
    createdAt: receivedAt,
    updatedAt: receivedAt,
    lastSeq: 3,
    lastHash: 'x',
  } as ComplaintRecord;
}

const records = fc
  .record({
    policyId: fc.constantFrom(...(Object.keys(PRESETS) as SlaPolicy['id'][])),
    status: fc.constantFrom(...ComplaintStatusSchema.options),
    // From the day of receipt to well past every decision deadline.
    nowAfter: fc.integer({ min: 0, max: 90 * DAY }),
    pausedFor: fc.option(fc.integer({ min: 0, max: 3 * DAY })),
    decidedAgo: fc.option(fc.integer({ min: 0, max: 3 * DAY })),
    referrals: fc.array(fc.constantFrom(...ReferralStatusSchema.options), { maxLength: 3 }),
    reviewWindowLeft: fc.option(fc.integer({ min: -5 * DAY, max: 5 * DAY })),
  })
  .map((g) => {
    const policy = presetById(g.policyId);
    const now = plus(receivedAt, g.nowAfter);
    // A pause and a decision cannot start before receipt.
    const clamp = (ms: number | null) => (ms === null ? null : Math.min(ms, g.nowAfter));
    return {
      policy,
      now,
      r: record({ ...g, policy, now, pausedFor: clamp(g.pausedFor), decidedAgo: clamp(g.decidedAgo) }),
    };
  });

describe('the actions a record allows', () => {
  prop.prop([records], { numRuns: 1000 })(
    'are exactly those whose transition the record does not refuse',
    ({ policy, now, r }) => {
      const available = availableActions(r, { now, policy });
      for (const name of StaffActionNameSchema.options) {
        const refused = refusedForState(attempt(name, r, policy, now));
        expect({ name, available: available.includes(name) }).toEqual({ name, available: !refused });
      }
    },
  );

  it('every status: the status table alone, for a record with nothing else in the way', () => {
    const policy = presetById('cn-nfra-2020');
    for (const status of ComplaintStatusSchema.options) {
      const r = record({
        policy,
        status,
        now: plus(receivedAt, DAY),
        pausedFor: null,
        decidedAgo: null,
        referrals: [],
        reviewWindowLeft: null,
      });
      const expected = StaffActionNameSchema.options.filter(
        (a) => ACTION_STATUSES[a].includes(status) && a !== 'resume' && a !== 'proceed-without-partner',
      );
      expect({ status, actions: availableActions(r, { now: plus(receivedAt, DAY), policy }) }).toEqual({
        status,
        actions: expected,
      });
    }
  });

  it('a new complaint can be acknowledged, assigned, extended or ended; an ended one offers nothing', () => {
    const policy = presetById('cn-nfra-2020');
    const base = {
      policy,
      now: plus(receivedAt, DAY),
      pausedFor: null,
      decidedAgo: null,
      referrals: [],
      reviewWindowLeft: null,
    };
    const at = { now: base.now, policy };
    expect(availableActions(record({ ...base, status: 'received' }), at)).toEqual([
      'acknowledge',
      'assign',
      'extend',
      'withdraw',
      'decline',
      'transfer',
    ]);
    expect(availableActions(record({ ...base, status: 'investigating', pausedFor: DAY }), at)).toEqual([
      'assign',
      'resume',
      'withdraw',
      'decline',
      'transfer',
    ]);
    expect(availableActions(record({ ...base, status: 'investigating', referrals: ['open', 'answered'] }), at)).toEqual(
      ['assign', 'extend', 'pause', 'withdraw', 'decline', 'transfer', 'proceed-without-partner'],
    );
    expect(availableActions(record({ ...base, status: 'closed' }), at)).toEqual([]);
  });

  it('a review is offered only under a policy with a review stage, and only while the window runs', () => {
    const base = {
      status: 'feedback_delivered' as const,
      now: plus(receivedAt, 20 * DAY),
      pausedFor: null,
      decidedAgo: DAY,
      referrals: [],
    };
    const cn = presetById('cn-nfra-2020');
    const uk = presetById('uk-fca-disp');
    const at = (policy: SlaPolicy) => ({ now: base.now, policy });
    expect(availableActions(record({ ...base, policy: cn, reviewWindowLeft: DAY }), at(cn))).toContain(
      'review-request',
    );
    expect(availableActions(record({ ...base, policy: cn, reviewWindowLeft: -1 }), at(cn))).not.toContain(
      'review-request',
    );
    expect(availableActions(record({ ...base, policy: uk, reviewWindowLeft: DAY }), at(uk))).not.toContain(
      'review-request',
    );
  });
});
