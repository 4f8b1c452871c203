import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ZodError } from 'zod';
import { DomainError } from '../domain/errors';
import { isStoreUnavailable } from '../store/dynamo-client';
import type { AppEnv } from './env';
import { errorBody, STATUS_OF } from './error-body';

/** zod issues as the API reports them: where, and what is wrong there; never the offending value. */
export function describeIssues(error: ZodError) {
  const details = error.issues.map((i) => ({
    path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    message: i.message,
  }));
  const message = details.map((d) => (d.path.length ? `${d.path.join('.')}: ${d.message}` : d.message)).join('; ');
  return { message, details };
}

/** The validation hook of every route: a 400 in the architecture's error shape. */
export function validationHook(result: { success: boolean; error?: ZodError }, c: Context<AppEnv>) {
  if (!result.success && result.error) {
    const { message, details } = describeIssues(result.error);
    return c.json(errorBody('invalid_request', message, details), 400);
  }
  return undefined;
}

export function handleError<E extends AppEnv>(err: Error, c: Context<E>) {
  if (err instanceof DomainError) {
    const status = STATUS_OF[err.kind];
    c.var.logger?.info('request refused', { code: err.code, status });
    return c.json(errorBody(err.code, err.message, err.details), status);
  }
  if (err instanceof HTTPException) {
    const status = err.status;
    const code =
      status === 413
        ? 'payload_too_large'
        : status === 400
          ? 'invalid_request'
          : status === 401
            ? 'unauthorized'
            : 'http_error';
    const message =
      status === 400 && /json/i.test(err.message) ? 'request body is not valid JSON' : err.message || 'request refused';
    return c.json(errorBody(code, message), status as 400);
  }
  if (isStoreUnavailable(err)) {
    c.var.logger?.warn('store unavailable', {
      errorName: err.name,
      errorCode: (err as { code?: string }).code ?? null,
    });
    return storeUnavailable(c);
  }
  // Only the error's class and code reach the log: messages from drivers can quote stored values.
  c.var.logger?.error('unhandled error', { errorName: err.name, errorCode: (err as { code?: string }).code ?? null });
  return c.json(
    errorBody('internal_error', 'something went wrong on our side; the request id identifies it', {
      requestId: c.var.requestId,
    }),
    500,
  );
}

/** Seconds a client should wait before retrying while the store is away. */
export const STORE_RETRY_AFTER_S = 2;

/** The store is down or frozen: retry later (a write with the same Idempotency-Key is never doubled). */
export function storeUnavailable(c: Context) {
  return c.json(errorBody('service_unavailable', 'the database is not answering; retry shortly'), 503, {
    'Retry-After': String(STORE_RETRY_AFTER_S),
  });
}
