import type { CalendarResolver } from '../domain/calendars/calendar';
import { calendarsWith } from '../domain/calendars/loaded-years';
import type { CalendarsRepo } from '../store/calendars-repo';

/**
 * The calendars deadlines are counted with: the shipped data with every operator-loaded year laid
 * over it, read from the control plane and cached for `ttlMs`. A load applies at once in the process
 * that stored it (it evicts) and within `ttlMs` in every other one, API and workflow alike.
 */
export class CalendarSource {
  private cached: { value: Promise<CalendarResolver>; until: number } | undefined;

  constructor(
    private readonly repo: CalendarsRepo,
    private readonly ttlMs = 30_000,
    private readonly now: () => number = Date.now,
  ) {}

  resolver(): Promise<CalendarResolver> {
    if (this.cached && this.cached.until > this.now()) return this.cached.value;
    const value = this.repo.listCurrent().then(calendarsWith);
    const entry = { value, until: this.now() + this.ttlMs };
    this.cached = entry;
    value.catch(() => {
      if (this.cached === entry) this.cached = undefined;
    });
    return value;
  }

  evict(): void {
    this.cached = undefined;
  }
}
