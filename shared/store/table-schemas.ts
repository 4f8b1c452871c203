import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import { CONTROL_GSI, GSI } from './keys';

const S = 'S' as const;

/**
 * The one schema every tenant table has, whoever creates it (the local provisioner or the AWS
 * provisioner Lambda). The stream feeds webhook delivery; TTL expires idempotency records.
 */
export function tenantTableDefinition(tableName: string): CreateTableCommandInput {
  const gsis = Object.values(GSI);
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    KeySchema: [
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ],
    AttributeDefinitions: [
      { AttributeName: 'pk', AttributeType: S },
      { AttributeName: 'sk', AttributeType: S },
      ...gsis.flatMap((g) => [
        { AttributeName: g.pk, AttributeType: S },
        { AttributeName: g.sk, AttributeType: S },
      ]),
    ],
    GlobalSecondaryIndexes: gsis.map((g) => ({
      IndexName: g.name,
      KeySchema: [
        { AttributeName: g.pk, KeyType: 'HASH' },
        { AttributeName: g.sk, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    })),
    StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
  };
}

export function controlPlaneTableDefinition(tableName: string): CreateTableCommandInput {
  const g = CONTROL_GSI.byKind;
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    KeySchema: [
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ],
    AttributeDefinitions: [
      { AttributeName: 'pk', AttributeType: S },
      { AttributeName: 'sk', AttributeType: S },
      { AttributeName: g.pk, AttributeType: S },
      { AttributeName: g.sk, AttributeType: S },
    ],
    GlobalSecondaryIndexes: [
      {
        IndexName: g.name,
        KeySchema: [
          { AttributeName: g.pk, KeyType: 'HASH' },
          { AttributeName: g.sk, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      },
    ],
  };
}

export const IDEMPOTENCY_TTL_ATTRIBUTE = 'expiresAt';
