import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import { CONTROL_GSI, GSI } from './keys';

type Index = { name: string; pk: string; sk: string };
const S = 'S' as const;
const keySchema = (pk: string, sk: string) => [
  { AttributeName: pk, KeyType: 'HASH' as const },
  { AttributeName: sk, KeyType: 'RANGE' as const },
];

/** A pk/sk table with string-keyed GSIs projecting everything: the shape of every Redress table. */
function tableDefinition(tableName: string, indexes: readonly Index[]): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    KeySchema: keySchema('pk', 'sk'),
    AttributeDefinitions: ['pk', 'sk', ...indexes.flatMap((g) => [g.pk, g.sk])].map((AttributeName) => ({
      AttributeName,
      AttributeType: S,
    })),
    GlobalSecondaryIndexes: indexes.map((g) => ({
      IndexName: g.name,
      KeySchema: keySchema(g.pk, g.sk),
      Projection: { ProjectionType: 'ALL' },
    })),
  };
}

/**
 * Version of `tenantTableDefinition`: raise it with every change to it (a GSI, the stream, TTL).
 * Each tenant's record holds the version its table was last migrated to; the provisioners and
 * local start migrate tables recorded at an older one (shared/store/table-migration.ts). Tables
 * from before versions were recorded count as 0. Version 2 added `openByAssignee` (and its
 * backfill of the open complaints already assigned).
 */
export const TENANT_SCHEMA_VERSION = 2;

/**
 * The one schema every tenant table has, whoever creates it (the local provisioner or the AWS
 * provisioner Lambda). The stream feeds webhook delivery; TTL expires idempotency records.
 */
export function tenantTableDefinition(tableName: string): CreateTableCommandInput {
  return {
    ...tableDefinition(tableName, Object.values(GSI)),
    StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
  };
}

export function controlPlaneTableDefinition(tableName: string): CreateTableCommandInput {
  return tableDefinition(tableName, Object.values(CONTROL_GSI));
}

export const IDEMPOTENCY_TTL_ATTRIBUTE = 'expiresAt';
