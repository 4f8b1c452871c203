import { z } from 'zod';
import { InstitutionKindSchema } from '../institution-kind';
import { cleanText } from '../text';

export { InstitutionKindSchema };

export const TENANT_ID_PATTERN = /^[a-z][a-z0-9-]{2,40}$/;

export const TenantIdSchema = z
  .string()
  .regex(TENANT_ID_PATTERN, 'must start with a lower-case letter, then 2-40 of a-z, 0-9 or "-"');

export const PolicyPresetIdSchema = z.enum(['cn-nfra-2020', 'uk-fca-disp', 'eu-psd2', 'us-cfpb']);
/** `provisioning` until its table exists: a retried onboarding resumes from there. */
export const TenantStatusSchema = z.enum(['provisioning', 'active', 'suspended']);

/** IANA zone names, checked against the runtime's own zone database rather than a copied list. */
export const TimeZoneSchema = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'must be an IANA time zone such as Asia/Shanghai');

export const OnboardTenantSchema = z.strictObject({
  id: TenantIdSchema,
  name: cleanText(200),
  kind: InstitutionKindSchema,
  policy: PolicyPresetIdSchema,
  timezone: TimeZoneSchema.optional(),
  /** Letters that open every complaint reference; derived from the id when absent. */
  referencePrefix: z
    .string()
    .regex(/^[A-Z]{2,4}$/)
    .optional(),
  /** Days within which a complaint by the same complainant in the same category counts as a repeat. */
  repeatWindowDays: z.number().int().min(1).max(365).optional(),
});

/** Requests one institution's staff and integrations may make in one minute, all together. */
export const RequestsPerMinuteSchema = z.number().int().min(1).max(1_000_000);

/** A tenant's own limits (its plan), set by the platform operator; absent: the platform default. */
export const TenantLimitsSchema = z.object({ requestsPerMinute: RequestsPerMinuteSchema });

/** What the operator sets and reads: `null` means the platform default (REDRESS_RATE_LIMITS). */
export const TenantLimitsInputSchema = z.strictObject({ requestsPerMinute: RequestsPerMinuteSchema.nullable() });

export const TenantSchema = z.object({
  id: TenantIdSchema,
  name: z.string(),
  kind: InstitutionKindSchema,
  policy: PolicyPresetIdSchema,
  timezone: z.string(),
  referencePrefix: z.string(),
  repeatWindowDays: z.number().int(),
  status: TenantStatusSchema,
  limits: TenantLimitsSchema.optional(),
  tableName: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export type OnboardTenantInput = z.infer<typeof OnboardTenantSchema>;
export type Tenant = z.infer<typeof TenantSchema>;
export type TenantLimits = z.infer<typeof TenantLimitsSchema>;
export type TenantLimitsInput = z.infer<typeof TenantLimitsInputSchema>;
export type TenantId = z.infer<typeof TenantIdSchema>;
export type InstitutionKind = z.infer<typeof InstitutionKindSchema>;

/** "demo-bank" → "DB", "acme" → "AC": short, stable and readable on a phone call. */
export function defaultReferencePrefix(tenantId: string): string {
  const parts = tenantId.split('-').filter((p) => /^[a-z]/.test(p));
  const letters = parts.length > 1 ? parts.map((p) => p[0]).join('') : tenantId.slice(0, 2);
  return letters
    .toUpperCase()
    .replace(/[^A-Z]/g, '')
    .slice(0, 4)
    .padEnd(2, 'X');
}
