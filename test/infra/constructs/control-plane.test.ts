import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { ControlPlane, READ_ACTIONS, WRITE_ACTIONS } from '../../../infra/aws/constructs/control-plane';
import { bareStack } from './bare-stack';

describe('ControlPlane construct', () => {
  it('is the <prefix>control-plane table, encrypted with its own rotating key, retained', () => {
    const b = bareStack();
    const cp = new ControlPlane(b.stack, 'ControlPlane', { stage: 'x', tablePrefix: 'p-' });
    const t = b.template();
    expect(cp.tableName).toBe('p-control-plane');
    t.resourceCountIs('AWS::DynamoDB::GlobalTable', 1);
    t.hasResource('AWS::DynamoDB::GlobalTable', {
      Properties: Match.objectLike({
        TableName: 'p-control-plane',
        GlobalSecondaryIndexes: [Match.objectLike({ IndexName: 'byKind' })],
        SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
      }),
      DeletionPolicy: 'Retain',
    });
    t.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
  });

  it('grants read (and decrypt) or read/write (and encrypt) on the table and its indexes only', () => {
    const b = bareStack();
    const cp = new ControlPlane(b.stack, 'ControlPlane', { stage: 'x', tablePrefix: 'p-' });
    const reader = b.role('Reader');
    const writer = b.role('Writer');
    cp.grantRead(reader);
    cp.grantReadWrite(writer);
    const policies = Object.values(b.template().findResources('AWS::IAM::Policy')) as {
      Properties: { Roles: { Ref: string }[]; PolicyDocument: { Statement: { Sid?: string; Action: string[] }[] } };
    }[];
    const of = (role: string) =>
      policies.find((p) => p.Properties.Roles[0]!.Ref.startsWith(role))!.Properties.PolicyDocument.Statement;
    const table = (role: string, sid: string) => of(role).find((s) => s.Sid === sid)!.Action;
    expect(table('Reader', 'ControlPlaneRead')).toEqual(READ_ACTIONS);
    expect(table('Writer', 'ControlPlaneReadWrite')).toEqual([...READ_ACTIONS, ...WRITE_ACTIONS]);
    const kms = (role: string) => of(role).flatMap((s) => [s.Action].flat().filter((a) => a.startsWith('kms:')));
    expect(kms('Reader')).toEqual(['kms:Decrypt']);
    expect(kms('Writer')).toContain('kms:Encrypt');
    expect(of('Reader').some((s) => s.Sid === 'ControlPlaneReadWrite')).toBe(false);
  });
});
