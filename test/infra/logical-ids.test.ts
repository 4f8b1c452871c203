import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Synth, synthesize } from './synth';

/**
 * The stack was one constructor; it is now composed of constructs per concern. CloudFormation
 * identifies resources by logical id: a changed id is a deleted resource and a new one (a new
 * control-plane table, new roles, a new API URL). The ids recorded before the split must stay.
 */
const before = JSON.parse(readFileSync(join(import.meta.dirname, 'logical-ids.before-split.json'), 'utf8')) as {
  resources: Record<string, string>;
  parameters: string[];
  conditions: string[];
  outputs: string[];
};

/**
 * Added after the split, on purpose: the operator's issuer and the cursor signing key (issue 8),
 * webhook delivery with its queues, functions, roles and alarms (issue 10), and the page routes of
 * the console and the portal with their invoke permissions and the pages' public address (issues 11, 12).
 */
const ADDED = {
  resources: {
    HttpApiOperatorJwt: 'AWS::ApiGatewayV2::Authorizer',
    CursorKey: 'AWS::SecretsManager::Secret',
    WebhookDispatcherRole: 'AWS::IAM::Role',
    WebhookDispatcherRoleDefaultPolicy: 'AWS::IAM::Policy',
    WebhookSenderRole: 'AWS::IAM::Role',
    WebhookSenderRoleDefaultPolicy: 'AWS::IAM::Policy',
    WebhookDeadLetterQueue: 'AWS::SQS::Queue',
    WebhookDeadLetterQueuePolicy: 'AWS::SQS::QueuePolicy',
    WebhookQueue: 'AWS::SQS::Queue',
    WebhookQueuePolicy: 'AWS::SQS::QueuePolicy',
    WebhookDispatcherLogs: 'AWS::Logs::LogGroup',
    WebhookDispatcherFunction: 'AWS::Lambda::Function',
    WebhookSenderLogs: 'AWS::Logs::LogGroup',
    WebhookSenderFunction: 'AWS::Lambda::Function',
    WebhookSenderFunctionSqsEventSourceRedresstestWebhooksWebhookQueue12FB004D: 'AWS::Lambda::EventSourceMapping',
    WebhookDlqDepthAlarm: 'AWS::CloudWatch::Alarm',
    WebhookFailureRateAlarm: 'AWS::CloudWatch::Alarm',
    WebhookDispatcherThrottlesAlarm: 'AWS::CloudWatch::Alarm',
    WebhookSenderThrottlesAlarm: 'AWS::CloudWatch::Alarm',
    HttpApiANYconsole: 'AWS::ApiGatewayV2::Route',
    HttpApiANYconsoleApiIntegrationPermission: 'AWS::Lambda::Permission',
    HttpApiANYconsoleproxy: 'AWS::ApiGatewayV2::Route',
    HttpApiANYconsoleproxyApiIntegrationPermission: 'AWS::Lambda::Permission',
    HttpApiANYportal: 'AWS::ApiGatewayV2::Route',
    HttpApiANYportalRegulatorIntegrationPermission: 'AWS::Lambda::Permission',
    HttpApiANYportalproxy: 'AWS::ApiGatewayV2::Route',
    HttpApiANYportalproxyRegulatorIntegrationPermission: 'AWS::Lambda::Permission',
  },
  parameters: ['OperatorAudience', 'OperatorIssuer', 'OperatorJwksUrl', 'PublicUrl'],
  conditions: ['HasPublicUrl'],
};

let s: Synth;
beforeAll(() => {
  s = synthesize({ bundle: false, context: { stage: 'test', tablePrefix: 'redress-test-' } });
});
afterAll(() => {
  if (s) rmSync(s.outdir, { recursive: true, force: true });
});

const template = () => s.json as typeof s.json & { Conditions?: object; Outputs?: object };

describe('logical ids after the split into constructs', () => {
  it('are exactly those before the split, each with the same resource type, plus the deliberate additions', () => {
    const now = Object.fromEntries(Object.entries(s.json.Resources).map(([id, r]) => [id, r.Type]));
    const kept = Object.fromEntries(Object.entries(now).filter(([id]) => id in before.resources));
    expect(kept).toEqual(before.resources);
    const added = Object.entries(now).filter(([id]) => !(id in before.resources));
    // CDK appends a hash of the construct path to each added id; the human part names the resource.
    expect(added.map(([id, type]) => [id.replace(/[0-9A-F]{8}$/, ''), type]).sort()).toEqual(
      Object.entries(ADDED.resources).sort(),
    );
  });

  it('keep the parameters, conditions and outputs', () => {
    expect(Object.keys(template().Parameters ?? {}).sort()).toEqual([...before.parameters, ...ADDED.parameters].sort());
    expect(Object.keys(template().Conditions ?? {}).sort()).toEqual([...before.conditions, ...ADDED.conditions].sort());
    expect(Object.keys(template().Outputs ?? {}).sort()).toEqual([...before.outputs, 'WebhookQueueUrl'].sort());
  });

  it('while the construct tree does group resources by concern', () => {
    const paths = s.stack.node.findAll().map((c) => c.node.path);
    for (const concern of ['ControlPlane', 'TenantIsolation', 'LifecycleConcern', 'Api', 'Observability'])
      expect(paths, concern).toContain(`${s.stack.node.id}/${concern}`);
    expect(s.stack.controlPlane.table.node.path).toBe(`${s.stack.node.id}/ControlPlane/ControlPlaneTable`);
  });
});
