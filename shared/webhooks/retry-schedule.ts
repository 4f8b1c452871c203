/**
 * When each attempt after the first is due (architecture.md, Webhooks): immediately, then after
 * 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h — about a day and a half of retries, then the delivery is
 * exhausted (replayable by hand).
 */
export const RETRY_DELAYS_MS = [0, 5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000] as const;

/** An endpoint that has failed without a success for this long is disabled. */
export const DISABLE_AFTER_MS = 5 * 24 * 3600_000;

/** What a receiver's `Retry-After` may ask for at most: longer and the schedule's own delay stands. */
const MAX_RETRY_AFTER_MS = 36_000_000;

/**
 * The time of the next attempt after `failedAttempts` attempts failed (the first attempt is number
 * 1), or undefined when the schedule is spent. Jitter of up to ±10 % spreads retries of many
 * deliveries to one endpoint; `Retry-After` (seconds or an HTTP date) is honoured when it asks for
 * a later time than the schedule.
 */
export function nextAttemptAt(
  failedAttempts: number,
  now: number,
  o: { retryAfter?: string | null; random?: () => number } = {},
): number | undefined {
  if (failedAttempts >= RETRY_DELAYS_MS.length) return undefined;
  const base = RETRY_DELAYS_MS[failedAttempts]!;
  const jitter = base * 0.1 * ((o.random ?? Math.random)() * 2 - 1);
  const scheduled = now + Math.round(base + jitter);
  const asked = retryAfterMs(o.retryAfter, now);
  return asked !== undefined && asked <= MAX_RETRY_AFTER_MS ? Math.max(scheduled, now + asked) : scheduled;
}

function retryAfterMs(value: string | null | undefined, now: number): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
