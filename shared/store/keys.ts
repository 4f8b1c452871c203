/**
 * Key design of a tenant table (single-table, one table per tenant):
 *
 * | item            | pk                  | sk            | GSI attributes                                           |
 * |-----------------|---------------------|---------------|----------------------------------------------------------|
 * | complaint       | C#<id>              | META          | byStatus: ST#<status> / <dueAt>#<id>                     |
 * |                 |                     |               | openByDue: OPEN (only while open) / <dueAt>#<id>         |
 * |                 |                     |               | byConsumer: <blind index> / <receivedAt>#<id>            |
 * |                 |                     |               | openByAssignee: AS#<sub> (open, assigned) / <dueAt>#<id> |
 * | event           | C#<id>              | E#<seq:10>    | —                                                        |
 * | reference       | REF#<reference>     | META          | — (uniqueness guard, points at the complaint)            |
 * | idempotency     | IDEM#<key>          | META          | — (expires by TTL)                                       |
 * | counters        | STATS#<yyyy-mm>     | SHARD#<0-15>  | — (sharded: concurrent transactions rarely share one)    |
 * | units           | UNITS               | META          | —                                                        |
 * | customer base   | CUSTOMERS           | P#<period>    | — (customers, policies, premium the institution states)  |
 * | policy pointer  | POLICY              | META          | — (the override in force and its revision)               |
 * | policy version  | POLICY              | V#<rev:8>#<preset>@<ver> | — (immutable; complaints read theirs back)    |
 * | request window  | RATE#<window start> | META          | — (the tenant's request count; expires by TTL)           |
 * | console sign-in | SIGNINS             | U#<hash of issuer, sub> | — (who signed in, the IdP's roles, last seen)  |
 * | pii access      | ACCESS#<yyyy-mm>    | <at>#<id>     | — (who revealed which complaint's personal data; UTC month) |
 */
export const complaintKey = (id: string) => ({ pk: `C#${id}`, sk: 'META' });
export const eventKey = (id: string, seq: number) => ({ pk: `C#${id}`, sk: `E#${String(seq).padStart(10, '0')}` });
export const referenceKey = (reference: string) => ({ pk: `REF#${reference}`, sk: 'META' });
export const idempotencyKey = (key: string) => ({ pk: `IDEM#${key}`, sk: 'META' });
export const COUNTER_SHARDS = 16;
export const countersKey = (month: string, shard: number) => ({
  pk: `STATS#${month}`,
  sk: `SHARD#${String(shard).padStart(2, '0')}`,
});
/** One fixed window of the tenant's request budget, named by its start (ISO 8601, UTC). */
export const requestWindowKey = (windowStart: string) => ({ pk: `RATE#${windowStart}`, sk: 'META' });
/** One reveal of personal data, in the partition of its UTC month: newest first is a descending Query. */
export const accessKey = (at: string, id: string) => ({ pk: `ACCESS#${at.slice(0, 7)}`, sk: `${at}#${id}` });
export const unitsKey = () => ({ pk: 'UNITS', sk: 'META' });
export const customerBaseKey = (period: string) => ({ pk: 'CUSTOMERS', sk: `P#${period}` });
export const tenantRecordKey = (tenantId: string) => ({ pk: `TENANT#${tenantId}`, sk: 'META' });

export const GSI = {
  byStatus: { name: 'byStatus', pk: 'gsi1pk', sk: 'gsi1sk' },
  openByDue: { name: 'openByDue', pk: 'gsi2pk', sk: 'gsi2sk' },
  byConsumer: { name: 'byConsumer', pk: 'gsi3pk', sk: 'gsi3sk' },
  /** Sparse: a handler's own open complaints ("mine") as a key condition, not a filter on every open one. */
  openByAssignee: { name: 'openByAssignee', pk: 'gsi4pk', sk: 'gsi4sk' },
} as const;

export const assigneeIndexKey = (sub: string) => `AS#${sub}`;

export const CONTROL_GSI = {
  byKind: { name: 'byKind', pk: 'gsi1pk', sk: 'gsi1sk' },
} as const;

/** One page of control-plane items of a kind (tenants, calendar years), by the byKind index. */
export const byKindQuery = (
  table: string,
  kind: string,
  page: { limit?: number; start?: Record<string, unknown> },
) => ({
  TableName: table,
  IndexName: CONTROL_GSI.byKind.name,
  KeyConditionExpression: '#pk = :kind',
  ExpressionAttributeNames: { '#pk': CONTROL_GSI.byKind.pk },
  ExpressionAttributeValues: { ':kind': kind },
  ...(page.limit !== undefined && { Limit: page.limit }),
  ExclusiveStartKey: page.start,
});
