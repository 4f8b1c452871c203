import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  type QueryCommandInput,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import type { z } from 'zod';
import {
  type ComplaintRecord,
  ComplaintRecordSchema,
  type WorkflowPosition,
  WorkflowPositionSchema,
} from '../domain/complaint/complaint-schema';
import { complaintSnapshot } from '../domain/complaint/snapshot';
import type { ComplaintStatus } from '../domain/complaint/status';
import { conflict } from '../domain/errors';
import type { ComplaintEvent, EventType } from '../domain/events/event-schema';
import type { ProtectedText } from '../domain/events/protected-text';
import { clearDescriptionIds } from './clear-descriptions';
import { fromComplaintItem, toComplaintItem } from './complaint-item';
import { type CounterIncrements, counterUpdates } from './counters';
import { decodeCursor, encodeCursor } from './cursor';
import { forwardedItem } from './forwarded-repo';
import {
  assigneeIndexKey,
  complaintKey,
  EVENT_PREFIX,
  eventKey,
  GSI,
  idempotencyKey,
  keyed,
  positionKey,
  referenceKey,
} from './keys';
import { repeatsOf } from './repeat-links';
import { IDEMPOTENCY_TTL_ATTRIBUTE } from './table-schemas';
import { failedConditions, isTransactionConflict } from './transaction-errors';
import { versionedPut } from './versioned-put';

export type IdempotencyRecord = {
  key: string;
  fingerprint: string;
  complaintId: string;
  createdAt: string;
  /** For a request that appended to a complaint (a contact, a note): the event it recorded. */
  seq?: number;
};

/** An event as stored, with the protected text its item carries beside it (contacts, notes). */
export type StoredEvent = ComplaintEvent & { protectedText?: ProtectedText };

export type CreateOutcome =
  | { kind: 'created' }
  | { kind: 'idempotency_key_taken' }
  | { kind: 'reference_taken' }
  /** Another transaction on the same items was in flight (e.g. the same request sent twice at once). */
  | { kind: 'contended' };

export type ListFilter = {
  status?: ComplaintStatus;
  overdue?: boolean;
  unitId?: string;
  dueBefore?: string;
  /** Applied page-wise (a filter on the index read), not by an index of their own. */
  category?: string;
  reason?: string;
  channel?: string;
  receivedFrom?: string;
  receivedTo?: string;
  /** The work queue's own filters (the API sets none of them); all applied on the index read too. */
  queue?: QueueFilter;
  limit: number;
  cursor?: string;
};

/**
 * Narrowing of the work queue. `dueFrom` joins `dueBefore` in the key condition (a range of the
 * due-date sort key); the rest filter the index read. `deadlines`: complaints in one of the branch's
 * statuses, with `reviewDecisionBefore` only those whose review decision is due before it.
 */
export type QueueFilter = {
  dueFrom?: string;
  assignee?: string;
  unitIds?: readonly string[];
  awaitingPartners?: boolean;
  deadlines?: readonly { statuses: readonly ComplaintStatus[]; reviewDecisionBefore?: string }[];
};

/** A complaint asks at most this many partners (IntakeSchema): each referral's slot is tested in turn. */
export const MAX_PARTNERS = 10;

/**
 * The event item is the webhook outbox: written in the state change's own transaction, read from the
 * table's stream, so it carries the complaint as it stood after the change (nothing personal).
 */
const eventItem = (e: ComplaintEvent, r: ComplaintRecord, text?: ProtectedText) => ({
  ...keyed('event', eventKey(e.complaintId, e.seq)),
  ...e,
  snapshot: complaintSnapshot(r),
  ...(text && { protectedText: text }),
});

