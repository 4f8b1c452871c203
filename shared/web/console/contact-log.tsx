import type { Hono } from 'hono';
import type { Platform } from '../../application/platform';
import type { ComplaintRecord } from '../../domain/complaint/complaint-schema';
import type { WebEnv } from '../web-env';

/** Placeholder: the contact log and internal notes of a complaint, with their forms. */
export function ContactLog(_props: { record: ComplaintRecord; csrf: string }) {
  return null;
}

/** Placeholder: the POST routes of the contact and note forms. */
export function contactLogRoutes(_app: Hono<WebEnv>, _p: Platform) {}
