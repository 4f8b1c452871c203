/**
 * Failures the domain and application layers signal; the HTTP edge maps each kind to one status code
 * (architecture: 400, 403, 404, 409, 422), so no layer below it knows about HTTP.
 */
export type DomainErrorKind =
  | 'invalid'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'rule_violation'
  | 'rate_limited';

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string) => new DomainError('not_found', 'not_found', `${what} not found`);
export const conflict = (code: string, message: string, details?: unknown) =>
  new DomainError('conflict', code, message, details);
export const ruleViolation = (code: string, message: string, details?: unknown) =>
  new DomainError('rule_violation', code, message, details);
export const invalid = (code: string, message: string, details?: unknown) =>
  new DomainError('invalid', code, message, details);
export const forbidden = (code: string, message: string) => new DomainError('forbidden', code, message);