const idempotencyPut = (table: string, idempotency: IdempotencyRecord & { expiresAt: number }) => ({
  Put: {
    TableName: table,
    Item: {
      ...keyed('idempotency', idempotencyKey(idempotency.key)),
      ...idempotency,
      [IDEMPOTENCY_TTL_ATTRIBUTE]: idempotency.expiresAt,
    },
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});

/** A position write: the new value and the version it replaces (0: there was none). */
export type PositionWrite = { value: WorkflowPosition; expectedVersion: number };

function positionPut(table: string, id: string, w: PositionWrite) {
  return { Put: versionedPut(table, { ...keyed('workflow', positionKey(id)), ...w.value }, w.expectedVersion) };
}

/** What the local engine's resume needs of an open complaint. */
const OpenLifecycleSchema = ComplaintRecordSchema.pick({ id: true, status: true, partners: true, referrals: true });
export type OpenLifecycle = z.infer<typeof OpenLifecycleSchema>;

export class ComplaintsRepo {
  constructor(private readonly db: DynamoDBDocumentClient) {}

  /**
   * The complaint, its first event, its reference guard, the idempotency record and the counters in
   * one transaction: either the complaint exists with all of them, or nothing was written.
   */
  async create(
    table: string,
    input: {
      record: ComplaintRecord;
      event: ComplaintEvent;
      idempotency: IdempotencyRecord & { expiresAt: number };
      counters: CounterIncrements[];
      /** The regulator's reference of a forwarded complaint (转办): indexed for the regulator. */
      regulatorReference?: string;
      /** Where the lifecycle starts waiting, so its first step need not write it. */
      position: Omit<WorkflowPosition, 'version'>;
    },
  ): Promise<CreateOutcome> {
    const { record, event, idempotency, counters, position, regulatorReference } = input;
    const notExists = 'attribute_not_exists(pk)';
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            idempotencyPut(table, idempotency),
            {
              Put: {
                TableName: table,
                Item: { ...keyed('reference', referenceKey(record.reference)), complaintId: record.id },
                ConditionExpression: notExists,
              },
            },
            { Put: { TableName: table, Item: toComplaintItem(record), ConditionExpression: notExists } },
            { Put: { TableName: table, Item: eventItem(event, record), ConditionExpression: notExists } },
            positionPut(table, record.id, { value: { ...position, version: 0 }, expectedVersion: 0 }),
            ...counterUpdates(table, counters),
            ...(regulatorReference
              ? [{ Put: { TableName: table, Item: forwardedItem(regulatorReference, record) } }]
              : []),
          ],
        }),
      );
      return { kind: 'created' };
    } catch (e) {
      const failed = failedConditions(e);
      if (failed.includes(0)) return { kind: 'idempotency_key_taken' };
      if (failed.includes(1)) return { kind: 'reference_taken' };
      if (isTransactionConflict(e)) return { kind: 'contended' };
      throw e;
    }
  }

  /**
   * Replaces the complaint only if nobody changed it since `expectedVersion` was read, appending its
   * events in the same transaction: a stale writer gets 409 and writes nothing.
   */
  async update(
    table: string,
    input: {
      record: ComplaintRecord;
      expectedVersion: number;
      events: ComplaintEvent[];
      counters?: CounterIncrements[];
      position?: PositionWrite;
      /** Protected text of some of the events, by seq, stored on their items. */
      texts?: ReadonlyMap<number, ProtectedText>;
      /** The request's key, taken in the same transaction: a retry finds it and records nothing twice. */
      idempotency?: IdempotencyRecord & { expiresAt: number };
    },
  ): Promise<void> {
    const { record, expectedVersion, events, counters, position, texts, idempotency } = input;
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              // The record carries its next version already (expectedVersion + 1).
              Put: versionedPut(table, toComplaintItem(record), expectedVersion),
            },
            ...events.map((event) => ({
              Put: {
                TableName: table,
                Item: eventItem(event, record, texts?.get(event.seq)),
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            })),
            ...counterUpdates(table, counters ?? []),
            ...(position ? [positionPut(table, record.id, position)] : []),
            ...(idempotency ? [idempotencyPut(table, idempotency)] : []),
          ],
        }),
      );
    } catch (e) {
      if (failedConditions(e).length > 0) {
        throw conflict('version_conflict', 'the complaint was changed by someone else; read it again and retry', {
          expectedVersion,
        });
      }
      if (isTransactionConflict(e)) throw conflict('contended', 'another write to the same items was in flight; retry');
      throw e;
    }
  }

  /**
   * Stores where the execution waits, only while the complaint is still at the version the caller
   * judged it by: a staff action that got in first makes this fail, and the caller looks again.
   */
  async storePosition(table: string, id: string, complaintVersion: number, position: PositionWrite): Promise<boolean> {
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              ConditionCheck: {
                TableName: table,
                Key: complaintKey(id),
                ConditionExpression: 'version = :v',
                ExpressionAttributeValues: { ':v': complaintVersion },
              },
            },
            positionPut(table, id, position),
          ],
        }),
      );
      return true;
    } catch (e) {
      if (failedConditions(e).length > 0 || isTransactionConflict(e)) return false;
      throw e;
    }
  }

  /** The complaint and where its execution waits, in one strongly consistent round trip. */
  async getWithPosition(
    table: string,
    id: string,
  ): Promise<{ record: ComplaintRecord | undefined; position: WorkflowPosition | undefined }> {
    const res = await this.db.send(
      new BatchGetCommand({
        RequestItems: { [table]: { Keys: [complaintKey(id), positionKey(id)], ConsistentRead: true } },
      }),
    );
    const items = res.Responses?.[table] ?? [];
    // Two small keys never exceed a batch's limits, but honour the protocol if DynamoDB defers one.
    if (res.UnprocessedKeys?.[table]?.Keys?.length) {
      const [record, position] = await Promise.all([this.get(table, id), this.getPosition(table, id)]);
      return { record, position };
    }
    const complaint = items.find((i) => i.sk === 'META' && i.kind === 'complaint');
    const position = items.find((i) => i.sk === positionKey(id).sk);
    return {
      record: complaint ? fromComplaintItem(complaint) : undefined,
      position: position ? WorkflowPositionSchema.parse(position) : undefined,
    };
  }

  /** Where the executions of many complaints wait, by complaint id: 100 keys a round trip (BatchGetItem's limit). */
  async getPositions(table: string, ids: readonly string[]): Promise<Map<string, WorkflowPosition>> {
    const out = new Map<string, WorkflowPosition>();
    const batches = Array.from({ length: Math.ceil(ids.length / 100) }, (_, b) => ids.slice(b * 100, b * 100 + 100));
    await Promise.all(batches.map((batch) => this.positionsInto(table, batch, out)));
    return out;
  }

  private async positionsInto(table: string, ids: readonly string[], out: Map<string, WorkflowPosition>) {
    let keys: Record<string, unknown>[] | undefined = ids.map(positionKey);
    for (let attempt = 0; keys?.length; attempt++) {
      if (attempt === 10) throw new Error('DynamoDB kept deferring a batch of workflow positions');
      if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** attempt)));
      const res: BatchGetCommandOutput = await this.db.send(
        new BatchGetCommand({ RequestItems: { [table]: { Keys: keys, ConsistentRead: true } } }),
      );
      for (const item of res.Responses?.[table] ?? [])
        out.set(String(item.pk).slice(complaintKey('').pk.length), WorkflowPositionSchema.parse(item));
      keys = res.UnprocessedKeys?.[table]?.Keys;
    }
  }

  async getPosition(table: string, id: string): Promise<WorkflowPosition | undefined> {
    const res = await this.db.send(new GetCommand({ TableName: table, Key: positionKey(id), ConsistentRead: true }));
    return res.Item ? WorkflowPositionSchema.parse(res.Item) : undefined;
  }

  async get(table: string, id: string): Promise<ComplaintRecord | undefined> {
    const res = await this.db.send(new GetCommand({ TableName: table, Key: complaintKey(id), ConsistentRead: true }));
    return res.Item?.kind === 'complaint' ? fromComplaintItem(res.Item) : undefined;
  }

  async getIdempotency(table: string, key: string): Promise<IdempotencyRecord | undefined> {
    const res = await this.db.send(
      new GetCommand({ TableName: table, Key: idempotencyKey(key), ConsistentRead: true }),
    );
    return res.Item as IdempotencyRecord | undefined;
  }

  /**
   * Open complaints by due date, one status by due date, or one assignee's open ones by due date:
   * each from an index, never a Scan. A table not yet migrated to `openByAssignee` (in AWS, until
   * the provisioner runs again) answers "mine" by filtering the open index instead.
   */
  async list(table: string, f: ListFilter): Promise<{ items: ComplaintRecord[]; nextCursor: string | null }> {
    const assignee = f.queue?.assignee;
    if (assignee === undefined || f.status || (f.cursor && !cursorOf(f.cursor, GSI.openByAssignee)))
      return this.listFrom(table, f, f.status ? GSI.byStatus : GSI.openByDue);
    try {
      return await this.listFrom(table, f, GSI.openByAssignee);
    } catch (e) {
      if (!isMissingIndex(e)) throw e;
      return this.listFrom(table, f, GSI.openByDue);
    }
  }

  private async listFrom(
    table: string,
    f: ListFilter,
    index: (typeof GSI)[keyof typeof GSI],
  ): Promise<{ items: ComplaintRecord[]; nextCursor: string | null }> {
    const byAssignee = index === GSI.openByAssignee;
    const names: Record<string, string> = { '#pk': index.pk };
    const values: Record<string, unknown> = {
      ':pk': byAssignee ? assigneeIndexKey(f.queue!.assignee!) : f.status ? `ST#${f.status}` : 'OPEN',
    };
    let keyCondition = '#pk = :pk';
    const dueFrom = f.queue?.dueFrom;
    if (f.dueBefore || dueFrom) names['#sk'] = index.sk;
    // The sort key is `<due>#<id>`: BETWEEN from AND before takes [from, before), as `< before` does.
    if (dueFrom && f.dueBefore) {
      values[':dueFrom'] = dueFrom;
      values[':due'] = f.dueBefore;
      keyCondition += ' AND #sk BETWEEN :dueFrom AND :due';
    } else if (dueFrom) {
      values[':dueFrom'] = dueFrom;
      keyCondition += ' AND #sk >= :dueFrom';
    } else if (f.dueBefore) {
      values[':due'] = f.dueBefore;
      keyCondition += ' AND #sk < :due';
    }
    // On the assignee's own index the key condition is the assignee filter.
    const { assignee: _keyed, ...others } = f.queue ?? {};
    const queue = byAssignee ? others : f.queue;
    const filters: string[] = queue ? queueFilters(queue, names, values) : [];
    if (f.overdue !== undefined) {
      filters.push('overdue = :overdue');
      values[':overdue'] = f.overdue;
    }
    if (f.unitId) {
      filters.push('unitId = :unit');
      values[':unit'] = f.unitId;
    }
    for (const field of ['category', 'reason', 'channel'] as const) {
      if (f[field] === undefined) continue;
      names[`#${field}`] = field;
      values[`:${field}`] = f[field];
      filters.push(`#${field} = :${field}`);
    }
    if (f.receivedFrom) {
      filters.push('receivedAt >= :receivedFrom');
      values[':receivedFrom'] = f.receivedFrom;
    }
    if (f.receivedTo) {
      filters.push('receivedAt < :receivedTo');
      values[':receivedTo'] = f.receivedTo;
    }
    const query: QueryCommandInput = {
      TableName: table,
      IndexName: index.name,
      KeyConditionExpression: keyCondition,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
      ...(filters.length > 0 && { FilterExpression: filters.join(' AND ') }),
      ExclusiveStartKey: decodeCursor(f.cursor, ['pk', 'sk', index.pk, index.sk]),
    };
    return this.collectPage(query, f.limit, fromComplaintItem);
  }

  /**
   * Open complaints, a page at a time, with only what re-entering their lifecycles needs: the
   * local engine's resume reads every open complaint at each start, and whole records (their
   * encrypted fields, deadlines, history of flags) were most of what it read and parsed.
   */
  openLifecycles(
    table: string,
    o: { limit: number; cursor?: string },
  ): Promise<{ items: OpenLifecycle[]; nextCursor: string | null }> {
    const index = GSI.openByDue;
    return this.collectPage(
      {
        TableName: table,
        IndexName: index.name,
        KeyConditionExpression: '#ipk = :open',
        // The table's and the index's keys too: the page's cursor is made of them.
        ProjectionExpression: '#pk, #sk, #ipk, #isk, #id, #status, #partners, #referrals',
        ExpressionAttributeNames: {
          '#pk': 'pk',
          '#sk': 'sk',
          '#ipk': index.pk,
          '#isk': index.sk,
          '#id': 'id',
          '#status': 'status',
          '#partners': 'partners',
          '#referrals': 'referrals',
        },
        ExpressionAttributeValues: { ':open': 'OPEN' },
        ExclusiveStartKey: decodeCursor(o.cursor, ['pk', 'sk', index.pk, index.sk]),
      },
      o.limit,
      (item) => OpenLifecycleSchema.parse(item),
    );
  }

  /** Earlier complaints by the same person (blind index) received since `since`, newest first. */
  async byConsumer(table: string, consumerKey: string, since: string, until: string): Promise<ComplaintRecord[]> {
    const res = await this.db.send(
      new QueryCommand({
        TableName: table,
        IndexName: GSI.byConsumer.name,
        KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :since AND :until',
        ExpressionAttributeNames: { '#pk': GSI.byConsumer.pk, '#sk': GSI.byConsumer.sk },
        ExpressionAttributeValues: { ':pk': consumerKey, ':since': since, ':until': `${until}#\uffff` },
        ScanIndexForward: false,
        Limit: 50,
      }),
    );
    return (res.Items ?? []).map(fromComplaintItem);
  }

  /** Later complaints intake linked to this one as its repeat (see repeat-links). */
  repeatsOf(
    table: string,
    original: Pick<ComplaintRecord, 'id' | 'consumerKey' | 'receivedAt'>,
    limit: number,
  ): Promise<ComplaintRecord[]> {
    return repeatsOf(this.db, table, original, limit);
  }

  /** Ids of complaints stored before descriptions were encrypted, a page at a time (a scan). */
  clearDescriptionIds(table: string): AsyncGenerator<string[]> {
    return clearDescriptionIds(this.db, table);
  }

  async events(
    table: string,
    id: string,
    limit: number,
    cursor?: string,
  ): Promise<{ items: ComplaintEvent[]; nextCursor: string | null }> {
    return this.collectPage<ComplaintEvent>(
      {
        TableName: table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :e)',
        ExpressionAttributeValues: { ':pk': complaintKey(id).pk, ':e': EVENT_PREFIX },
        ConsistentRead: true,
        ExclusiveStartKey: decodeCursor(cursor),
      },
      limit,
      (item) => {
        const { protectedText: _text, ...event } = storedEvent(item);
        return event;
      },
    );
  }

  /** A complaint's events of some types (contacts, notes), in order, with their protected text. */
  async eventsOfTypes(
    table: string,
    id: string,
    types: readonly EventType[],
    limit: number,
    cursor?: string,
  ): Promise<{ items: StoredEvent[]; nextCursor: string | null }> {
    return this.collectPage<StoredEvent>(
      {
        TableName: table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :e)',
        FilterExpression: `#type IN (${types.map((_, i) => `:t${i}`).join(', ')})`,
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: {
          ':pk': complaintKey(id).pk,
          ':e': EVENT_PREFIX,
          ...Object.fromEntries(types.map((t, i) => [`:t${i}`, t])),
        },
        ConsistentRead: true,
        ExclusiveStartKey: decodeCursor(cursor),
      },
      limit,
      storedEvent,
    );
  }

  /** One event of a complaint with its protected text, or undefined. */
  async event(table: string, id: string, seq: number): Promise<StoredEvent | undefined> {
    const res = await this.db.send(new GetCommand({ TableName: table, Key: eventKey(id, seq), ConsistentRead: true }));
    return res.Item?.kind === 'event' ? storedEvent(res.Item) : undefined;
  }

  /**
   * Fills a page up to `limit` even when a filter drops items, reading on from DynamoDB's own
   * LastEvaluatedKey; the cursor returned always points just after the last item handed out.
   */
  private async collectPage<T>(
    query: QueryCommandInput,
    limit: number,
    map: (item: Record<string, unknown>) => T,
  ): Promise<{ items: T[]; nextCursor: string | null }> {
    const items: T[] = [];
    let startKey = query.ExclusiveStartKey;
    let lastKey: Record<string, unknown> | undefined;
    for (let round = 0; round < 10; round++) {
      const res = await this.db.send(
        new QueryCommand({ ...query, ExclusiveStartKey: startKey, Limit: limit - items.length + 1 }),
      );
      for (const raw of res.Items ?? []) {
        if (items.length === limit) return { items, nextCursor: encodeCursor(lastKey) };
        items.push(map(raw));
        lastKey = pickKey(raw, query.IndexName);
      }
      if (!res.LastEvaluatedKey) return { items, nextCursor: null };
      startKey = res.LastEvaluatedKey;
      if (items.length === limit) return { items, nextCursor: encodeCursor(lastKey) };
    }
    // A very selective filter: hand back what we have and let the caller continue from DynamoDB's position.
    return { items, nextCursor: encodeCursor(startKey) };
  }
}

