import type { Hono } from 'hono';
import type { Platform } from '../../application/platform';
import type { WebEnv } from '../web-env';

/** Placeholder: its pages are being built. */
export function intakePage(_app: Hono<WebEnv>, _p: Platform) {}
