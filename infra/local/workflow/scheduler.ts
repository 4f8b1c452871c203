import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Clock } from '../../../shared/ports/clock';

/** Runs a function at an instant of the platform's time. */
export interface Scheduler {
  schedule(at: number, fn: () => void): () => void;
}

/** Node's setTimeout overflows past 2^31-1 ms (24.8 days): long timers are chained in shorter hops. */
const MAX_DELAY = 2 ** 31 - 1;

export const realScheduler: Scheduler = {
  schedule(at, fn) {
    let handle: NodeJS.Timeout;
    const arm = () => {
      const delay = at - Date.now();
      handle = delay > MAX_DELAY ? setTimeout(arm, MAX_DELAY) : setTimeout(fn, Math.max(0, delay));
    };
    arm();
    return () => clearTimeout(handle);
  },
};

type Timer = { at: number; seq: number; fn: () => void };

/**
 * `REDRESS_CLOCK=manual`: time stands still until advanced, and every timer of the local runtime
 * follows it. Its position is kept in the data directory, so a restart continues from the same instant.
 */
export class ManualClock implements Clock, Scheduler {
  private current: number;
  private timers: Timer[] = [];
  private seq = 0;

  constructor(
    private readonly file: string,
    start = Date.now(),
  ) {
    try {
      this.current = Date.parse((JSON.parse(readFileSync(file, 'utf8')) as { now: string }).now);
    } catch {
      this.current = start;
      this.persist();
    }
  }

  now(): Date {
    return new Date(this.current);
  }

  schedule(at: number, fn: () => void): () => void {
    const timer = { at, seq: this.seq++, fn };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
    };
  }

  /**
   * Moves time forward to `to`, stopping at each timer that falls due on the way (in order), firing
   * it and letting its effects settle before going on — as if the time had really passed.
   */
  async advanceTo(to: number, settle: () => Promise<void>): Promise<void> {
    if (to < this.current) throw new Error('the manual clock only moves forward');
    await settle();
    for (;;) {
      let at = Infinity;
      for (const t of this.timers) if (t.at < at) at = t.at;
      if (at > to) break;
      // Timers due at the same instant fire together, then settle once.
      const due = this.timers.filter((t) => t.at === at).sort((a, b) => a.seq - b.seq);
      const firing = new Set(due);
      this.timers = this.timers.filter((t) => !firing.has(t));
      this.current = Math.max(this.current, at);
      this.persist();
      for (const t of due) t.fn();
      await settle();
    }
    this.current = to;
    this.persist();
  }

  /** Moves time without firing anything on the way: for tests that set a scene, not for the API. */
  jump(to: number): void {
    this.current = to;
    this.persist();
  }

  pending(): number {
    return this.timers.length;
  }

  private persist() {
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify({ now: new Date(this.current).toISOString() }));
    renameSync(tmp, this.file);
  }
}
