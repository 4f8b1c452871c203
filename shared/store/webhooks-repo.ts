import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { conflict } from '../domain/errors';
import { type Delivery, DeliverySchema, type Endpoint, EndpointSchema } from '../webhooks/subscription-schema';
import { decodeCursor, encodeCursor } from './cursor';
import { deliveryKey, endpointKey, GSI, keyed, WEBHOOKS_PK } from './keys';
import { isConditionFailure } from './transaction-errors';
import { versionedPut } from './versioned-put';

/** Pending attempts by due time, in the sparse due-date index: what a restart re-arms. */
const DUE_PK = 'WHDUE';

export type DeliveryRef = { endpointId: string; occurredAt: string; eventId: string };
export const refOf = (d: Pick<Delivery, 'endpointId' | 'occurredAt' | 'eventId'>): DeliveryRef => ({
  endpointId: d.endpointId,
  occurredAt: d.occurredAt,
  eventId: d.eventId,
});

function deliveryItem(d: Delivery) {
  return {
    ...keyed('webhook_delivery', deliveryKey(d.endpointId, d.occurredAt, d.eventId)),
    ...d,
    ...(d.status === 'pending' &&
      d.nextAttemptAt && {
        [GSI.openByDue.pk]: DUE_PK,
        [GSI.openByDue.sk]: `${d.nextAttemptAt}#${d.endpointId}#${d.eventId}`,
      }),
  };
}

const strip = ({ pk: _p, sk: _s, kind: _k, gsi2pk: _g, gsi2sk: _h, ...rest }: Record<string, unknown>) => rest;

export class WebhooksRepo {
  constructor(private readonly db: DynamoDBDocumentClient) {}

  async endpoints(table: string): Promise<Endpoint[]> {
    const items: Endpoint[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const res = await this.db.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': WEBHOOKS_PK },
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      items.push(...(res.Items ?? []).map((i) => EndpointSchema.parse(strip(i))));
      start = res.LastEvaluatedKey;
    } while (start);
    return items;
  }

  async endpoint(table: string, id: string): Promise<Endpoint | undefined> {
    const res = await this.db.send(new GetCommand({ TableName: table, Key: endpointKey(id), ConsistentRead: true }));
    return res.Item ? EndpointSchema.parse(strip(res.Item)) : undefined;
  }

  /** Writes the endpoint if it is still at `expectedVersion` (0: new); 409 otherwise. */
  async putEndpoint(table: string, e: Endpoint, expectedVersion: number): Promise<void> {
    try {
      await this.db.send(
        new PutCommand(versionedPut(table, { ...keyed('webhook_endpoint', endpointKey(e.id)), ...e }, expectedVersion)),
      );
    } catch (e) {
      if (isConditionFailure(e)) throw conflict('version_conflict', 'the endpoint was changed meanwhile; retry');
      throw e;
    }
  }

  async deleteEndpoint(table: string, id: string): Promise<void> {
    await this.db.send(
      new TransactWriteCommand({ TransactItems: [{ Delete: { TableName: table, Key: endpointKey(id) } }] }),
    );
  }

  /** Creates a delivery once: the same event dispatched twice (a stream replay) finds it and returns false. */
  async createDelivery(table: string, d: Delivery): Promise<boolean> {
    try {
      await this.db.send(
        new PutCommand({ TableName: table, Item: deliveryItem(d), ConditionExpression: 'attribute_not_exists(pk)' }),
      );
      return true;
    } catch (e) {
      if (isConditionFailure(e)) return false;
      throw e;
    }
  }

  async delivery(table: string, ref: DeliveryRef): Promise<Delivery | undefined> {
    const res = await this.db.send(
      new GetCommand({
        TableName: table,
        Key: deliveryKey(ref.endpointId, ref.occurredAt, ref.eventId),
        ConsistentRead: true,
      }),
    );
    return res.Item ? DeliverySchema.parse(strip(res.Item)) : undefined;
  }

  /** Stores an attempt's outcome only over the version read: two senders never both record one. */
  async putDelivery(table: string, d: Delivery, expectedVersion: number): Promise<boolean> {
    try {
      await this.db.send(new PutCommand(versionedPut(table, deliveryItem(d), expectedVersion)));
      return true;
    } catch (e) {
      if (isConditionFailure(e)) return false;
      throw e;
    }
  }

  /** The delivery log, newest first. */
  async deliveries(
    table: string,
    endpointId: string,
    o: { limit: number; cursor?: string; since?: string },
  ): Promise<{ items: Delivery[]; nextCursor: string | null }> {
    const res = await this.db.send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: o.since ? 'pk = :pk AND sk >= :since' : 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `WHD#${endpointId}`, ...(o.since && { ':since': `D#${o.since}` }) },
        ScanIndexForward: false,
        Limit: o.limit,
        ConsistentRead: true,
        ExclusiveStartKey: decodeCursor(o.cursor),
      }),
    );
    return {
      items: (res.Items ?? []).map((i) => DeliverySchema.parse(strip(i))),
      nextCursor: encodeCursor(res.LastEvaluatedKey),
    };
  }

  /** Every pending delivery due up to `until`, oldest first: what a restarted sender picks up. */
  async due(table: string, until: string): Promise<DeliveryRef[]> {
    const refs: DeliveryRef[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const res = await this.db.send(
        new QueryCommand({
          TableName: table,
          IndexName: GSI.openByDue.name,
          KeyConditionExpression: `${GSI.openByDue.pk} = :pk AND ${GSI.openByDue.sk} <= :until`,
          ExpressionAttributeValues: { ':pk': DUE_PK, ':until': `${until}#~` },
          ExclusiveStartKey: start,
        }),
      );
      for (const i of res.Items ?? []) refs.push(refOf(DeliverySchema.parse(strip(i))));
      start = res.LastEvaluatedKey;
    } while (start);
    return refs;
  }
}
