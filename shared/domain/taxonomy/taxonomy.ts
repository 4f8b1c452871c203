/**
 * Complaint taxonomy: channels, categories (business axis) and reasons, per institution kind.
 *
 * Pure domain module: no Node APIs. The shipped data lives in the JSON files next to this file
 * and is validated once, at module load, so malformed data fails fast. See README.md for the code
 * convention.
 */
import { z } from 'zod';
import { type InstitutionKind, InstitutionKindSchema } from '../institution-kind';
import bankData from './bank.json';
import channelsData from './channels.json';
import insurerData from './insurer.json';

// ---------------------------------------------------------------------------------------------
// Schemas
// ---------------------------------------------------------------------------------------------

export { type InstitutionKind, InstitutionKindSchema } from '../institution-kind';

/** Complaint intake channels. Fixed by the complaint model; must match channels.json exactly. */
export const ChannelSchema = z.enum([
  'phone',
  'email',
  'web',
  'app',
  'branch',
  'letter',
  'social',
  'regulator_transfer',
]);
export type Channel = z.infer<typeof ChannelSchema>;

export const LocaleSchema = z.enum(['zh-CN', 'en']);
export type Locale = z.infer<typeof LocaleSchema>;

/** Singular axis names, as used by e.g. `GET /v1/stats?groupBy=category|reason|channel`. */
export const TaxonomyAxisSchema = z.enum(['channel', 'category', 'reason']);
export type TaxonomyAxis = z.infer<typeof TaxonomyAxisSchema>;

/**
 * Category / reason code: `<kind>-<axis>-<NN>` with at most one dotted sub-level.
 * `B`/`I` = bank/insurer, `CAT`/`RSN` = category/reason; `NN` two digits, `99` = other.
 * Examples: `B-CAT-06`, `I-RSN-99`, tenant sub-code `B-CAT-03.01`.
 */
export const TAXONOMY_CODE_PATTERN = /^([BI])-(CAT|RSN)-(\d{2})(?:\.(\d{2}))?$/;
export const TaxonomyCodeSchema = z
  .string()
  .regex(TAXONOMY_CODE_PATTERN, 'expected a code like B-CAT-01 or B-CAT-01.01');

const LabelTextSchema = z
  .string()
  .refine((s) => s.trim().length > 0 && s.trim() === s, 'label must be non-blank and trimmed');

export const TaxonomyLabelSchema = z.object({ 'zh-CN': LabelTextSchema, en: LabelTextSchema }).strict();
export type TaxonomyLabel = z.infer<typeof TaxonomyLabelSchema>;

/** One taxonomy entry, as served by `GET /v1/taxonomy`: `{ code, label: { zh-CN, en } }`. */
export const TaxonomyEntrySchema = z.object({ code: z.string().min(1), label: TaxonomyLabelSchema }).strict();
export type TaxonomyEntry = z.infer<typeof TaxonomyEntrySchema>;

export const ChannelEntrySchema = TaxonomyEntrySchema.extend({ code: ChannelSchema });
export type ChannelEntry = z.infer<typeof ChannelEntrySchema>;

export const CodedEntrySchema = TaxonomyEntrySchema.extend({ code: TaxonomyCodeSchema });
export type CodedEntry = z.infer<typeof CodedEntrySchema>;

function uniqueCodes<T extends z.ZodType<Array<{ code: string }>>>(list: T) {
  return list.superRefine((entries, ctx) => {
    const seen = new Set<string>();
    entries.forEach((e, i) => {
      if (seen.has(e.code)) {
        ctx.addIssue({ code: 'custom', message: `duplicate code ${e.code}`, path: [i, 'code'] });
      }
      seen.add(e.code);
    });
  });
}

export const ChannelListSchema = uniqueCodes(z.array(ChannelEntrySchema)).superRefine((entries, ctx) => {
  const present = new Set(entries.map((e) => e.code));
  for (const c of ChannelSchema.options) {
    if (!present.has(c)) ctx.addIssue({ code: 'custom', message: `missing channel ${c}` });
  }
});

export const CodedListSchema = uniqueCodes(z.array(CodedEntrySchema).min(1));

/** The taxonomy for one institution kind, the body of `GET /v1/taxonomy`. */
export const TaxonomySchema = z
  .object({
    channels: ChannelListSchema,
    categories: CodedListSchema,
    reasons: CodedListSchema,
  })
  .strict();
export type Taxonomy = z.infer<typeof TaxonomySchema>;

/** The per-kind data file shape (`bank.json`, `insurer.json`). */
export const KindTaxonomyFileSchema = z.object({ categories: CodedListSchema, reasons: CodedListSchema }).strict();

