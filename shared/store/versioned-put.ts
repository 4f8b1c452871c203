/**
 * Optimistic concurrency for a whole-item write: the item is stored at `expectedVersion + 1` only if
 * the stored one is still at `expectedVersion` (0: there is none yet). The input of a PutCommand, or
 * of a transaction's Put; a lost race is a ConditionalCheckFailed the caller turns into its 409.
 */
export function versionedPut(table: string, item: Record<string, unknown>, expectedVersion: number) {
  return {
    TableName: table,
    Item: { ...item, version: expectedVersion + 1 },
    ConditionExpression: expectedVersion === 0 ? 'attribute_not_exists(pk)' : 'version = :v',
    ...(expectedVersion !== 0 && { ExpressionAttributeValues: { ':v': expectedVersion } }),
  };
}
