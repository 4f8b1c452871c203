import { WebhooksRepo } from '../../../shared/store/webhooks-repo';
import type { Endpoint } from '../../../shared/webhooks/subscription-schema';

/**
 * The local runtime's endpoints, read once per tenant and kept until this process changes one: the
 * dispatcher asks for them on every batch, which is every write once the poller is nudged. Only one
 * process writes a local data directory (its lock), so its own writes are all the changes there are.
 * In AWS the API and the dispatcher are different functions, and the plain repo reads every time.
 */
export class CachedWebhooksRepo extends WebhooksRepo {
  private readonly cached = new Map<string, { generation: number; endpoints: Promise<Endpoint[]> }>();
  private readonly generations = new Map<string, number>();

  override endpoints(table: string): Promise<Endpoint[]> {
    const generation = this.generations.get(table) ?? 0;
    const hit = this.cached.get(table);
    if (hit?.generation === generation) return hit.endpoints.then((all) => all.map((e) => structuredClone(e)));
    const endpoints = super.endpoints(table);
    this.cached.set(table, { generation, endpoints });
    endpoints.catch(() => this.cached.delete(table));
    return endpoints.then((all) => all.map((e) => structuredClone(e)));
  }

  /** The sender reads its endpoint before every attempt: from the same kept list. */
  override async endpoint(table: string, id: string): Promise<Endpoint | undefined> {
    return (await this.endpoints(table)).find((e) => e.id === id);
  }

  override async putEndpoint(table: string, e: Endpoint, expectedVersion: number): Promise<void> {
    try {
      await super.putEndpoint(table, e, expectedVersion);
    } finally {
      this.changed(table);
    }
  }

  override async deleteEndpoint(table: string, id: string): Promise<void> {
    try {
      await super.deleteEndpoint(table, id);
    } finally {
      this.changed(table);
    }
  }

  /** A read that began before the change may still finish with the old list: it is not kept. */
  private changed(table: string) {
    this.generations.set(table, (this.generations.get(table) ?? 0) + 1);
    this.cached.delete(table);
  }
}
