import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  type _Record,
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type Shard,
} from '@aws-sdk/client-dynamodb-streams';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { StreamChange } from '../../../shared/application/webhook-dispatch';
import type { Tenant } from '../../../shared/domain/tenant/tenant-schema';
import type { Logger } from '../../../shared/ports/logger';
import { localClientConfig } from '../../../shared/store/dynamo-client';
import { counterShardMonth } from '../../../shared/store/keys';

type Checkpoint = { streamArn: string; shards: Record<string, string | null> };

/** How often a table's stream and shards are described again. */
const DESCRIBE_EVERY_MS = 2000;
/** Passes start at least this far apart, so a burst of writes shares them. */
const MIN_GAP_MS = 25;
/** After a pass that found nothing the next waits this long, doubling up to the idle interval. */
const FIRST_IDLE_MS = 50;
const MAX_IDLE_MS = 1000;
const RECORDS_PER_CALL = 1000;
/** Checkpoints are written at most this often per table (a file write and rename each). */
const CHECKPOINT_EVERY_MS = 1000;
const STALE_ITERATOR = new Set(['TrimmedDataAccessException', 'ExpiredIteratorException']);

/**
 * Reads every tenant table's stream from DynamoDB Local's Streams API, as the event source mapping
 * does in AWS, and hands each batch to the dispatcher. Where each shard was read up to is kept in the
 * data directory after its batch was dispatched, at most once a second (at 50 events/s a write per
 * pass cost more Node CPU than the pass's GetRecords): a crash re-reads at most that second's
 * records (deliveries are created once; an escalation notice may go out again) and loses nothing.
 */
