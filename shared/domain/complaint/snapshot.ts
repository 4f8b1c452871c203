import { z } from 'zod';
import type { ComplaintRecord } from './complaint-schema';
import { DeadlinesSchema } from './complaint-schema';
import { ComplaintStatusSchema } from './status';

/**
 * What an event item carries of its complaint, as the complaint stood right after the event: enough
 * for a webhook consumer to act without calling back, and nothing personal (no complainant, no
 * description, no free text staff wrote).
 */
export const ComplaintSnapshotSchema = z.object({
  reference: z.string(),
  status: ComplaintStatusSchema,
  overdue: z.boolean(),
  receivedAt: z.string(),
  category: z.string(),
  unitId: z.string().nullable(),
  deadlines: DeadlinesSchema,
});
export type ComplaintSnapshot = z.infer<typeof ComplaintSnapshotSchema>;

export const complaintSnapshot = (r: ComplaintRecord): ComplaintSnapshot => ({
  reference: r.reference,
  status: r.status,
  overdue: r.overdue,
  receivedAt: r.receivedAt,
  category: r.category,
  unitId: r.unitId,
  deadlines: { ...r.deadlines },
});
