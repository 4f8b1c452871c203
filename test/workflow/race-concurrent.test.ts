import { describe, expect, it } from 'vitest';
import { performAction } from '../../shared/application/complaint-actions';
import { answerReferral } from '../../shared/application/referral-tasks';
import { referralIdFor } from '../../shared/domain/complaint/referral';
import * as t from '../../shared/domain/complaint/transitions';
import { principal } from '../support/fixtures';
import { driveLifecycle, expectEndedByTheRules, pathOf, raceScene } from './race-driver';

const START = '2026-11-02T02:00:00.000Z';
const CLIENTS = 8;
const EACH = 8;

describe('concurrent clients on the real engine (issue 7 item 1)', () => {
  it(`${CLIENTS} clients drive ${CLIENTS * EACH} complaints on every path back to back: not one refusal, every lifecycle ends by the rules`, async () => {
    const s = await raceScene(START);
    const driven: { id: string; n: number }[] = [];
    // Any refusal (a 409 above all) rejects its client and fails the test: every action is valid by the record.
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, c) => {
        for (let i = 0; i < EACH; i++) {
          const n = c * EACH + i;
          driven.push({ id: await driveLifecycle(s, pathOf(n), n), n });
        }
      }),
    );
    await s.settle();
    await s.advance(new Date(s.clock.now().getTime() + 40 * 86_400_000).toISOString());
    for (const { id, n } of driven) await expectEndedByTheRules(s, id, pathOf(n));
    // A loaded machine stretches 64 lifecycles well past the default 90 s.
  }, 300_000);

  it('two decisions at once: exactly one wins, the other is told the recorded status', async () => {
    const s = await raceScene(START);
    const id = await s.intake();
    await s.act(id, (r, _i, ctx) => t.acknowledge(r, ctx), {});
    const decide = (sub: string) =>
      performAction(s.p, s.tenant, principal(s.tenant.id, ['handler'], sub), id, (r, ctx) =>
        t.decide(r, { outcome: 'upheld', summary: `决定 ${sub}` }, ctx),
      ).then(
        () => 'ok',
        (e: { code: string; message: string }) => e,
      );
    const results = await Promise.all([decide('handler-1'), decide('handler-2')]);
    expect(results.filter((r) => r === 'ok')).toHaveLength(1);
    expect(results.find((r) => r !== 'ok')).toMatchObject({
      code: 'wrong_step',
      message: 'decision is not possible while the complaint is decided',
    });
    expect((await s.types(id)).filter((x) => x === 'decided')).toHaveLength(1);
  });

  it('a decision is refused while the partner has not answered, and accepted the moment it has', async () => {
    const s = await raceScene(START);
    const id = await s.intake({ partners: ['ins-p'] });
    await s.act(id, (r, _i, ctx) => t.acknowledge(r, ctx), {});
    const decision = { outcome: 'upheld' as const, summary: '退还年费' };
    expect(await s.refused(id, (r, i, ctx) => t.decide(r, i, ctx), decision)).toMatchObject({
      code: 'wrong_step',
      details: { awaitingPartners: ['ins-p'] },
    });
    await answerReferral(s.p, s.partner, principal('ins-p', ['handler'], 'ins-1'), referralIdFor(id), {
      position: 'agrees',
      summary: '同意',
    });
    // No settle: the record already holds the answer, whatever the workflow has got to.
    const decided = await performAction(s.p, s.tenant, s.staff(['handler']), id, (r, ctx) =>
      t.decide(r, decision, ctx),
    );
    expect(decided.status).toBe('decided');
    await s.settle();
    expect(await s.step(id)).toBe('feedback');
    expect((await s.types(id)).filter((x) => x === 'referral_answered')).toHaveLength(1);
  });
});