export class StreamPoller {
  private readonly streams: DynamoDBStreamsClient;
  private readonly iterators = new Map<string, string | undefined>();
  private readonly described = new Map<
    string,
    { at: number; streamArn: string; shards: Shard[]; checkpoint: Checkpoint }
  >();
  private timer: NodeJS.Timeout | undefined;
  private round: Promise<number> | undefined;
  private stopped = false;
  private readonly dirty = new Set<string>();
  private lastPassEnd = 0;
  private roundIsFull = false;
  private idleDelay: number;
  /** Checkpoints dispatched but not yet written, by table, and the timer that writes them. */
  private readonly unwritten = new Map<string, Checkpoint>();
  private flushTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly o: {
      dynamo: DynamoDBClient;
      endpoint: string;
      dataDir: string;
      tenants: () => Promise<Tenant[]>;
      dispatch: (tenant: Tenant, changes: StreamChange[]) => Promise<unknown>;
      logger: Logger;
      /** The longest wait between passes while nothing is written (default 1 s). */
      intervalMs?: number;
      /** The wait after a pass that found something, doubling from there (default 50 ms). */
      firstIdleMs?: number;
    },
  ) {
    // The store's own timeouts: without them a database that accepts but never answers (frozen, or
    // its port taken by another process) holds a pass, and the platform's stop, for ever.
    this.streams = new DynamoDBStreamsClient(localClientConfig(o.endpoint));
    this.idleDelay = this.firstIdle();
  }

  private firstIdle() {
    return Math.min(this.o.firstIdleMs ?? FIRST_IDLE_MS, this.o.intervalMs ?? MAX_IDLE_MS);
  }

  start() {
    this.schedule(0);
  }

  /**
   * A write to these tables was answered: read them now rather than on the next round (webhook
   * latency is then the time of a pass, not of the poll interval). Nudges during a pass make one
   * more pass after it, so a burst of writes costs a pass per few writes, not one each.
   */
  nudge(tables: readonly string[]) {
    if (this.stopped) return;
    for (const t of tables) this.dirty.add(t);
    this.schedule(Math.max(0, this.lastPassEnd + MIN_GAP_MS - Date.now()));
  }

  /** One pass over every tenant's stream; the number of records dispatched. Passes never overlap. */
  poll(): Promise<number> {
    return this.pass(undefined);
  }

  /** Reads until a pass finds nothing new: what the manual clock waits for before it returns. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.poll();
      if (n === 0) return total;
      total += n;
    }
  }

  async stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.round?.catch(() => undefined);
    this.flush();
    this.streams.destroy();
  }

  private schedule(delayMs: number) {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.tick(), delayMs);
  }

  /**
   * A pass: of the nudged tables only, when nudges woke it; of every table otherwise (writes from
   * another process, such as an offline command, are never nudged). An idle platform polls less and
   * less often, down to `intervalMs`, so doing nothing costs next to nothing.
   */
  private tick() {
    if (this.stopped) return;
    // A drain's pass is running: this one follows it.
    if (this.round) {
      void this.round.catch(() => 0).finally(() => this.schedule(0));
      return;
    }
    const only = this.dirty.size > 0 ? new Set(this.dirty) : undefined;
    this.dirty.clear();
    void this.pass(only)
      .then((n) => {
        this.idleDelay = n > 0 ? this.firstIdle() : Math.min(this.idleDelay * 2, this.o.intervalMs ?? MAX_IDLE_MS);
      })
      .catch((e: Error) => this.o.logger.error('stream poll failed; retrying', { errorName: e.name }))
      .finally(() => {
        this.schedule(this.dirty.size > 0 ? MIN_GAP_MS : this.idleDelay);
      });
  }

  /**
   * A pass over `only` (all tables when undefined). A full pass asked for while a partial one runs
   * starts after it, so whoever drains sees every table read.
   */
  private pass(only: Set<string> | undefined): Promise<number> {
    if (this.round && this.roundIsFull) return this.round;
    const before = this.round?.catch(() => 0);
    const round = (async () => {
      await before;
      return this.pollAll(only);
    })().finally(() => {
      if (this.round === round) this.round = undefined;
      this.lastPassEnd = Date.now();
    });
    this.round = round;
    this.roundIsFull = !only;
    return round;
  }

  private async pollAll(only?: Set<string>): Promise<number> {
    let total = 0;
    for (const tenant of await this.o.tenants())
      if (!only || only.has(tenant.tableName)) total += await this.pollTable(tenant);
    return total;
  }

  private checkpointFile(table: string) {
    return join(this.o.dataDir, 'webhooks', 'streams', `${table}.json`);
  }

  private readCheckpoint(table: string): Checkpoint | undefined {
    try {
      return JSON.parse(readFileSync(this.checkpointFile(table), 'utf8')) as Checkpoint;
    } catch {
      return undefined;
    }
  }

  /** Writes the checkpoint within CHECKPOINT_EVERY_MS, with any others dispatched meanwhile. */
  private checkpointLater(table: string, c: Checkpoint) {
    this.unwritten.set(table, c);
    this.flushTimer ??= setTimeout(() => this.flush(), CHECKPOINT_EVERY_MS).unref();
  }

  private flush() {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    for (const [table, c] of this.unwritten) {
      this.unwritten.delete(table);
      try {
        this.writeCheckpoint(table, c);
      } catch (e) {
        // The records are read again from the last checkpoint written: nothing is lost.
        this.o.logger.error('stream checkpoint not written', { table, errorName: (e as Error).name });
      }
    }
  }

  private writeCheckpoint(table: string, c: Checkpoint) {
    const file = this.checkpointFile(table);
    mkdirSync(join(this.o.dataDir, 'webhooks', 'streams'), { recursive: true });
    writeFileSync(`${file}.tmp`, JSON.stringify(c));
    renameSync(`${file}.tmp`, file);
  }

  private async pollTable(tenant: Tenant): Promise<number> {
    const stream = await this.streamOf(tenant.tableName);
    if (!stream) return 0;
    const { streamArn, shards, checkpoint } = stream;
    let total = 0;
    for (const shard of shards) {
      const shardId = shard.ShardId!;
      // A parent shard not yet read to its end goes first, so a complaint's events stay in order.
      const parent = shard.ParentShardId;
      if (parent && checkpoint.shards[parent] !== null && shards.some((s) => s.ShardId === parent)) continue;
      if (checkpoint.shards[shardId] === null) continue;
      total += await this.readShard(tenant, streamArn, shardId, checkpoint);
    }
    return total;
  }

  /**
   * The table's stream, its shards and where they were read to, described again every few seconds
   * (shards roll over) rather than on every poll: polling is frequent, describing is not free.
   */
  private async streamOf(table: string) {
    const known = this.described.get(table);
    if (known && Date.now() - known.at < DESCRIBE_EVERY_MS) return known;
    const described = await this.o.dynamo.send(new DescribeTableCommand({ TableName: table })).catch(() => undefined);
    const streamArn = described?.Table?.LatestStreamArn;
    if (!streamArn) return undefined;
    let checkpoint = known?.streamArn === streamArn ? known.checkpoint : this.readCheckpoint(table);
    // A table created again (a new stream) starts over from the new stream's beginning.
    if (checkpoint?.streamArn !== streamArn) checkpoint = { streamArn, shards: {} };
    const { StreamDescription } = await this.streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    const entry = { at: Date.now(), streamArn, shards: StreamDescription?.Shards ?? [], checkpoint };
    this.described.set(table, entry);
    return entry;
  }

  /** An iterator where this shard was read up to (its checkpoint), or at its oldest record. */
  private async freshIterator(streamArn: string, shardId: string, checkpoint: Checkpoint) {
    const after = checkpoint.shards[shardId];
    const res = await this.streams.send(
      new GetShardIteratorCommand({
        StreamArn: streamArn,
        ShardId: shardId,
        ...(after
          ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: after }
          : { ShardIteratorType: 'TRIM_HORIZON' }),
      }),
    );
    return res.ShardIterator;
  }

  /**
   * GetRecords, once more from the checkpoint when the iterator kept from the last pass went stale.
   * DynamoDB Local numbers stream records across all its tables: an iterator taken on an empty
   * shard points at that number, and once other tables' writes pass it before this table's first
   * record, DynamoDB Local calls it "trimmed". Kept, it would fail every pass and the tenant would
   * hear nothing again.
   */
  private async getRecords(iterator: string, again: () => Promise<string | undefined>) {
    try {
      return await this.streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: RECORDS_PER_CALL }));
    } catch (e) {
      if (!STALE_ITERATOR.has((e as Error).name)) throw e;
      const fresh = await again();
      if (!fresh) throw e;
      return this.streams.send(new GetRecordsCommand({ ShardIterator: fresh, Limit: RECORDS_PER_CALL }));
    }
  }

  private async readShard(tenant: Tenant, streamArn: string, shardId: string, checkpoint: Checkpoint) {
    const key = `${streamArn}\0${shardId}`;
    let iterator = this.iterators.get(key) ?? (await this.freshIterator(streamArn, shardId, checkpoint));
    let total = 0;
    while (iterator) {
      const res = await this.getRecords(iterator, () => this.freshIterator(streamArn, shardId, checkpoint));
      const records = res.Records ?? [];
      if (records.length > 0) {
        const changes = records.map(toChange).filter((c): c is StreamChange => c !== undefined);
        if (changes.length > 0) await this.o.dispatch(tenant, changes);
        checkpoint.shards[shardId] = records.at(-1)!.dynamodb!.SequenceNumber!;
        this.checkpointLater(tenant.tableName, checkpoint);
        total += records.length;
      }
      if (!res.NextShardIterator) {
        // The shard is closed and read to its end.
        checkpoint.shards[shardId] = null;
        this.checkpointLater(tenant.tableName, checkpoint);
        this.iterators.delete(key);
        return total;
      }
      iterator = res.NextShardIterator;
      // A short page is all there was: anything newer is the next pass's (a nudge or the timer).
      if (records.length < RECORDS_PER_CALL) break;
    }
    this.iterators.set(key, iterator);
    return total;
  }
}

