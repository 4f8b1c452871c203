import { touchedCounterMonths } from '../../../shared/application/counter-compaction';
import { tenantsWithTables } from '../../../shared/application/tenant-list';
import { resumePendingDeliveries } from '../../../shared/application/webhook-delivery';
import { dispatchChanges } from '../../../shared/application/webhook-dispatch';
import type { Tenant } from '../../../shared/domain/tenant/tenant-schema';
import type { LocalPlatform } from '../platform';
import { CounterCompactor } from '../processes/counter-compactor';
import { StreamPoller } from './stream-poller';

/** New tenants are picked up within this long (a poll re-reads the tenant list no more often). */
const TENANT_LIST_TTL_MS = 2000;

/**
 * Webhook delivery in the local runtime: the stream poller over every tenant table feeding the
 * dispatcher, and the delivery queue (part of the platform), with their pending work re-armed at start.
 * The same stream also tells the counter compactor which months' counters to fold.
 */
export class LocalWebhooks {
  private readonly poller: StreamPoller;
  private readonly compactor: CounterCompactor;
  private tenantList: { at: number; tenants: Promise<Tenant[]> } | undefined;

  constructor(
    private readonly p: LocalPlatform,
    o: { dynamoEndpoint: string; dataDir: string; intervalMs?: number; foldAfterMs?: number },
  ) {
    this.compactor = new CounterCompactor(p, o.foldAfterMs);
    this.poller = new StreamPoller({
      dynamo: p.db,
      endpoint: o.dynamoEndpoint,
      dataDir: o.dataDir,
      tenants: () => this.tenants(),
      dispatch: (tenant, changes) => {
        this.compactor.touched(tenant, touchedCounterMonths(changes));
        return dispatchChanges(p, tenant, changes);
      },
      logger: p.logger,
      ...(o.intervalMs !== undefined && { intervalMs: o.intervalMs }),
    });
  }

  private tenants(): Promise<Tenant[]> {
    const now = Date.now();
    if (!this.tenantList || now - this.tenantList.at > TENANT_LIST_TTL_MS) {
      const tenants = tenantsWithTables(this.p);
      tenants.catch(() => {
        this.tenantList = undefined;
      });
      this.tenantList = { at: now, tenants };
    }
    return this.tenantList.tenants;
  }

  async start(): Promise<number> {
    const resumed = await resumePendingDeliveries(this.p, await this.tenants());
    this.poller.start();
    return resumed;
  }

  /** Writes to these tables were answered: their streams have news. */
  nudge(tables: readonly string[]) {
    this.poller.nudge(tables);
  }

  /** A tenant onboarded now is polled from its next round, not after the list's TTL. */
  forgetTenants() {
    this.tenantList = undefined;
  }

  /** Reads every stream to its end and waits for the attempts that started: nothing due is left. */
  async drain(): Promise<number> {
    this.forgetTenants();
    const n = await this.poller.drain();
    await this.p.deliveries.idle();
    return n;
  }

  async stop() {
    await this.poller.stop();
    await this.compactor.stop();
    await this.p.deliveries.stop();
  }
}

/**
 * Quiet means the engine, the streams and the senders have all stopped: each can start work for
 * another (a tick writes an event, the event becomes a delivery), so settle until a round finds none.
 */
export async function settleAll(p: LocalPlatform, webhooks: LocalWebhooks | undefined): Promise<void> {
  for (;;) {
    await p.engine.settle();
    const dispatched = webhooks ? await webhooks.drain() : 0;
    if (dispatched === 0 && !p.deliveries.busy()) {
      await p.engine.settle();
      return;
    }
  }
}
