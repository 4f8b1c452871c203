import { type ComplaintRecord, ComplaintRecordSchema } from '../domain/complaint/complaint-schema';
import { isOpen } from '../domain/complaint/status';
import { assigneeIndexKey, complaintKey, GSI, keyed } from './keys';

/** The date a complaint is worked to: the (possibly extended) decision deadline. */
export const dueAt = (r: ComplaintRecord) => r.deadlines.decision;

/** A complaint record as a DynamoDB item, with the index attributes derived from its state. */
export function toComplaintItem(r: ComplaintRecord): Record<string, unknown> {
  const sortKey = `${dueAt(r)}#${r.id}`;
  return {
    ...keyed('complaint', complaintKey(r.id)),
    ...r,
    [GSI.byStatus.pk]: `ST#${r.status}`,
    [GSI.byStatus.sk]: sortKey,
    // Sparse: an ended complaint drops out of the open work queue by not having the attribute.
    ...(isOpen(r.status) && { [GSI.openByDue.pk]: 'OPEN', [GSI.openByDue.sk]: sortKey }),
    ...(isOpen(r.status) &&
      r.assignee !== null && {
        [GSI.openByAssignee.pk]: assigneeIndexKey(r.assignee),
        [GSI.openByAssignee.sk]: sortKey,
      }),
    [GSI.byConsumer.pk]: r.consumerKey,
    [GSI.byConsumer.sk]: `${r.receivedAt}#${r.id}`,
  };
}

export const fromComplaintItem = (item: Record<string, unknown>): ComplaintRecord => ComplaintRecordSchema.parse(item);
