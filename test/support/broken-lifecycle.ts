import { expect } from 'vitest';
import * as t from '../../shared/domain/complaint/transitions';
import type { scene } from './scene';

/**
 * A complaint whose execution skipped the feedback, as a stray signal did before the fix of issue 7:
 * decided, its feedback wait completed without feedback, the execution parked at the review window.
 */
export async function skippedFeedback(s: Awaited<ReturnType<typeof scene>>): Promise<string> {
  const id = await s.intake();
  await s.act(id, (r, _i, ctx) => t.acknowledge(r, ctx), {});
  await s.act(id, (r, i, ctx) => t.decide(r, i, ctx), { outcome: 'upheld' as const, summary: '退还年费' });
  const position = await s.p.complaints.getPosition(s.tenant.tableName, id);
  await s.p.engine.sendTaskSuccess(position!.token!, { step: 'feedback', outcome: 'done' });
  await s.settle();
  expect(await s.step(id)).toBe('review_window');
  return id;
}
