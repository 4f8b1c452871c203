import type { Hono } from 'hono';
import type { Platform } from '../../application/platform';
import type { ComplaintRecord } from '../../domain/complaint/complaint-schema';
import type { WebEnv } from '../web-env';

/** Placeholder: the action forms of a complaint (those its record and the user's roles allow). */
export function ActionPanel(_props: { record: ComplaintRecord; csrf: string; prefix: string }) {
  return null;
}

/** Placeholder: the POST routes of the action forms. */
export function complaintActionRoutes(_app: Hono<WebEnv>, _p: Platform) {}
