import type { ComplaintEvent } from '../events/event-schema';

/** Keys whose value staff may write in their own words; they may name the complainant. */
const FREE_TEXT_KEYS = new Set(['summary', 'reason', 'remedy', 'description', 'note', 'text', 'message', 'comment']);
/** A machine code (`review_completed`) is no free text and stays. */
const CODE = /^[a-z][a-z0-9_]{0,63}$/;

function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (FREE_TEXT_KEYS.has(k) && !(typeof v === 'string' && CODE.test(v))) continue;
    out[k] = strip(v);
  }
  return out;
}

/**
 * An event as the regulator sees it. Event data carries no personal data by construction (codes,
 * dates, deadlines, ids); free text is dropped all the same, so a future event type that records
 * staff's words cannot leak them here. The hash chain stays for integrity checks of the timeline.
 */
export const regulatorEvent = (e: ComplaintEvent): ComplaintEvent => ({
  ...e,
  data: strip(e.data) as Record<string, unknown>,
});
