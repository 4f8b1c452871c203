import { z } from 'zod';
import { cleanText } from '../text';

/** One referral per complaint in each partner's table, so the id only needs the complaint's. */
export const referralIdFor = (complaintId: string) => `ref-${complaintId}`;

/**
 * `lapsed`: the referring institution proceeded without the answer after the deadline; `waived`: it
 * proceeded at once because the partner institution is suspended. Neither takes a late answer.
 */
export const ReferralStatusSchema = z.enum(['open', 'answered', 'cancelled', 'lapsed', 'waived']);
export type ReferralStatus = z.infer<typeof ReferralStatusSchema>;

/**
 * A request, in the partner institution's own table, to help with a complaint it is involved in
 * (e.g. an insurer whose product a bank sold). Holds no personal data of the complainant.
 */
export const ReferralSchema = z.object({
  id: z.string(),
  fromTenantId: z.string(),
  fromTenantName: z.string(),
  complaintId: z.string(),
  complaintReference: z.string(),
  category: z.string(),
  reason: z.string(),
  product: z.string().optional(),
  status: ReferralStatusSchema,
  deadline: z.string(),
  escalationLevel: z.number().int(),
  firedUntil: z.string().nullable(),
  token: z.string().nullable(),
  answer: z
    .object({
      position: z.string(),
      summary: z.string(),
      answeredAt: z.string(),
      answeredBy: z.string(),
      onTime: z.boolean(),
    })
    .optional(),
  /** When it lapsed or was waived. */
  endedAt: z.string().optional(),
  /**
   * The partner's policy version when it was asked: its clock keeps running under it whatever the
   * partner changes later. Absent on referrals from before, which follow the current policy.
   */
  policy: z.object({ id: z.string(), version: z.string(), revision: z.number().int().nonnegative() }).optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type Referral = z.infer<typeof ReferralSchema>;

export const ReferralAnswerSchema = z.strictObject({
  position: z.enum(['agrees', 'disagrees', 'partially_agrees', 'information_only']),
  summary: cleanText(5000),
});
export type ReferralAnswer = z.infer<typeof ReferralAnswerSchema>;
