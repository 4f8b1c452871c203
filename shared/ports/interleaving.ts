/**
 * The points where a staff action and the workflow's own tasks interleave. Production never pauses
 * there; a test widens each window (as a slow Lambda, a busy event loop or a GC pause would) to
 * prove that no timing skips a step or completes the wrong wait.
 */
export type InterleavingPoint =
  /** A staff action has committed and is about to read the stored token. */
  | 'after_commit'
  /** A wait has checked the complaint and is about to store its token. */
  | 'before_token_store'
  /** A step's timer has fired (or the step was entered) and its tick is about to run. */
  | 'before_tick';

export interface Interleaving {
  pause(point: InterleavingPoint): Promise<void>;
}

export const noInterleaving: Interleaving = { pause: async () => {} };
