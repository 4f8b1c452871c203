import { z } from 'zod';

export const ComplaintStatusSchema = z.enum([
  'received',
  'acknowledged',
  'investigating',
  'decided',
  'feedback_delivered',
  'review_window',
  'review_requested',
  'reviewed',
  'review_feedback_delivered',
  'closed',
  'withdrawn',
  'declined',
  'transferred',
]);
export type ComplaintStatus = z.infer<typeof ComplaintStatusSchema>;

const ENDED: ReadonlySet<ComplaintStatus> = new Set(['closed', 'withdrawn', 'declined', 'transferred']);

/** Ended complaints leave the "open by due date" work queue. */
export const isOpen = (status: ComplaintStatus) => !ENDED.has(status);
