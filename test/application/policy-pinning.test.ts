/**
 * A complaint is handled under the policy version it was registered with: a tenant's later policy
 * change moves neither the deadlines nor the escalation checkpoints of complaints already open,
 * while complaints registered after the change get the new rules. Real ASL on the local engine,
 * manual clock, DynamoDB Local.
 */
import { describe, expect, it } from 'vitest';
import { complaintPolicy, setPolicyOverride } from '../../shared/application/effective-policy';
import * as t from '../../shared/domain/complaint/transitions';
import { PRESETS, type SlaPolicy } from '../../shared/domain/sla';
import { PoliciesRepo } from '../../shared/store/policies-repo';
import { scene } from '../support/scene';

// Mon 2 Nov 2026, 10:00 in Shanghai.
const RECEIVED = '2026-11-02T02:00:00.000Z';
const endOfDay = (date: string) => `${date}T15:59:59.999Z`;

/** Stricter than cn-nfra-2020 everywhere a tenant may be: shorter institution deadlines, a longer review window. */
const STRICTER = {
  decision: { amount: 10 },
  extensions: { complex: { amount: 20 } },
  reviewRequestWindow: { amount: 40 },
  reviewDecision: { amount: 20 },
};

async function walk(s: Awaited<ReturnType<typeof scene>>, id: string) {
  await s.act(id, (r, _i, ctx) => t.acknowledge(r, ctx), {});
  await s.advance('2026-11-05T02:00:00Z');
  await s.act(id, (r, i, ctx) => t.extend(r, i, ctx), {
    tier: 'complex' as const,
    reason: '需向第三方调取交易凭证',
    notice: { channel: 'phone' as const },
  });
}

