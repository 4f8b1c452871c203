import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ComplaintRecord } from '../domain/complaint/complaint-schema';
import { FORWARDED_PK, forwardedKey, forwardedPrefix, keyed } from './keys';
import { queryAll } from './query-all';

/**
 * Complaints the regulator forwarded (转办), one item each in the institution's table. One partition
 * per institution holds only forwarded complaints, so the regulator lists them, or finds one
 * reference (a key prefix), with a Query per institution: the cost follows forwarded complaints and
 * institutions, never all complaints.
 */
export const forwardedItem = (regulatorReference: string, r: ComplaintRecord) => ({
  ...keyed('forwarded', forwardedKey(regulatorReference, r.id)),
  regulatorReference,
  complaintId: r.id,
  receivedAt: r.receivedAt,
});

export type ForwardedEntry = { regulatorReference: string; complaintId: string };

export class ForwardedRepo {
  constructor(private readonly db: DynamoDBDocumentClient) {}

  /** Every forwarded complaint of one institution, or those under one reference. */
  async list(table: string, reference?: string): Promise<ForwardedEntry[]> {
    const items = await queryAll(this.db, {
      TableName: table,
      KeyConditionExpression: reference ? 'pk = :pk AND begins_with(sk, :ref)' : 'pk = :pk',
      ExpressionAttributeValues: { ':pk': FORWARDED_PK, ...(reference && { ':ref': forwardedPrefix(reference) }) },
    });
    return items.map((i) => ({ regulatorReference: String(i.regulatorReference), complaintId: String(i.complaintId) }));
  }
}
