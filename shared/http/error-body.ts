import { z } from '@hono/zod-openapi';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { DomainErrorKind } from '../domain/errors';

export const ErrorBodySchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .openapi('Error');

export const STATUS_OF: Record<DomainErrorKind, ContentfulStatusCode> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rule_violation: 422,
  rate_limited: 429,
};

export const errorBody = (code: string, message: string, details?: unknown) => ({
  error: { code, message, ...(details !== undefined && { details }) },
});

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input; `details` lists each problem with its path',
  401: 'Missing, expired or untrusted token',
  403: 'The role lacks the permission, or the institution is suspended',
  404: 'Not found (also for ids of another institution)',
  409: 'Wrong step, stale version or duplicate',
  413: 'Body too large',
  422: 'Breaks a rule (e.g. an extension beyond the policy, a reused Idempotency-Key)',
  429: "Too many failed authentications, unknown ids or registrations, or the institution's requests this minute (`tenant_rate_limited`); retry after `Retry-After` seconds",
};

/** The error responses a route documents in OpenAPI, all with the one error shape. */
export function errorResponses(...statuses: number[]) {
  return Object.fromEntries(
    [401, 403, 429, ...statuses].map((s) => [
      s,
      { description: DESCRIPTIONS[s] ?? 'Error', content: { 'application/json': { schema: ErrorBodySchema } } },
    ]),
  );
}
