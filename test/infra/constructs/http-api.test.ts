import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { RedressHttpApi, ROUTE_THROTTLE, STAGE_THROTTLE } from '../../../infra/aws/constructs/http-api';
import { render } from '../synth';
import { bareStack } from './bare-stack';

const issuer = (name: string) => ({
  issuer: `https://${name}.example/`,
  audience: `${name}-aud`,
  jwksUrl: `https://${name}.example/jwks.json`,
});

function build(publicUrl = '') {
  const b = bareStack();
  const http = new RedressHttpApi(b.stack, 'Api', {
    stage: 'x',
    tablePrefix: 'p-',
    roles: { api: b.role('ApiRole'), admin: b.role('AdminRole'), regulator: b.role('RegulatorRole') },
    tenantDataRole: b.role('TenantDataRole'),
    idp: issuer('idp'),
    regulator: issuer('regulator'),
    operator: issuer('operator'),
    stateMachineArn: 'arn:aws:states:eu-central-1:123456789012:stateMachine:p-lifecycle',
    provisionerFunctionName: 'p-provisioner',
    publicUrl,
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
  it('has the three JSON surfaces, each behind the JWT authorizer of its issuer, and the page routes without one', () => {
    const { routes, issuerOf } = build();
    const json = ['ANY /admin/{proxy+}', 'ANY /regulator/{proxy+}', 'ANY /v1/{proxy+}'];
    const pages = ['ANY /console', 'ANY /console/{proxy+}', 'ANY /portal', 'ANY /portal/{proxy+}'];
    expect(routes.map((r) => r.RouteKey).sort()).toEqual([...json, ...pages].sort());
    for (const r of routes) expect(r.AuthorizationType, r.RouteKey).toBe(json.includes(r.RouteKey) ? 'JWT' : 'NONE');
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

describe('RedressHttpApi construct: issue 8', () => {
  it('admits only the operator issuer on /admin/*, and gives admin the operator settings instead of the tenant IdP', () => {
    const { issuerOf, envOf } = build();
    expect(issuerOf('ANY /admin/{proxy+}')).toEqual({
      Issuer: 'https://operator.example/',
      Audience: ['operator-aud'],
    });
    expect(envOf('admin').REDRESS_OPERATOR_ISSUER).toBe('https://operator.example/');
    expect(envOf('admin').REDRESS_OPERATOR_AUDIENCE).toBe('operator-aud');
    expect(envOf('admin').REDRESS_OPERATOR_JWKS_URL).toBe('https://operator.example/jwks.json');
    expect(envOf('admin').REDRESS_IDP_ISSUER).toBeUndefined();
    expect(envOf('api').REDRESS_OPERATOR_ISSUER).toBeUndefined();
  });

  it('sets the route throttles it declares, each under the stage ceiling', () => {
    const { t } = build();
    const stage = Object.values(t.findResources('AWS::ApiGatewayV2::Stage'))[0]!.Properties;
    expect(stage.DefaultRouteSettings).toEqual({
      ThrottlingRateLimit: STAGE_THROTTLE.rateLimit,
      ThrottlingBurstLimit: STAGE_THROTTLE.burstLimit,
    });
    expect(stage.RouteSettings).toEqual(
      Object.fromEntries(
        Object.entries(ROUTE_THROTTLE).map(([k, v]) => [
          k,
          { ThrottlingRateLimit: v.rateLimit, ThrottlingBurstLimit: v.burstLimit },
        ]),
      ),
    );
  });

  it('hands the three functions the generated cursor key by deploy-time reference; no role reads it at run time', () => {
    const { b, http, t, envOf } = build();
    const secret = b.stack.getLogicalId(http.cursorKey.node.defaultChild as never);
    for (const f of ['api', 'admin', 'regulator'] as const) {
      const value = JSON.stringify(envOf(f).REDRESS_CURSOR_KEY);
      expect(value, f).toContain('{{resolve:secretsmanager:');
      expect(value, f).toContain(`"Ref":"${secret}"`);
    }
    const readers = Object.values(t.findResources('AWS::IAM::Policy')).filter((p) =>
      JSON.stringify(p.Properties.PolicyDocument).includes('secretsmanager:GetSecretValue'),
    );
    expect(readers).toEqual([]);
  });
});
