import { z } from 'zod';

/**
 * The steps a complaint's execution waits at, in order. Each is a `.waitForTaskToken` task in the
 * state machine; `referrals` is the Map over partner institutions, one `referral` wait per partner.
 * Its own module so the stored position's schema and the lifecycle's rules read the same list.
 */
export const WaitStepSchema = z.enum([
  'acknowledgement',
  'referrals',
  'decision',
  'feedback',
  'review_window',
  'review_decision',
  'review_feedback',
]);
export type WaitStep = z.infer<typeof WaitStepSchema>;