// ---------------------------------------------------------------------------------------------
// Load and validate the shipped data (once, at module load)
// ---------------------------------------------------------------------------------------------

const KIND_PREFIX: Record<InstitutionKind, string> = { bank: 'B', insurer: 'I' };
const AXIS_PREFIX = { category: 'CAT', reason: 'RSN' } as const;

/** The "other" code of a coded axis, e.g. `otherCode('bank', 'category') === 'B-CAT-99'`. */
export function otherCode(kind: InstitutionKind, axis: 'category' | 'reason'): string {
  return `${KIND_PREFIX[kind]}-${AXIS_PREFIX[axis]}-99`;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as object)) deepFreeze(v);
  }
  return value;
}

function fail(message: string): never {
  throw new Error(`taxonomy data invalid: ${message}`);
}

function checkShippedAxis(kind: InstitutionKind, axis: 'category' | 'reason', entries: readonly CodedEntry[]): void {
  const prefix = `${KIND_PREFIX[kind]}-${AXIS_PREFIX[axis]}-`;
  for (const { code } of entries) {
    if (!code.startsWith(prefix)) fail(`${kind} ${axis} code ${code} must start with ${prefix}`);
    if (code.includes('.')) fail(`${kind} ${axis} code ${code}: only top-level codes are shipped`);
  }
  if (!entries.some((e) => e.code === otherCode(kind, axis))) {
    fail(`${kind} ${axis} axis lacks "other" (${otherCode(kind, axis)})`);
  }
}

function loadTaxonomy(kind: InstitutionKind, raw: unknown): Taxonomy {
  const file = KindTaxonomyFileSchema.safeParse(raw);
  if (!file.success) fail(`${kind}.json: ${z.prettifyError(file.error)}`);
  const parsed = TaxonomySchema.safeParse({ channels: channelsData, ...file.data });
  if (!parsed.success) fail(`${kind}: ${z.prettifyError(parsed.error)}`);
  const taxonomy = parsed.data;
  if (taxonomy.channels.length !== ChannelSchema.options.length) {
    fail('channels.json must list exactly the channels of ChannelSchema');
  }
  checkShippedAxis(kind, 'category', taxonomy.categories);
  checkShippedAxis(kind, 'reason', taxonomy.reasons);
  return deepFreeze(taxonomy);
}

const TAXONOMIES: Readonly<Record<InstitutionKind, Taxonomy>> = deepFreeze({
  bank: loadTaxonomy('bank', bankData),
  insurer: loadTaxonomy('insurer', insurerData),
});

type AxisIndex = Readonly<Record<TaxonomyAxis, ReadonlyMap<string, TaxonomyEntry>>>;

function index(t: Taxonomy): AxisIndex {
  const byCode = (entries: readonly TaxonomyEntry[]) => new Map(entries.map((e) => [e.code, e] as const));
  return {
    channel: byCode(t.channels),
    category: byCode(t.categories),
    reason: byCode(t.reasons),
  };
}

const INDEX: Readonly<Record<InstitutionKind, AxisIndex>> = {
  bank: index(TAXONOMIES.bank),
  insurer: index(TAXONOMIES.insurer),
};

// ---------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------

/** The validated (deeply frozen) taxonomy for an institution kind. */
export function taxonomyFor(kind: InstitutionKind): Taxonomy {
  return TAXONOMIES[InstitutionKindSchema.parse(kind)];
}

/** Whether `code` is a category of the given institution kind's shipped taxonomy. */
export function isCategory(kind: InstitutionKind, code: string): boolean {
  return INDEX[kind]?.category.has(code) ?? false;
}

/** Whether `code` is a reason of the given institution kind's shipped taxonomy. */
export function isReason(kind: InstitutionKind, code: string): boolean {
  return INDEX[kind]?.reason.has(code) ?? false;
}

/**
 * The top-level code of a category/reason code (`B-CAT-03.01` → `B-CAT-03`, `B-CAT-03` →
 * `B-CAT-03`), or `undefined` if `code` does not follow the code pattern. Use it to roll tenant
 * sub-codes up to the shipped codes the regulator reports on.
 */
export function topLevelCode(code: string): string | undefined {
  const m = TAXONOMY_CODE_PATTERN.exec(code);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

/** Whether `code` is one of the fixed intake channels. */
export function isChannel(code: string): code is Channel {
  return ChannelSchema.safeParse(code).success;
}

/**
 * The label of a code on an axis in a locale, or `undefined` when the code is not on that axis
 * for that institution kind.
 */
export function labelOf(kind: InstitutionKind, axis: TaxonomyAxis, code: string, locale: Locale): string | undefined {
  return INDEX[kind]?.[axis]?.get(code)?.label[locale];
}