/**
 * The items the stream's consumers read (the dispatcher's events and referrals, the compactor's
 * counter shards); every other item's change is dropped before unmarshalling.
 */
const DISPATCHED_KINDS = new Set(['event', 'referral']);
const consumed = (image: Image | undefined) =>
  image !== undefined &&
  ((image.kind?.S !== undefined && DISPATCHED_KINDS.has(image.kind.S)) ||
    counterShardMonth(image.pk?.S, image.sk?.S) !== undefined);

type Image = NonNullable<NonNullable<_Record['dynamodb']>['NewImage']>;

/**
 * The Streams client hands an empty map attribute over as `{}` (no type key), which `unmarshall`
 * rejects; such attributes carry nothing, so they are left out.
 */
function native(image: Image | undefined): Record<string, unknown> | undefined {
  if (!image) return undefined;
  const defined = Object.fromEntries(Object.entries(image).filter(([, v]) => Object.keys(v ?? {}).length > 0));
  return unmarshall(defined as never);
}

const toChange = (r: _Record): StreamChange | undefined => {
  if (!consumed(r.dynamodb?.NewImage) && !consumed(r.dynamodb?.OldImage)) return undefined;
  const newImage = native(r.dynamodb?.NewImage);
  const oldImage = native(r.dynamodb?.OldImage);
  return {
    eventName: r.eventName as StreamChange['eventName'],
    ...(newImage && { newImage }),
    ...(oldImage && { oldImage }),
  };
};
