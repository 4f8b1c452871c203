import { z } from '@hono/zod-openapi';

/** A JSON response as OpenAPI documents it. */
export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/** One page of a list: the items and the cursor of the next page (null on the last). */
export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const CursorSchema = z.string().max(2048).optional();

/** `Idempotency-Key`: a retry with the same key returns what the first request created. */
export const IdempotencyKeySchema = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces');
