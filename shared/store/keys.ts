import { createHash } from 'node:crypto';
import type { PolicyRef } from '../domain/complaint/complaint-schema';

/**
 * Key design of a tenant table (single-table, one table per tenant):
 *
 * | item             | pk                  | sk            | GSI attributes                                           |
 * |------------------|---------------------|---------------|----------------------------------------------------------|
 * | complaint        | C#<id>              | META          | byStatus: ST#<status> / <dueAt>#<id>                     |
 * |                  |                     |               | openByDue: OPEN (only while open) / <dueAt>#<id>         |
 * |                  |                     |               | byConsumer: <blind index> / <receivedAt>#<id>            |
 * |                  |                     |               | openByAssignee: AS#<sub> (open, assigned) / <dueAt>#<id> |
 * | event            | C#<id>              | E#<seq:10>    | —                                                        |
 * | workflow         | C#<id>              | WF            | — (where the complaint's execution waits, versioned)     |
 * | reference        | REF#<reference>     | META          | — (uniqueness guard, points at the complaint)            |
 * | idempotency      | IDEM#<key>          | META          | — (expires by TTL)                                       |
 * | counters         | STATS#<yyyy-mm>     | SHARD#<0-15>  | — (sharded: concurrent transactions rarely share one)    |
 * | counters rollup  | STATS#<yyyy-mm>     | ROLLUP        | — (the shards folded in, one JSON document: counter-rollup.ts) |
 * | units            | UNITS               | META          | —                                                        |
 * | customer base    | CUSTOMERS           | P#<period>    | — (customers, policies, premium the institution states)  |
 * | policy pointer   | POLICY              | META          | — (the override in force and its revision)               |
 * | policy version   | POLICY              | V#<rev:8>#<preset>@<ver> | — (immutable; complaints read theirs back)    |
 * | request window   | RATE#<window start> | META          | — (the tenant's request count; expires by TTL)           |
 * | console sign-in  | SIGNINS             | U#<hash of issuer, sub> | — (who signed in, the IdP's roles, last seen)  |
 * | pii access       | ACCESS#<yyyy-mm>    | <at>#<id>     | — (who revealed which complaint's personal data; UTC month) |
 * | forwarded        | REGREF              | <regulator reference>#<id> | — (complaints the regulator forwarded)      |
 * | referral         | REFERRAL#<id>       | META          | byStatus: REFST#<status>; openByDue: REFOPEN (while open) |
 * | webhook endpoint | WEBHOOKS            | WH#<id>       | —                                                        |
 * | webhook delivery | WHD#<endpoint>      | D#<occurredAt>#<event> | openByDue: WHDUE (while pending) / <next attempt>  |
 *
 * And of the control plane (one table for the platform):
 *
 * | item              | pk                      | sk         | GSI attributes                        |
 * |-------------------|-------------------------|------------|---------------------------------------|
 * | tenant            | TENANT#<id>             | META       | byKind: TENANT / <id>                 |
 * | tenant sign-in    | TENANT#<id>             | SIGN_IN    | — (apart: no tenant read carries the secret) |
 * | tenant keys       | TENANT#<id>             | KEYS       | — (KMS-wrapped data keys, AWS only)   |
 * | calendar year     | CAL#<calendar>#<year>   | CURRENT    | byKind: CALENDAR_YEAR / <calendar>#<year> |
 * | calendar version  | CAL#<calendar>#<year>   | V#<n:6>    | —                                     |
 */

/**
 * Every item kind of either table. Where an item stores a `kind` attribute its value is the kind's
 * name here; counters, request windows and the control plane's tenant items store none (their key
 * says what they are). The control-plane kinds the byKind index lists are upper case, as stored there.
 */
export type Kind =
  | 'complaint'
  | 'event'
  | 'workflow'
  | 'reference'
  | 'idempotency'
  | 'counters'
  | 'units'
  | 'customer-base'
  | 'policy'
  | 'policy_version'
  | 'request_window'
  | 'console_sign_in'
  | 'pii_access'
  | 'forwarded'
  | 'referral'
  | 'webhook_endpoint'
  | 'webhook_delivery'
  | 'TENANT'
  | 'tenant_sign_in'
  | 'tenant_keys'
  | 'CALENDAR_YEAR'
  | 'CALENDAR_YEAR_VERSION';

type Key = { pk: string; sk: string };

/** An item's key with the `kind` attribute it is stored with. */
export const keyed = (kind: Kind, key: Key) => ({ ...key, kind });

