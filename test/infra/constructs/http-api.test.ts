import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { RedressHttpApi } from '../../../infra/aws/constructs/http-api';
import { render } from '../synth';
import { bareStack } from './bare-stack';

const issuer = (name: string) => ({
  issuer: `https://${name}.example/`,
  audience: `${name}-aud`,
  jwksUrl: `https://${name}.example/jwks.json`,
});

function build() {
  const b = bareStack();
  const http = new RedressHttpApi(b.stack, 'Api', {
    stage: 'x',
    tablePrefix: 'p-',
    roles: { api: b.role('ApiRole'), admin: b.role('AdminRole'), regulator: b.role('RegulatorRole') },
    tenantDataRole: b.role('TenantDataRole'),
    idp: issuer('idp'),
    regulator: issuer('regulator'),
    stateMachineArn: 'arn:aws:states:eu-central-1:123456789012:stateMachine:p-lifecycle',
    provisionerFunctionName: 'p-provisioner',
  });
  const t = b.template();
  const routes = Object.values(t.findResources('AWS::ApiGatewayV2::Route')).map((r) => r.Properties);
  const authorizers = t.findResources('AWS::ApiGatewayV2::Authorizer');
  const issuerOf = (routeKey: string) =>
    authorizers[routes.find((r) => r.RouteKey === routeKey)!.AuthorizerId.Ref]!.Properties.JwtConfiguration;
  const envOf = (f: keyof typeof http.functions) =>
    t.findResources('AWS::Lambda::Function')[b.stack.getLogicalId(http.functions[f].node.defaultChild as never)]!
      .Properties.Environment.Variables as Record<string, unknown>;
  return { b, http, t, routes, issuerOf, envOf };
}

describe('RedressHttpApi construct', () => {
  it('has the three surfaces only, each behind the JWT authorizer of its issuer', () => {
    const { routes, issuerOf } = build();
    expect(routes.map((r) => r.RouteKey).sort()).toEqual([
      'ANY /admin/{proxy+}',
      'ANY /regulator/{proxy+}',
      'ANY /v1/{proxy+}',
    ]);
    for (const r of routes) expect(r.AuthorizationType).toBe('JWT');
    expect(issuerOf('ANY /v1/{proxy+}')).toEqual({ Issuer: 'https://idp.example/', Audience: ['idp-aud'] });
    expect(issuerOf('ANY /regulator/{proxy+}')).toEqual({
      Issuer: 'https://regulator.example/',
      Audience: ['regulator-aud'],
    });
  });

  it('gives each function the identity settings of the issuer its route trusts', () => {
    const { envOf } = build();
    expect(envOf('api').REDRESS_IDP_ISSUER).toBe('https://idp.example/');
    expect(envOf('regulator').REDRESS_REGULATOR_ISSUER).toBe('https://regulator.example/');
    expect(envOf('regulator').REDRESS_IDP_ISSUER).toBeUndefined();
    expect(envOf('admin').REDRESS_PROVISIONER_FUNCTION).toBe('p-provisioner');
    expect(render(envOf('api').REDRESS_STATE_MACHINE_ARN)).toMatch(/stateMachine:p-lifecycle$/);
  });

  it('has a throttled $default stage with JSON access logs', () => {
    const { t } = build();
    t.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      DefaultRouteSettings: { ThrottlingRateLimit: Match.anyValue(), ThrottlingBurstLimit: Match.anyValue() },
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('requestId') },
    });
  });
});
