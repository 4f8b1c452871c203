import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';

/** Indexes of the transaction items whose condition failed; empty when it failed for another reason. */
export function failedConditions(e: unknown): number[] {
  if (!(e instanceof TransactionCanceledException)) return [];
  return (e.CancellationReasons ?? []).flatMap((r, i) => (r.Code === 'ConditionalCheckFailed' ? [i] : []));
}

export const isConditionFailure = (e: unknown) =>
  e instanceof ConditionalCheckFailedException || failedConditions(e).length > 0;

/** DynamoDB cancels a transaction that collides with another in flight on the same item. */
export function isTransactionConflict(e: unknown): boolean {
  return (
    e instanceof TransactionCanceledException &&
    (e.CancellationReasons ?? []).some((r) => r.Code === 'TransactionConflict')
  );
}
