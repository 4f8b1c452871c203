import type { Tenant } from '../../../shared/domain/tenant/tenant-schema';
import type { Clock } from '../../../shared/ports/clock';
import type { Logger } from '../../../shared/ports/logger';
import type { DeliveryQueue } from '../../../shared/ports/webhook-transport';
import type { DeliveryRef } from '../../../shared/store/webhooks-repo';
import type { Delivery } from '../../../shared/webhooks/subscription-schema';
import type { Scheduler } from '../workflow/scheduler';

/** Attempts in flight to one endpoint at most: a hanging endpoint holds only its own lane. */
const PER_ENDPOINT = 4;

type Job = { tenant: Tenant; ref: DeliveryRef; known?: Delivery };
const keyOf = (j: Job) => `${j.tenant.id}\0${j.ref.endpointId}\0${j.ref.occurredAt}\0${j.ref.eventId}`;

/**
 * The local runtime's delivery queue: due attempts run at once, later ones on the platform's
 * scheduler (so the manual clock drives retries). Durability is the delivery item's, not the queue's:
 * at start every pending delivery is queued again from the due index.
 */
export class LocalDeliveryQueue implements DeliveryQueue {
  private readonly timers = new Map<string, () => void>();
  private readonly lanes = new Map<string, { running: number; waiting: Job[] }>();
  private readonly inFlight = new Set<Promise<void>>();
  private attempt: ((job: Job) => Promise<void>) | undefined;
  private stopped = false;

  constructor(
    private readonly scheduler: Scheduler,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** Set by the composition root: the queue runs the application's attempt, which enqueues again. */
  bind(attempt: (job: Job) => Promise<void>) {
    this.attempt = attempt;
  }

  async enqueue(tenant: Tenant, ref: DeliveryRef, at: number, known?: Delivery): Promise<void> {
    if (this.stopped) return;
    const job: Job = { tenant, ref };
    const key = keyOf(job);
    this.timers.get(key)?.();
    this.timers.delete(key);
    if (at <= this.clock.now().getTime()) {
      this.admit(job, known);
      return;
    }
    this.timers.set(
      key,
      this.scheduler.schedule(at, () => {
        this.timers.delete(key);
        this.admit(job);
      }),
    );
  }

  private admit(job: Job, known?: Delivery) {
    const laneKey = `${job.tenant.id}\0${job.ref.endpointId}`;
    const lane = this.lanes.get(laneKey) ?? { running: 0, waiting: [] };
    this.lanes.set(laneKey, lane);
    // Already waiting: that job reads the delivery when it starts, and sends it once.
    if (lane.waiting.some((w) => keyOf(w) === keyOf(job))) return;
    // The delivery just stored is what an attempt starting now would read; one that waits behind
    // others reads it when it starts (another attempt may have sent it meanwhile).
    const startsNow = lane.running < PER_ENDPOINT && lane.waiting.length === 0;
    lane.waiting.push(known && startsNow ? { ...job, known } : job);
    this.pump(laneKey);
  }

  private pump(laneKey: string) {
    const lane = this.lanes.get(laneKey);
    if (!lane) return;
    while (lane.running < PER_ENDPOINT && lane.waiting.length > 0) {
      const job = lane.waiting.shift()!;
      lane.running++;
      const run = (this.attempt?.(job) ?? Promise.resolve())
        .catch((e: Error) =>
          this.logger.error('webhook attempt failed; the delivery stays pending', {
            tenantId: job.tenant.id,
            endpointId: job.ref.endpointId,
            errorName: e.name,
          }),
        )
        .finally(() => {
          lane.running--;
          this.inFlight.delete(run);
          if (lane.running === 0 && lane.waiting.length === 0) this.lanes.delete(laneKey);
          else this.pump(laneKey);
        });
      this.inFlight.add(run);
    }
  }

  /** True while an attempt runs or waits for its lane. */
  busy(): boolean {
    return this.inFlight.size > 0 || [...this.lanes.values()].some((l) => l.waiting.length > 0);
  }

  /** Resolves once no attempt is running or waiting (timers for later attempts do not count). */
  async idle(): Promise<void> {
    while (this.busy()) await Promise.allSettled([...this.inFlight]);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const cancel of this.timers.values()) cancel();
    this.timers.clear();
    await this.idle();
  }
}