function storedEvent(item: Record<string, unknown>): StoredEvent {
  const { pk: _pk, sk: _sk, kind: _kind, snapshot: _snapshot, ...event } = item;
  return event as StoredEvent;
}

/** The work queue's filter expressions, their names and values added to the query's. */
function queueFilters(q: QueueFilter, names: Record<string, string>, values: Record<string, unknown>): string[] {
  const filters: string[] = [];
  const list = (prefix: string, items: readonly unknown[]) =>
    items
      .map((v, i) => {
        values[`:${prefix}${i}`] = v;
        return `:${prefix}${i}`;
      })
      .join(', ');
  if (q.assignee !== undefined) {
    names['#assignee'] = 'assignee';
    values[':assignee'] = q.assignee;
    filters.push('#assignee = :assignee');
  }
  if (q.unitIds) {
    names['#unitId'] = 'unitId';
    filters.push(q.unitIds.length ? `#unitId IN (${list('qu', q.unitIds)})` : 'attribute_not_exists(pk)');
  }
  if (q.awaitingPartners) {
    names['#referrals'] = 'referrals';
    names['#rst'] = 'status';
    values[':refOpen'] = 'open';
    const slots = Array.from({ length: MAX_PARTNERS }, (_, i) => `#referrals[${i}].#rst = :refOpen`);
    filters.push(`(${slots.join(' OR ')})`);
  }
  if (q.deadlines) {
    names['#st'] = 'status';
    const branches = q.deadlines.map((b, i) => {
      const parts = [`#st IN (${list(`qs${i}_`, b.statuses)})`];
      if (b.reviewDecisionBefore) {
        names['#deadlines'] = 'deadlines';
        names['#reviewDecision'] = 'reviewDecision';
        values[`:qr${i}`] = b.reviewDecisionBefore;
        parts.push(`#deadlines.#reviewDecision < :qr${i}`);
      }
      return parts.length > 1 && q.deadlines!.length > 1 ? `(${parts.join(' AND ')})` : parts.join(' AND ');
    });
    // DynamoDB refuses parentheses it deems redundant: only an OR of several branches gets them.
    const any = branches.length > 1 ? `(${branches.join(' OR ')})` : branches[0];
    filters.push(any ?? 'attribute_not_exists(pk)');
  }
  return filters;
}

/** Whether a cursor is one of `index`'s pages (its keys), rather than another index's. */
function cursorOf(cursor: string, index: { pk: string; sk: string }): boolean {
  try {
    decodeCursor(cursor, ['pk', 'sk', index.pk, index.sk]);
    return true;
  } catch {
    return false;
  }
}

/** DynamoDB's answer to a Query on an index the table does not have (yet). */
const isMissingIndex = (e: unknown) =>
  (e as Error).name === 'ValidationException' && /specified index/i.test((e as Error).message);

function pickKey(item: Record<string, unknown>, indexName: string | undefined): Record<string, unknown> {
  const key: Record<string, unknown> = { pk: item.pk, sk: item.sk };
  const index = Object.values(GSI).find((g) => g.name === indexName);
  if (index) {
    key[index.pk] = item[index.pk];
    key[index.sk] = item[index.sk];
  }
  return key;
}
