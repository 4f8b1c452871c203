import { rmSync } from 'node:fs';
import { Validations } from 'aws-cdk-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FunctionName } from '../../infra/aws/bundling';
import { PAGE_ROUTES, ROUTE_THROTTLE } from '../../infra/aws/constructs/http-api';
import { actionsOf, allStatements, render, type Synth, synthesize } from './synth';

/** The console and the portal in the template: which routes reach which function, and with what. */
let s: Synth;
beforeAll(() => {
  s = synthesize({ bundle: false, context: { stage: 'test', tablePrefix: 'redress-test-' } });
});
afterAll(() => {
  if (s) rmSync(s.outdir, { recursive: true, force: true });
});

const byType = (type: string) => Object.entries(s.json.Resources).filter(([, r]) => r.Type === type);
const fnArn = (n: FunctionName) => `<${s.logicalId(s.stack.functions[n].node.defaultChild)}.Arn>`;
const routes = () =>
  byType('AWS::ApiGatewayV2::Route').map(([id, r]) => {
    const p = r.Properties!;
    const integration = s.json.Resources[render(p.Target).replace(/^integrations\/<(.+)>$/, '$1')]!.Properties!;
    return { id, key: p.RouteKey as string, p, fn: render(integration.IntegrationUri) };
  });
const PAGE_KEYS = ['ANY /console', 'ANY /console/{proxy+}', 'ANY /portal', 'ANY /portal/{proxy+}'];

describe('page routes', () => {
  it('exist for the console on the api function and the portal on the regulator function, without an authorizer', () => {
    const pages = routes().filter((r) => PAGE_KEYS.includes(r.key));
    expect(pages.map((r) => r.key).sort()).toEqual(PAGE_KEYS);
    for (const r of pages) {
      expect(r.p.AuthorizationType, r.key).toBe('NONE');
      expect(r.p.AuthorizerId, r.key).toBeUndefined();
      expect(r.fn, r.key).toBe(fnArn(r.key.startsWith('ANY /console') ? 'api' : 'regulator'));
    }
    expect(PAGE_ROUTES).toEqual({ '/console': 'api', '/portal': 'regulator' });
  });

  it('leave the JSON routes behind their JWT authorizers', () => {
    const json = routes().filter((r) => !PAGE_KEYS.includes(r.key));
    expect(json.map((r) => r.key).sort()).toEqual([
      'ANY /admin/{proxy+}',
      'ANY /regulator/{proxy+}',
      'ANY /v1/{proxy+}',
    ]);
    for (const r of json) {
      expect(r.p.AuthorizationType, r.key).toBe('JWT');
      expect(s.json.Resources[r.p.AuthorizerId.Ref]?.Type, r.key).toBe('AWS::ApiGatewayV2::Authorizer');
    }
  });

  it('carry the acknowledged cdk-nag finding for a route without an authorizer; no JSON route does', () => {
    const acknowledged = s.stack.node
      .findAll()
      .filter((c) =>
        c.node.metadata.some(
          (m) =>
            m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY &&
            Object.keys(m.data as object).some((k) => k.endsWith('AwsSolutions-APIG4')),
        ),
      )
      .map((c) => c.node.id);
    expect(acknowledged.sort()).toEqual([
      'ANY--console',
      'ANY--console--{proxy+}',
      'ANY--portal',
      'ANY--portal--{proxy+}',
    ]);
  });

  it('are each throttled by route below the stage', () => {
    const stage = byType('AWS::ApiGatewayV2::Stage')[0]![1].Properties!;
    for (const key of PAGE_KEYS) {
      expect(stage.RouteSettings[key], key).toEqual({
        ThrottlingRateLimit: ROUTE_THROTTLE[key]!.rateLimit,
        ThrottlingBurstLimit: ROUTE_THROTTLE[key]!.burstLimit,
      });
      expect(ROUTE_THROTTLE[key]!.rateLimit, key).toBeLessThan(stage.DefaultRouteSettings.ThrottlingRateLimit);
    }
  });

  it('never reach the admin function: no route but /admin targets it, and API Gateway may invoke it for /admin only', () => {
    expect(
      routes()
        .filter((r) => r.fn === fnArn('admin'))
        .map((r) => r.key),
    ).toEqual(['ANY /admin/{proxy+}']);
    const invokes = byType('AWS::Lambda::Permission')
      .map(([, r]) => r.Properties!)
      .filter((p) => p.Principal === 'apigateway.amazonaws.com');
    const sourcesOf = (n: FunctionName) =>
      invokes.filter((p) => render(p.FunctionName) === fnArn(n)).map((p) => render(p.SourceArn).split('/*/*')[1]);
    expect(sourcesOf('admin')).toEqual(['/admin/{proxy+}']);
    expect(sourcesOf('api').sort()).toEqual(['/console', '/console/{proxy+}', '/v1/{proxy+}']);
    expect(sourcesOf('regulator').sort()).toEqual(['/portal', '/portal/{proxy+}', '/regulator/{proxy+}']);
  });
});

describe('the functions with pages', () => {
  const envOf = (n: FunctionName) =>
    s.json.Resources[s.logicalId(s.stack.functions[n].node.defaultChild)]!.Properties!.Environment.Variables as Record<
      string,
      unknown
    >;

  it('have the platform secret the sessions are sealed with, and the public address (the parameter, else the API endpoint)', () => {
    for (const n of ['api', 'regulator'] as const) {
      expect(JSON.stringify(envOf(n).REDRESS_CURSOR_KEY), n).toContain('{{resolve:secretsmanager:');
      expect(envOf(n).REDRESS_PUBLIC_URL, n).toEqual({
        'Fn::If': [
          'HasPublicUrl',
          { Ref: 'PublicUrl' },
          { 'Fn::GetAtt': [s.logicalId(s.stack.http.api.node.defaultChild), 'ApiEndpoint'] },
        ],
      });
    }
    expect(envOf('admin').REDRESS_PUBLIC_URL).toBeUndefined();
    expect(s.json.Parameters?.PublicUrl).toMatchObject({ Default: '', AllowedPattern: '^$|^https://[^/\\s]+$' });
  });

  it('the regulator role stays read-only with its pages: only reads, its own logs and traces', () => {
    const role = s.logicalId(s.stack.functions.regulator.role!.node.defaultChild);
    const actions = allStatements(s.json)
      .filter((o) => o.kind !== 'AWS::KMS::Key' && o.roles.includes(role) && !o.where.endsWith('#trust'))
      .flatMap((o) => actionsOf(o.statement));
    expect([...new Set(actions)].sort()).toEqual([
      'dynamodb:BatchGetItem',
      'dynamodb:DescribeTable',
      'dynamodb:GetItem',
      'dynamodb:Query',
      'kms:Decrypt',
      'kms:DescribeKey',
      'logs:CreateLogStream',
      'logs:PutLogEvents',
      'xray:PutTelemetryRecords',
      'xray:PutTraceSegments',
    ]);
  });
});
