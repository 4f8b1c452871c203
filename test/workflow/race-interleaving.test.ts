import { describe, expect, it } from 'vitest';
import type { InterleavingPoint } from '../../shared/ports/interleaving';
import { driveLifecycle, expectEndedByTheRules, pathOf, raceScene } from './race-driver';

const START = '2026-11-02T02:00:00.000Z';
const LIFECYCLES = 200;
const BATCH = 25;
const DELAY_MS = 150;

const POINTS: InterleavingPoint[] = ['after_commit', 'before_token_store', 'before_tick'];
/** Each batch holds up one point (the window a slow Lambda, a busy event loop or a GC pause opens), the last all. */
const MODES: InterleavingPoint[][] = [...POINTS.map((p) => [p]), POINTS];

describe('interleavings of staff actions and the workflow (issue 7: no stray signal, no skipped step)', () => {
  it(`${LIFECYCLES} lifecycles on every path, with ${DELAY_MS} ms injected at each interleaving point, all end where the rules say`, async () => {
    const s = await raceScene(START);
    const paused: Record<InterleavingPoint, number> = { after_commit: 0, before_token_store: 0, before_tick: 0 };
    let held: InterleavingPoint[] = [];
    s.p.interleaving = {
      pause: async (point) => {
        if (!held.includes(point)) return;
        paused[point]++;
        await new Promise((r) => setTimeout(r, DELAY_MS));
      },
    };
    for (let first = 0; first < LIFECYCLES; first += BATCH) {
      held = MODES[(first / BATCH) % MODES.length]!;
      const ids: string[] = [];
      const driving = Promise.all(
        Array.from({ length: BATCH }, async (_, k) => {
          ids[k] = await driveLifecycle(s, pathOf(first + k), first + k);
        }),
      );
      // Timers fire while the actions run: checkpoints fall due in the middle of the race.
      const ticking = (async () => {
        for (let h = 0; h < 3; h++)
          await s.clock.advanceTo(new Date(s.clock.now().getTime() + 86_400_000).toISOString());
      })();
      await Promise.all([driving, ticking]);
      await s.settle();
      // Past every review window this batch opened.
      await s.advance(new Date(s.clock.now().getTime() + 40 * 86_400_000).toISOString());
      for (const [k, id] of ids.entries()) await expectEndedByTheRules(s, id, pathOf(first + k));
    }
    // Each point was really held up, many times.
    for (const point of POINTS) expect(paused[point], point).toBeGreaterThan(50);
    expect(s.p.engine.running()).toBe(0);
  }, 600_000);
});
