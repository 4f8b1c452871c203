import { z } from 'zod';
import { QueueViewSchema } from '../../application/work-queue';
import { type ComplaintStatus, ComplaintStatusSchema, isOpen } from '../../domain/complaint/status';
import { ChannelSchema, TaxonomyCodeSchema } from '../../domain/taxonomy';
import { UnitIdSchema } from '../../domain/tenant/units';

/** The statuses a queue can hold: the open ones. */
export const OPEN_STATUSES = ComplaintStatusSchema.options.filter(isOpen) as [ComplaintStatus, ...ComplaintStatus[]];

export const QUEUE_PAGE_SIZE = 25;

/** The queue page's URL query: its view, its filters and its place in the listing. */
export const QueueQuerySchema = z.object({
  view: QueueViewSchema.default('all'),
  status: z.enum(OPEN_STATUSES).optional(),
  category: TaxonomyCodeSchema.optional(),
  reason: TaxonomyCodeSchema.optional(),
  channel: ChannelSchema.optional(),
  unit: UnitIdSchema.optional(),
  receivedFrom: z.iso.date().optional(),
  receivedTo: z.iso.date().optional(),
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,2048}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(QUEUE_PAGE_SIZE),
});
export type QueueQuery = z.infer<typeof QueueQuerySchema>;

/** The parameters that define a listing, in a fixed order; `cursor` and `limit` only move within it. */
const DEFINING = ['view', 'status', 'category', 'reason', 'channel', 'unit', 'receivedFrom', 'receivedTo'] as const;
export type Defining = Pick<QueueQuery, (typeof DEFINING)[number]>;

/**
 * What a queue cursor is sealed to: this listing, the institution and the user (whose sub "mine"
 * filters by). The page and its refreshing fragment share it, so a page's cursor works in both.
 */
export const queueScope = (tenantId: string, sub: string, q: Defining) =>
  JSON.stringify(['console-queue', tenantId, sub, DEFINING.map((k) => q[k] ?? null)]);

/** The URL of a listing; unset parameters and the default page size are left out. */
export function queueHref(
  path: string,
  q: Partial<Defining> & { cursor?: string | undefined; limit?: number | undefined },
): string {
  const params = new URLSearchParams();
  for (const k of DEFINING) {
    const v = q[k];
    if (v !== undefined) params.set(k, v);
  }
  if (q.limit !== undefined && q.limit !== QUEUE_PAGE_SIZE) params.set('limit', String(q.limit));
  if (q.cursor) params.set('cursor', q.cursor);
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** The listing's defining parameters alone (to carry into a view link or the refresh). */
export const definingOf = (q: QueueQuery): Defining =>
  Object.fromEntries(DEFINING.filter((k) => q[k] !== undefined).map((k) => [k, q[k]])) as Defining;
