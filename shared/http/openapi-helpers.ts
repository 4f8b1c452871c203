import { z } from '@hono/zod-openapi';

/** The metadata `schema.openapi(...)` takes for this schema (its example typed by the schema). */
type Metadata<T extends z.ZodType> = NonNullable<Parameters<T['openapi']>[1]>;
const extension = z.ZodType.prototype.openapi as (this: z.ZodType, ...args: unknown[]) => z.ZodType;

/**
 * Documents a schema built outside `shared/http` (a domain schema, say), as `schema.openapi(...)`
 * would. Zod 4 copies its methods onto each schema as it builds it, so a schema built before
 * @hono/zod-openapi extended zod has no `.openapi` of its own: whether it has depends on which
 * module an entry (a handler, a test) happened to import first. The extension's method works on any.
 */
export function documented<T extends z.ZodType>(schema: T, refId: string, metadata?: Metadata<T>): T;
export function documented<T extends z.ZodType>(schema: T, metadata: Metadata<T>): T;
export function documented(schema: z.ZodType, ...args: unknown[]): z.ZodType {
  return extension.apply(schema, args);
}

/** A JSON response as OpenAPI documents it. */
export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/** One page of a list: the items and the cursor of the next page (null on the last). */
export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/** A request body of JSON, validated by `schema` (required unless said otherwise). */
export const jsonBody = <T extends z.ZodType>(schema: T, required = true) => ({
  required,
  content: { 'application/json': { schema } },
});

/** `limit` of a listing: how many items one page carries (a route may default it otherwise). */
export const LimitSchema = z.coerce.number().int().min(1).max(100).default(25);

/** A cursor as this API hands them out (sealed, see cursors.ts): base64url and one dot, so nothing else needs parsing. */
export const CursorParam = z
  .string()
  .regex(/^[A-Za-z0-9_.-]{1,2048}$/, 'a nextCursor this API returned')
  .optional()
  .openapi({ description: 'The nextCursor of the previous page of this very query' });

/** The webhook delivery log's cursor, handed out unsealed by its store (a delivery's key). */
export const CursorSchema = z.string().max(2048).optional();

/** `Idempotency-Key`: a retry with the same key returns what the first request created. */
export const IdempotencyKeySchema = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces');
