import { expect } from 'vitest';
import { performAction } from '../../shared/application/complaint-actions';
import { registerComplaint } from '../../shared/application/intake';
import { answerReferral } from '../../shared/application/referral-tasks';
import type { ComplaintRecord } from '../../shared/domain/complaint/complaint-schema';
import { IntakeSchema } from '../../shared/domain/complaint/intake-schema';
import { referralIdFor } from '../../shared/domain/complaint/referral';
import * as t from '../../shared/domain/complaint/transitions';
import type { Tenant } from '../../shared/domain/tenant/tenant-schema';
import { intakeBody, principal } from '../support/fixtures';
import { scene } from '../support/scene';

/** Which optional parts of the lifecycle one complaint goes through. */
export type Path = { partner: boolean; extend: boolean; review: boolean };

/** Every combination, so a run of n lifecycles covers them all evenly. */
export const pathOf = (i: number): Path => ({ partner: (i & 1) === 1, extend: (i & 2) === 2, review: (i & 4) === 4 });

export type RaceScene = Awaited<ReturnType<typeof scene>> & { partner: Tenant };

export async function raceScene(start: string): Promise<RaceScene> {
  // Hundreds of lifecycles back to back share the suite's one DynamoDB Local with every other test
  // file: a call over the product's 5 s timeout was seen twice in full runs on 2 cores. What these
  // tests judge is where lifecycles end, not store latency, so their client waits longer.
  const s = await scene(start, {}, { requestTimeoutMs: 30_000 });
  const partner = await s.institution({ id: 'ins-p', name: '伙伴保险', kind: 'insurer' });
  return Object.assign(s, { partner });
}

/**
 * Drives one complaint through its path as a console user or a bank's integration would: each
 * action sent as soon as the previous one was accepted, none waiting for the workflow. Every action
 * is valid by the record when it is sent, so any refusal fails the run.
 */
export async function driveLifecycle(s: RaceScene, path: Path, n: number): Promise<string> {
  const handler = principal(s.tenant.id, ['handler'], 'handler-1');
  const supervisor = principal(s.tenant.id, ['supervisor'], 'sup-1');
  const { complaint } = await registerComplaint(
    s.p,
    s.tenant,
    principal(s.tenant.id, ['intake']),
    IntakeSchema.parse(intakeBody({ description: `race ${n}`, ...(path.partner && { partners: ['ins-p'] }) })),
    `race-${n}-${Math.random()}`,
  );
  const id = complaint.id;
  const act = (who: typeof handler, decide: (r: ComplaintRecord, ctx: t.ActionContext) => t.Transition) =>
    performAction(s.p, s.tenant, who, id, decide);
  const now = () => s.clock.now().toISOString();

  await act(handler, (r, ctx) => t.acknowledge(r, ctx));
  await act(handler, (r) => t.assign(r, { unitId: 'branch', assignee: 'handler-1' }, UNITS));
  if (path.extend)
    await act(supervisor, (r, ctx) => t.extend(r, { tier: 'complex', reason: '需调取录音，情况复杂' }, ctx));
  if (path.partner) {
    // The partner answers once its referral is there to answer (the workflow creates it).
    const referralId = referralIdFor(id);
    while (!(await s.p.referrals.get(s.partner.tableName, referralId))) await new Promise((r) => setTimeout(r, 5));
    await answerReferral(s.p, s.partner, principal(s.partner.id, ['handler'], 'ins-1'), referralId, {
      position: 'agrees',
      summary: '保单已于合同期内生效',
    });
  }
  await act(handler, (r, ctx) => t.decide(r, { outcome: 'upheld', summary: '退还重复扣收的年费' }, ctx));
  await act(handler, (r, ctx) =>
    t.recordFeedback(r, { channel: 'phone', deliveredAt: now(), summary: '电话告知处理结果' }, ctx),
  );
  if (path.review) {
    await act(handler, (r, ctx) => t.requestReview(r, { reason: '对处理结果不满意' }, ctx));
    await act(principal(s.tenant.id, ['supervisor'], 'reviewer-9'), (r, ctx) =>
      t.decideReview(r, { outcome: 'original_upheld', summary: '维持原处理' }, ctx),
    );
    await act(handler, (r, ctx) =>
      t.recordFeedback(r, { channel: 'letter', deliveredAt: now(), summary: '书面告知核查结果' }, ctx),
    );
  }
  return id;
}

const UNITS = {
  units: [
    { id: 'head-office', name: { 'zh-CN': '总行', en: 'Head office' } },
    { id: 'branch', name: { 'zh-CN': '分行', en: 'Branch' }, parentId: 'head-office' },
  ],
};

/**
 * Where the rules say a lifecycle ends once its review window is over: closed, every step of its
 * path recorded once and in order (no skipped feedback, no missing review window), closed only
 * after the window ended unless the review was completed, and the execution finished.
 */
export async function expectEndedByTheRules(s: RaceScene, id: string, path: Path): Promise<void> {
  const events = await s.events(id);
  const types = events.map((e) => e.type).filter((x) => x !== 'escalated' && x !== 'overdue');
  const expected = [
    'received',
    'acknowledged',
    'assigned',
    ...(path.extend ? ['extended', 'extension_notice_sent'] : []),
    ...(path.partner ? ['referral_answered'] : []),
    'decided',
    'feedback_delivered',
    'review_window_opened',
    ...(path.review ? ['review_requested', 'reviewed', 'review_feedback_delivered'] : []),
    'closed',
  ];
  expect({ id, path, types }).toEqual({ id, path, types: expected });
  const record = await s.record(id);
  const closed = events.at(-1)!;
  expect(closed.data).toEqual({ reason: path.review ? 'review_completed' : 'review_window_ended' });
  if (!path.review) expect(Date.parse(closed.at)).toBeGreaterThanOrEqual(Date.parse(record.deadlines.reviewRequest!));
  expect(record.status).toBe('closed');
  expect(await s.execution(id)).toBe('SUCCEEDED');
}
