import { z } from 'zod';
import { ChannelSchema } from '../taxonomy';
import { TenantIdSchema } from '../tenant/tenant-schema';
import { UnitIdSchema } from '../tenant/units';
import { cleanText, optionalCleanText } from '../text';

const digitsOnlyPhone = (v: unknown) => (typeof v === 'string' ? v.trim().replace(/[\s().-]/g, '') : v);

export const PhoneSchema = z.preprocess(
  digitsOnlyPhone,
  z.string().regex(/^\+?[0-9]{5,20}$/, 'must be a phone number of 5-20 digits, optionally starting with +'),
);
export const EmailSchema = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim().toLowerCase() : v),
  z.email().max(254),
);

const ISO_CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

export const MoneySchema = z.strictObject({
  /** A decimal string, never a float: amounts in dispute are quoted back to complainants and regulators. */
  amount: z
    .string()
    .regex(/^(0|[1-9][0-9]{0,14})(\.[0-9]{1,4})?$/, 'must be a non-negative decimal string such as "1200.00"'),
  currency: z.string().refine((c) => ISO_CURRENCIES.has(c), 'must be an ISO 4217 currency code such as CNY'),
});

/** Personal data: every field is encrypted at rest and masked for callers without pii:read. */
export const ComplainantSchema = z
  .strictObject({
    name: cleanText(200),
    phone: PhoneSchema.optional(),
    email: EmailSchema.optional(),
    idNumber: z.preprocess(
      (v) => (typeof v === 'string' ? v.trim().replace(/\s/g, '').toUpperCase() : v),
      z
        .string()
        .regex(/^[0-9A-Z-]{4,40}$/, 'must be 4-40 letters or digits')
        .optional(),
    ),
    address: optionalCleanText(500),
  })
  .refine((c) => c.phone !== undefined || c.email !== undefined, {
    message: 'at least one contact (phone or email) is required',
    path: ['phone'],
  });

/** Agents with a signed authorisation, heirs, or one of at most five representatives of a group complaint. */
export const AgentSchema = z.strictObject({
  name: cleanText(200),
  relationship: z.enum(['agent', 'heir', 'representative']),
  phone: PhoneSchema.optional(),
  email: EmailSchema.optional(),
  authorisationRef: optionalCleanText(200),
});

export const AttachmentSchema = z.strictObject({
  name: cleanText(255),
  contentType: z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/i, 'must be a MIME type'),
  sizeBytes: z
    .number()
    .int()
    .min(0)
    .max(100 * 1024 * 1024),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  storageRef: optionalCleanText(1024),
});

/** Letters, digits and `-_./`: it is a key prefix in the institution's table, so never `#`. */
export const RegulatorReferenceSchema = z
  .string()
  .trim()
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}_./-]{0,63}$/u, 'must be 1-64 letters, digits or -_./');

/** Before this, a receipt date is a typo (year 0001, 1900); how far back is allowed is checked at intake. */
export const EARLIEST_RECEIPT = '2000-01-01T00:00:00Z';

export const IntakeSchema = z.strictObject({
  channel: ChannelSchema,
  receivedAt: z.iso
    .datetime({ offset: true })
    .refine((v) => Date.parse(v) >= Date.parse(EARLIEST_RECEIPT), `must not be before ${EARLIEST_RECEIPT.slice(0, 10)}`)
    .optional()
    .describe(
      "When the complaint reached the institution, if before now: at most the platform's backdating limit (90 days unless configured) in the past, never in the future",
    ),
  complainant: ComplainantSchema,
  agent: AgentSchema.optional(),
  /** The regulator's own reference of a complaint it forwarded (转办); required with channel `regulator_transfer`, refused otherwise. */
  regulatorReference: RegulatorReferenceSchema.optional(),
  category: cleanText(40),
  reason: cleanText(40),
  product: optionalCleanText(200),
  description: cleanText(10_000),
  amountInDispute: MoneySchema.optional(),
  unitId: UnitIdSchema.optional(),
  partners: z
    .array(TenantIdSchema)
    .max(10)
    .refine((p) => new Set(p).size === p.length, 'partners must not repeat')
    .optional(),
  attachments: z.array(AttachmentSchema).max(20).optional(),
});

export type IntakeInput = z.infer<typeof IntakeSchema>;
export type Complainant = z.infer<typeof ComplainantSchema>;
export type Agent = z.infer<typeof AgentSchema>;
