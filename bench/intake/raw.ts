/**
 * The raw DynamoDB Local ceiling: the intake's own TransactWriteItems (ComplaintsRepo.create — the
 * same 5 items, conditions and counter update), issued directly from a closed loop of `concurrency`
 * workers for a fixed time, with items copied from a complaint the API really stored (same shape
 * and size), only the keys varied.
 *
 * `sequence` mode (profiling): every DynamoDB call one intake makes, in the intake's order — units
 * GetItem, policy GetItem, byConsumer Query, then the transaction — to show what the API could reach
 * if the Node.js side cost nothing.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { ulid } from 'ulid';
import type { ComplaintRecord } from '../../shared/domain/complaint/complaint-schema';
import { formatReference } from '../../shared/domain/complaint/reference';
import type { ComplaintEvent } from '../../shared/domain/events/event-schema';
import type { ComplaintsRepo } from '../../shared/store/complaints-repo';
import type { PoliciesRepo } from '../../shared/store/policies-repo';
import type { UnitsRepo } from '../../shared/store/units-repo';
import { type RunSummary, summarize } from './stats';

export type Template = {
  record: ComplaintRecord;
  event: ComplaintEvent;
  fingerprint: string;
  referencePrefix: string;
  repeatWindowDays: number;
};

export type RawDeps = {
  complaints: ComplaintsRepo;
  units: UnitsRepo;
  policies: PoliciesRepo;
  table: string;
  template: Template;
};

/** One intake's write set, built like registerComplaint builds it, with fresh keys. */
function writeSet(t: Template) {
  const now = new Date();
  const id = ulid(now.getTime());
  const at = now.toISOString();
  const reference = formatReference(
    t.referencePrefix,
    t.record.receivedAt.slice(0, 10),
    new Uint8Array(randomBytes(5)),
  );
  const record: ComplaintRecord = {
    ...t.record,
    id,
    reference,
    consumerKey: randomBytes(32).toString('base64url'),
    receivedAt: at,
    createdAt: at,
    updatedAt: at,
  };
  const event: ComplaintEvent = { ...t.event, complaintId: id, at, data: { ...t.event.data, reference } };
  return {
    record,
    event,
    idempotency: {
      key: `raw-${randomUUID()}`,
      fingerprint: t.fingerprint,
      complaintId: id,
      createdAt: at,
      expiresAt: Math.floor(now.getTime() / 1000) + 7 * 24 * 3600,
    },
    counters: [
      {
        month: at.slice(0, 7),
        shardOf: id,
        counts: { received: 1, [`received.channel.${record.channel}`]: 1, [`received.category.${record.category}`]: 1 },
      },
    ],
    // The same initial workflow position intake writes in its transaction.
    position: { step: 'acknowledgement' as const, since: at, firedUntil: null, token: null },
  };
}

export async function rawRun(
  d: RawDeps,
  opts: { concurrency: number; durationS: number; mode: 'transact' | 'sequence' },
): Promise<RunSummary> {
  const latencies: number[] = [];
  let errors = 0;
  let attempts = 0;
  const retries: Record<string, number> = {};
  const errorKinds: Record<string, number> = {};
  const started = performance.now();
  const deadline = started + opts.durationS * 1000;

  const one = async () => {
    const input = writeSet(d.template);
    if (opts.mode === 'sequence') {
      await d.units.get(d.table);
      await d.policies.get(d.table);
      const received = new Date(input.record.receivedAt);
      const since = new Date(received.getTime() - d.template.repeatWindowDays * 86_400_000).toISOString();
      await d.complaints.byConsumer(d.table, input.record.consumerKey, since, input.record.receivedAt);
    }
    // Like registerComplaint: a reference collision draws another reference; a transaction that
    // collided with another in flight (TransactionConflict) waits 25 ms × attempt and tries again.
    for (let attempt = 1; attempt <= 5; attempt++) {
      const outcome = await d.complaints.create(d.table, input);
      if (outcome.kind === 'created') return;
      retries[outcome.kind] = (retries[outcome.kind] ?? 0) + 1;
      if (outcome.kind === 'reference_taken') {
        const reference = formatReference(
          d.template.referencePrefix,
          input.record.receivedAt.slice(0, 10),
          new Uint8Array(randomBytes(5)),
        );
        input.record = { ...input.record, reference };
        input.event = { ...input.event, data: { ...input.event.data, reference } };
      } else if (outcome.kind === 'contended') {
        await new Promise((r) => setTimeout(r, 25 * attempt));
      } else {
        throw new Error(outcome.kind);
      }
    }
    throw new Error('retries_exhausted');
  };

  const worker = async () => {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      try {
        await one();
        // Like autocannon: only completed requests that finish inside the window are counted.
        const t1 = performance.now();
        attempts++;
        if (t1 <= deadline) latencies.push(t1 - t0);
      } catch (e) {
        errors++;
        const kind = (e as Error).name === 'Error' ? (e as Error).message : (e as Error).name;
        errorKinds[kind] = (errorKinds[kind] ?? 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  return { ...summarize(latencies, opts.durationS, errors, errorKinds), processed: attempts, retries };
}
