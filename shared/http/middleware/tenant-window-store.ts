import type { Store } from 'hono-rate-limiter';
import type { Clock } from '../../ports/clock';
import type { Logger } from '../../ports/logger';
import type { RequestWindowsRepo } from '../../store/request-windows-repo';
import type { AppEnv } from '../env';

/** Tenant budgets are per minute: the `requestsPerMinute` a tenant record names. */
export const TENANT_WINDOW_MS = 60_000;

/**
 * hono-rate-limiter's `Store` on the tenants' own tables, keyed by tenant id, with fixed windows on
 * the platform clock (so the local manual clock moves them too). A counter that cannot be reached
 * counts nothing rather than failing the request: a throttle must never turn into an outage. The
 * first failure is logged, then nothing until the counter answers again.
 */
export class TenantWindowStore implements Store<AppEnv> {
  readonly localKeys = false;
  readonly prefix = 'tenant:';
  private failing = false;

  constructor(
    private readonly repo: RequestWindowsRepo,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  window() {
    const now = this.clock.now().getTime();
    const start = now - (now % TENANT_WINDOW_MS);
    return { start: new Date(start), end: new Date(start + TENANT_WINDOW_MS) };
  }

  async increment(tenantId: string) {
    const window = this.window();
    const totalHits = await this.failOpen(() => this.repo.add(tenantId, window, 1), 0);
    return { totalHits, resetTime: window.end };
  }

  async decrement(tenantId: string) {
    await this.failOpen(() => this.repo.add(tenantId, this.window(), -1), 0);
  }

  async resetKey(tenantId: string) {
    await this.failOpen(() => this.repo.clear(tenantId, this.window()), undefined);
  }

  private async failOpen<T>(call: () => Promise<T>, fallback: T): Promise<T> {
    try {
      const result = await call();
      if (this.failing) this.logger.info('tenant request counter reachable again; counting');
      this.failing = false;
      return result;
    } catch (e) {
      if (!this.failing) {
        this.logger.error('tenant request counter unreachable; requests are not counted until it answers', {
          error: e instanceof Error ? e.name : 'unknown',
        });
      }
      this.failing = true;
      return fallback;
    }
  }
}
