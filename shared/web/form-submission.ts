import { randomUUID } from 'node:crypto';
import { DomainError } from '../domain/errors';
import { IdempotencyKeySchema } from '../http/openapi-helpers';
import type { FieldErrors } from './form-input';

/**
 * The hidden field holding a form's idempotency key: drawn when the form is rendered and sent back
 * unchanged by every re-render (a refusal, a confirmation), so however often the form is submitted
 * it files one thing.
 */
export const FORM_KEY = '_key';

export const newFormKey = () => `form-${randomUUID()}`;

/** The key a submitted form carries, if it is one the API would take as an Idempotency-Key. */
export function submittedFormKey(form: Record<string, unknown>): string | undefined {
  const v = form[FORM_KEY];
  return typeof v === 'string' && IdempotencyKeySchema.safeParse(v).success ? v : undefined;
}

/**
 * The field errors of a refusal from the use case (rules the schema cannot see: a date in the
 * future, an unknown code), keyed by the form's own field names; undefined for any other error.
 */
export function refusalErrors(
  err: unknown,
  fieldName: (path: string) => string = (p) => p,
  translate: (message: string) => string = (m) => m,
): FieldErrors | undefined {
  if (!(err instanceof DomainError) || err.kind !== 'invalid' || !Array.isArray(err.details)) return undefined;
  const errors: FieldErrors = {};
  for (const d of err.details as { path?: unknown[]; message?: string }[]) {
    const key = fieldName((d.path ?? []).join('.') || '_form');
    errors[key] ??= translate(d.message ?? err.message);
  }
  return Object.keys(errors).length > 0 ? errors : undefined;
}