describe('a complaint keeps the policy version it was registered under', () => {
  it('actions and escalations on an open complaint read its pinned version; a later complaint gets the new one', async () => {
    const s = await scene(RECEIVED);
    const before = await s.intake();
    expect((await s.record(before)).policy).toEqual({ id: 'cn-nfra-2020', version: '2020.1', revision: 0 });

    await setPolicyOverride(s.p, s.tenant, STRICTER, 0);
    const after = await s.intake();
    expect((await s.record(after)).policy).toEqual({ id: 'cn-nfra-2020', version: '2020.1', revision: 1 });
    // Intake: 15 days (Tue 17 Nov) under the preset, 10 days (Thu 12 Nov) under the override.
    expect((await s.record(before)).deadlines.decision).toBe(endOfDay('2026-11-17'));
    expect((await s.record(after)).deadlines.decision).toBe(endOfDay('2026-11-12'));

    // Both acknowledged, then extended as complex on 5 Nov: 30 days from receipt for the first
    // (Wed 2 Dec), 20 for the second (Sun 22 Nov rolls to Mon 23 Nov).
    for (const id of [before, after]) await walk(s, id);
    expect((await s.record(before)).deadlines).toMatchObject({
      decision: endOfDay('2026-12-02'),
      originalDecision: endOfDay('2026-11-17'),
    });
    expect((await s.record(after)).deadlines.decision).toBe(endOfDay('2026-11-23'));

    // A second change (revision 2) in between changes nothing for either.
    await setPolicyOverride(s.p, s.tenant, { ...STRICTER, reviewDecision: { amount: 15 } }, 1);

    // Decided and told on Fri 20 Nov: the review window runs 30 days (Sun 20 Dec rolls to Mon 21 Dec)
    // for the first, 40 days (Wed 30 Dec) for the second.
    await s.advance('2026-11-20T02:00:00Z');
    for (const id of [before, after]) {
      await s.act(
        id,
        (r, i, ctx) => t.decide(r, i, ctx),
        { outcome: 'not_upheld' as const, summary: '维持原处理' },
        s.staff(['handler'], 'handler-1'),
      );
      await s.act(id, (r, i, ctx) => t.recordFeedback(r, i, ctx), {
        channel: 'letter' as const,
        deliveredAt: '2026-11-20T02:00:00Z',
        summary: '书面告知及救济途径',
      });
      expect(await s.step(id)).toBe('review_window');
    }
    expect((await s.record(before)).deadlines.reviewRequest).toBe(endOfDay('2026-12-21'));
    expect((await s.record(after)).deadlines.reviewRequest).toBe(endOfDay('2026-12-30'));

    // Review asked on Wed 25 Nov: decided within 30 days (Fri 25 Dec) under the preset, 20 (Tue 15 Dec) under revision 1.
    await s.advance('2026-11-25T02:00:00Z');
    for (const id of [before, after])
      await s.act(id, (r, i, ctx) => t.requestReview(r, i, ctx), { reason: '对处理结果不满意，申请核查' });
    expect((await s.record(before)).deadlines.reviewDecision).toBe(endOfDay('2026-12-25'));
    expect((await s.record(after)).deadlines.reviewDecision).toBe(endOfDay('2026-12-15'));

    // Weeks pass with no review decision: every checkpoint of the review deadline fires, each on the
    // complaint's own deadline, and the one a 15-day policy would have (10 Dec) never appears.
    await s.advance('2026-12-27T02:00:00Z');
    const reviewEscalations = async (id: string) =>
      (await s.escalations(id)).filter((e) => e.step === 'review_decision');
    const first = await reviewEscalations(before);
    const second = await reviewEscalations(after);
    expect(first.map((e) => e.kind)).toEqual(['checkpoint', 'checkpoint', 'deadline', 'overdue']);
    expect(new Set(first.map((e) => e.dueAt))).toEqual(new Set([endOfDay('2026-12-25')]));
    expect(new Set(second.map((e) => e.dueAt))).toEqual(new Set([endOfDay('2026-12-15')]));
    expect(second.map((e) => e.kind).slice(0, 3)).toEqual(['checkpoint', 'checkpoint', 'deadline']);
    // The first complaint's deadline checkpoint is its own 25 Dec, not the 15 Dec the newer policy gives.
    expect(first.find((e) => e.kind === 'deadline')?.checkpointAt).toBe(endOfDay('2026-12-25'));
    expect(second.find((e) => e.kind === 'deadline')?.checkpointAt).toBe(endOfDay('2026-12-15'));

    // And a complaint registered now gets revision 2.
    const latest = await s.intake();
    expect((await s.record(latest)).policy.revision).toBe(2);
  }, 90_000);

  it('stores each version once, immutable, and reads a complaint from before versioning under the current policy', async () => {
    const s = await scene(RECEIVED);
    await setPolicyOverride(s.p, s.tenant, { decision: { amount: 12 } }, 0);
    const ref = { id: 'cn-nfra-2020', version: '2020.1', revision: 1 };
    expect((await s.p.policies.getVersion(s.tenant.tableName, ref))?.decision).toEqual({
      amount: 12,
      unit: 'calendar_days',
    });
    // Writing the same version again (a concurrent intake) does not overwrite it.
    await s.p.policies.ensureVersion(
      s.tenant.tableName,
      ref,
      { ...(await s.p.policies.getVersion(s.tenant.tableName, ref))!, decision: { amount: 99, unit: 'calendar_days' } },
      {},
      RECEIVED,
    );
    // Read through a repo with nothing cached, as another process would.
    const fresh = new PoliciesRepo(s.p.db);
    expect((await fresh.getVersion(s.tenant.tableName, ref))?.decision.amount).toBe(12);

    // A record written before versions existed has no revision: it follows the current policy, as before.
    const id = await s.intake();
    const record = await s.record(id);
    await s.p.complaints.update(s.tenant.tableName, {
      record: { ...record, policy: { id: 'cn-nfra-2020', version: '2020.1' }, version: record.version + 1 },
      expectedVersion: record.version,
      events: [],
    });
    expect((await complaintPolicy(s.p, s.tenant, await s.record(id))).decision.amount).toBe(12);
  });

  it('a release that changes the preset (new version, other escalation) leaves complaints open under the old one', async () => {
    const s = await scene(RECEIVED);
    const before = await s.intake();
    const presets = PRESETS as Record<string, SlaPolicy>;
    const shipped = presets['cn-nfra-2020']!;
    // What a release would ship: one checkpoint at a quarter of the time, then the deadline, reminders every 2 days.
    presets['cn-nfra-2020'] = {
      ...shipped,
      version: '2026.1',
      escalation: {
        checkpoints: [
          { fraction: 0.25, level: 1 },
          { fraction: 1, level: 2 },
        ],
        afterDeadlineEvery: 'P2D',
      },
    };
    let after: string;
    try {
      // A release starts fresh processes: nothing cached.
      s.p.settings.evict(s.tenant.id);
      after = await s.intake();
    } finally {
      presets['cn-nfra-2020'] = shipped;
    }
    expect((await s.record(after)).policy).toEqual({ id: 'cn-nfra-2020', version: '2026.1', revision: 0 });

    // Nobody acknowledges either; two weeks pass. Each escalates on its own version's checkpoints.
    await s.advance('2026-11-16T02:00:00Z');
    const ack = async (id: string) =>
      (await s.escalations(id)).filter((e) => e.step === 'acknowledgement').map((e) => [e.kind, e.level]);
    const old = await ack(before);
    expect(old.slice(0, 3)).toEqual([
      ['checkpoint', 1],
      ['checkpoint', 2],
      ['deadline', 3],
    ]);
    const released = await ack(after);
    expect(released.slice(0, 2)).toEqual([
      ['checkpoint', 1],
      ['deadline', 2],
    ]);
    // Daily reminders under the old version, every second day under the new one.
    expect(old.filter(([kind]) => kind === 'overdue').length).toBeGreaterThan(
      released.filter(([kind]) => kind === 'overdue').length,
    );
    expect(old.length).toBeGreaterThan(released.length);
  }, 90_000);
});
