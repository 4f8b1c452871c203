import { z } from '@hono/zod-openapi';

/** `If-Match: <version>` (quotes allowed, as ETags have them), as the version number. */
const version = z
  .string()
  .regex(/^"?\d+"?$/, 'the version you read, e.g. 3')
  .transform((v) => Number(v.replaceAll('"', '')))
  // A version is a counter DynamoDB compares exactly: beyond 2^53 − 1 a JS number is no longer one.
  .refine(Number.isSafeInteger, 'a version is at most 9007199254740991');

/** For replacing a whole versioned document: 0 when there is none yet. */
export const RequiredIfMatch = z.object({ 'if-match': version });
/** For actions: without it the action applies to whatever version is current. */
export const OptionalIfMatch = z.object({ 'if-match': version.optional() });
