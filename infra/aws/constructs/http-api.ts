import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as iam from 'aws-cdk-lib/aws-iam';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { Concern } from './concern';
import type { IssuerParameters } from './deploy-parameters';
import { redressFunction } from './redress-function';

export type HttpSurface = 'api' | 'admin' | 'regulator';

export type RedressHttpApiProps = {
  stage: string;
  tablePrefix: string;
  /** The role of each surface's function (one trust boundary each). */
  roles: Record<HttpSurface, iam.Role>;
  tenantDataRole: iam.Role;
  /** The tenant IdP: staff and operator tokens, on `/v1/*` and `/admin/*`. */
  idp: IssuerParameters;
  /** The regulator's IdP, on `/regulator/*` only. */
  regulator: IssuerParameters;
  stateMachineArn: string;
  provisionerFunctionName: string;
};

/** Requests per second and burst of the `$default` stage (the account-level ceiling for this API). */
export const STAGE_THROTTLE = { rateLimit: 200, burstLimit: 400 };

/**
 * The HTTP API: one Lambda per trust boundary (`/v1/*` staff, `/admin/*` operator, `/regulator/*`
 * regulator), each route behind the JWT authorizer of the issuer that may call it, a throttled
 * `$default` stage with JSON access logs, and no other routes.
 */
export class RedressHttpApi extends Concern {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  readonly functions: Record<HttpSurface, NodejsFunction>;

  constructor(scope: Construct, id: string, props: RedressHttpApiProps) {
    super(scope, id);
    const { roles, idp, regulator } = props;
    const idpEnv = {
      REDRESS_IDP_ISSUER: idp.issuer,
      REDRESS_IDP_AUDIENCE: idp.audience,
      REDRESS_IDP_JWKS_URL: idp.jwksUrl,
    };
    const fn = (name: HttpSurface, description: string, memory: number, env: Record<string, string>) =>
      redressFunction(this, name, {
        role: roles[name],
        tablePrefix: props.tablePrefix,
        description,
        timeout: Duration.seconds(29),
        memory,
        env,
      });
    this.functions = {
      api: fn('api', 'Redress tenant staff API (/v1/*)', 1024, {
        REDRESS_TENANT_ROLE_ARN: props.tenantDataRole.roleArn,
        REDRESS_STATE_MACHINE_ARN: props.stateMachineArn,
        ...idpEnv,
      }),
      admin: fn('admin', 'Redress platform operator API (/admin/*)', 512, {
        REDRESS_PROVISIONER_FUNCTION: props.provisionerFunctionName,
        ...idpEnv,
      }),
      regulator: fn('regulator', 'Redress regulator API (/regulator/*), read-only', 1024, {
        REDRESS_REGULATOR_ISSUER: regulator.issuer,
        REDRESS_REGULATOR_AUDIENCE: regulator.audience,
        REDRESS_REGULATOR_JWKS_URL: regulator.jwksUrl,
      }),
    };

    const accessLogs = new LogGroup(this, 'ApiAccessLogs', {
      retention: RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.api = new HttpApi(this, 'HttpApi', {
      apiName: `redress-${props.stage}`,
      description: 'Redress HTTP API',
      createDefaultStage: false,
    });
    this.stage = new HttpStage(this, 'HttpApiDefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: STAGE_THROTTLE,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            ip: '$context.identity.sourceIp',
            requestTime: '$context.requestTime',
            httpMethod: '$context.httpMethod',
            routeKey: '$context.routeKey',
            status: '$context.status',
            protocol: '$context.protocol',
            responseLength: '$context.responseLength',
            integrationLatency: '$context.integrationLatency',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
          }),
        ),
      },
    });
    const jwt = (aid: string, name: string, p: IssuerParameters) =>
      new HttpJwtAuthorizer(aid, p.issuer, { jwtAudience: [p.audience], authorizerName: name });
    const tenantAuthorizer = jwt('TenantJwt', 'tenant-idp', idp);
    const regulatorAuthorizer = jwt('RegulatorJwt', 'regulator-idp', regulator);
    const route = (path: string, integrationId: string, f: NodejsFunction, authorizer: HttpJwtAuthorizer) =>
      this.api.addRoutes({
        path,
        methods: [HttpMethod.ANY],
        integration: new HttpLambdaIntegration(integrationId, f),
        authorizer,
      });
    route('/v1/{proxy+}', 'ApiIntegration', this.functions.api, tenantAuthorizer);
    route('/admin/{proxy+}', 'AdminIntegration', this.functions.admin, tenantAuthorizer);
    route('/regulator/{proxy+}', 'RegulatorIntegration', this.functions.regulator, regulatorAuthorizer);
  }
}
