import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, TableEncryptionV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';
import { CONTROL_GSI } from '../../../shared/store/keys';
import { controlPlaneTable } from '../../../shared/store/table-names';
import { acknowledge, nagArn, tableArn } from './cdk-nag';
import { Concern } from './concern';

export type ControlPlaneProps = {
  /** Deployment stage, in the key's description. */
  stage: string;
  /** Prefix of every table; the control plane is `<prefix>control-plane`. */
  tablePrefix: string;
};

export const READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:BatchGetItem', 'dynamodb:DescribeTable'];
export const WRITE_ACTIONS = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:ConditionCheckItem',
];

/**
 * The control-plane table (tenants, their wrapped keys, policies) with its own rotating key, and
 * the only two ways a function role reaches it: read, or read/write.
 */
export class ControlPlane extends Concern {
  readonly table: TableV2;
  readonly key: Key;
  readonly tableName: string;
  private readonly arns: string[];

  constructor(scope: Construct, id: string, props: ControlPlaneProps) {
    super(scope, id);
    this.tableName = controlPlaneTable({ prefix: props.tablePrefix });
    this.key = new Key(this, 'ControlPlaneKey', {
      description: `Redress ${props.stage}: control-plane table encryption`,
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.table = new TableV2(this, 'ControlPlaneTable', {
      tableName: this.tableName,
      partitionKey: { name: 'pk', type: AttributeType.STRING },
      sortKey: { name: 'sk', type: AttributeType.STRING },
      globalSecondaryIndexes: [
        {
          indexName: CONTROL_GSI.byKind.name,
          partitionKey: { name: CONTROL_GSI.byKind.pk, type: AttributeType.STRING },
          sortKey: { name: CONTROL_GSI.byKind.sk, type: AttributeType.STRING },
        },
      ],
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      encryption: TableEncryptionV2.customerManagedKey(this.key),
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const arn = tableArn(this, this.tableName);
    this.arns = [arn, `${arn}/index/*`];
  }

  grantRead(role: iam.Role) {
    this.allow(role, 'ControlPlaneRead', READ_ACTIONS);
    this.key.grantDecrypt(role);
  }

  grantReadWrite(role: iam.Role) {
    this.allow(role, 'ControlPlaneReadWrite', [...READ_ACTIONS, ...WRITE_ACTIONS]);
    this.key.grantEncryptDecrypt(role);
    for (const action of ['kms:GenerateDataKey*', 'kms:ReEncrypt*'])
      acknowledge(
        role,
        `AwsSolutions-IAM5[Action::${action}]`,
        'CDK grantEncryptDecrypt on the control-plane key only (DynamoDB SSE with the customer-managed key).',
      );
  }

  private allow(role: iam.Role, sid: string, actions: string[]) {
    role.addToPolicy(new iam.PolicyStatement({ sid, actions, resources: this.arns }));
    acknowledge(
      role,
      `AwsSolutions-IAM5[Resource::${nagArn(this, 'dynamodb')}table/${this.tableName}/index/*]`,
      'Queries on the control-plane GSI (byKind).',
    );
  }
}
