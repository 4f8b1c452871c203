import type { Scheduler } from './scheduler';

/** What the index orders: a due instant, and the slot the heap keeps its place in (for removal). */
export type Timed = { due: number; slot: number };

/**
 * The due times of every parked wait in one binary min-heap, with a single scheduler timer armed
 * for the earliest: 50,000 parked complaints cost 50,000 small entries, not 50,000 Node timers.
 * Entries leave the heap when removed (a signal came first), so nothing outlives its wait.
 */
export class TimerIndex<T extends Timed> {
  private readonly heap: T[] = [];
  private armedAt: number | undefined;
  private disarm: (() => void) | undefined;

  constructor(
    private readonly scheduler: Scheduler,
    private readonly now: () => number,
    /** Called with every entry that fell due, earliest first, after it left the index. */
    private readonly onDue: (entries: T[]) => void,
  ) {}

  get size(): number {
    return this.heap.length;
  }

  add(entry: T): void {
    entry.slot = this.heap.length;
    this.heap.push(entry);
    this.up(entry.slot);
    this.arm();
  }

  remove(entry: T): void {
    const i = entry.slot;
    if (this.heap[i] !== entry) return;
    const last = this.heap.pop()!;
    if (last !== entry) {
      this.heap[i] = last;
      last.slot = i;
      this.down(i);
      this.up(last.slot);
    }
    entry.slot = -1;
    this.arm();
  }

  clear(): void {
    for (const e of this.heap) e.slot = -1;
    this.heap.length = 0;
    this.arm();
  }

  private fire = () => {
    this.armedAt = undefined;
    this.disarm = undefined;
    const now = this.now();
    const due: T[] = [];
    while (this.heap.length > 0 && this.heap[0]!.due <= now) {
      const first = this.heap[0]!;
      this.remove(first);
      due.push(first);
    }
    this.arm();
    if (due.length > 0) this.onDue(due);
  };

  /** Keeps exactly one timer, at the earliest due time (re-armed only when that changes). */
  private arm() {
    const earliest = this.heap[0]?.due;
    if (earliest === this.armedAt) return;
    this.disarm?.();
    this.disarm = undefined;
    this.armedAt = earliest;
    if (earliest !== undefined) this.disarm = this.scheduler.schedule(earliest, this.fire);
  }

  private up(i: number) {
    const h = this.heap;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (h[parent]!.due <= h[i]!.due) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number) {
    const h = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let least = i;
      if (l < h.length && h[l]!.due < h[least]!.due) least = l;
      if (r < h.length && h[r]!.due < h[least]!.due) least = r;
      if (least === i) return;
      this.swap(i, least);
      i = least;
    }
  }

  private swap(a: number, b: number) {
    const h = this.heap;
    const x = h[a]!;
    const y = h[b]!;
    h[a] = y;
    h[b] = x;
    x.slot = b;
    y.slot = a;
  }
}