export const complaintKey = (id: string) => ({ pk: `C#${id}`, sk: 'META' });
/** A complaint's events share its partition, after its META item: `EVENT_PREFIX` selects them. */
export const EVENT_PREFIX = 'E#';
export const eventKey = (id: string, seq: number) => ({
  pk: complaintKey(id).pk,
  sk: `${EVENT_PREFIX}${String(seq).padStart(10, '0')}`,
});
export const positionKey = (id: string) => ({ pk: complaintKey(id).pk, sk: 'WF' });
export const referenceKey = (reference: string) => ({ pk: `REF#${reference}`, sk: 'META' });
export const idempotencyKey = (key: string) => ({ pk: `IDEM#${key}`, sk: 'META' });
export const COUNTER_SHARDS = 16;
const COUNTERS_PREFIX = 'STATS#';
const SHARD_PREFIX = 'SHARD#';
export const countersPartition = (month: string) => `${COUNTERS_PREFIX}${month}`;
export const countersKey = (month: string, shard: number) => ({
  pk: countersPartition(month),
  sk: `${SHARD_PREFIX}${String(shard).padStart(2, '0')}`,
});
export const countersRollupKey = (month: string) => ({ pk: countersPartition(month), sk: 'ROLLUP' });
/** The month of a counter shard's key; undefined for any other item. */
export const counterShardMonth = (pk: unknown, sk: unknown): string | undefined =>
  typeof pk === 'string' && pk.startsWith(COUNTERS_PREFIX) && typeof sk === 'string' && sk.startsWith(SHARD_PREFIX)
    ? pk.slice(COUNTERS_PREFIX.length)
    : undefined;
/** One fixed window of the tenant's request budget, named by its start (ISO 8601, UTC). */
export const requestWindowKey = (windowStart: string) => ({ pk: `RATE#${windowStart}`, sk: 'META' });
/** One UTC month of the personal-data access log. */
export const ACCESS_PREFIX = 'ACCESS#';
export const accessPartition = (month: string) => `${ACCESS_PREFIX}${month}`;
/** One reveal of personal data, in the partition of its UTC month: newest first is a descending Query. */
export const accessKey = (at: string, id: string) => ({ pk: accessPartition(at.slice(0, 7)), sk: `${at}#${id}` });
export const unitsKey = () => ({ pk: 'UNITS', sk: 'META' });
export const customerBaseKey = (period: string) => ({ pk: 'CUSTOMERS', sk: `P#${period}` });

/** The policy partition: the current pointer and every immutable version. */
export const POLICY_PK = 'POLICY';
export const POLICY_VERSION_PREFIX = 'V#';
/** The current pointer: the override in force and its revision. */
export const policyKey = () => ({ pk: POLICY_PK, sk: 'META' });
/**
 * One immutable version: the effective policy of override revision `revision` on preset `id@version`.
 * Both halves are fixed once written (each override change bumps the revision, each preset rule
 * change bumps the preset's version), so the key names the content and is never rewritten.
 */
export const policyVersionKey = (ref: PolicyRef) => ({
  pk: POLICY_PK,
  sk: `${POLICY_VERSION_PREFIX}${String(ref.revision).padStart(8, '0')}#${ref.id}@${ref.version}`,
});

/**
 * The staff who signed in, in a small partition of their own. Keyed by a hash of issuer and
 * subject: an IdP's subject may be long or carry any character.
 */
export const SIGN_INS_PK = 'SIGNINS';
export const consoleSignInKey = (issuer: string, sub: string) => ({
  pk: SIGN_INS_PK,
  sk: `U#${createHash('sha256').update(issuer).update('\0').update(sub).digest('base64url')}`,
});

/**
 * Complaints the regulator forwarded (转办): one partition per institution holds only those, so a
 * reference (a key prefix) is found with one Query per institution.
 */
export const FORWARDED_PK = 'REGREF';
export const forwardedPrefix = (regulatorReference: string) => `${regulatorReference}#`;
export const forwardedKey = (regulatorReference: string, complaintId: string) => ({
  pk: FORWARDED_PK,
  sk: `${forwardedPrefix(regulatorReference)}${complaintId}`,
});

export const referralKey = (id: string) => ({ pk: `REFERRAL#${id}`, sk: 'META' });

/** All of a tenant's endpoints in one partition: a handful per institution, read on every dispatch. */
export const WEBHOOKS_PK = 'WEBHOOKS';
export const endpointKey = (id: string) => ({ pk: WEBHOOKS_PK, sk: `WH#${id}` });
/** An endpoint's deliveries in time order: the delivery log is one query. */
export const deliveryKey = (endpointId: string, occurredAt: string, eventId: string) => ({
  pk: `WHD#${endpointId}`,
  sk: `D#${occurredAt}#${eventId}`,
});

export const tenantRecordKey = (tenantId: string) => ({ pk: `TENANT#${tenantId}`, sk: 'META' });
/** Each institution's identity provider, an item of its own beside its tenant record. */
export const tenantSignInKey = (tenantId: string) => ({ pk: `TENANT#${tenantId}`, sk: 'SIGN_IN' });
/** The tenant's KMS-wrapped data keys (AWS): written by the provisioner, read by the key provider. */
export const tenantKeysKey = (tenantId: string) => ({ pk: `TENANT#${tenantId}`, sk: 'KEYS' });
/** A calendar year's partition: the version in force (`CURRENT`) and each version loaded (`V#<n>`). */
export const calendarYearKey = (calendar: string, year: number) => ({ pk: `CAL#${calendar}#${year}`, sk: 'CURRENT' });
export const calendarVersionKey = (calendar: string, year: number, version: number) => ({
  pk: calendarYearKey(calendar, year).pk,
  sk: `V#${String(version).padStart(6, '0')}`,
});

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
