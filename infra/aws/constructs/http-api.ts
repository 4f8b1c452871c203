import { CfnCondition, Duration, Fn, RemovalPolicy } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  type CfnStage,
  HttpApi,
  HttpMethod,
  HttpStage,
  LogGroupLogDestination,
  type ThrottleSettings,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as iam from 'aws-cdk-lib/aws-iam';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { acknowledge } from './cdk-nag';
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
  /** The tenant IdP: staff tokens, on `/v1/*` only. */
  idp: IssuerParameters;
  /** The platform operator's own IdP, on `/admin/*` only (a tenant IdP can never make an operator). */
  operator: IssuerParameters;
  /** The regulator's IdP, on `/regulator/*` only. */
  regulator: IssuerParameters;
  stateMachineArn: string;
  provisionerFunctionName: string;
  /** Where browsers open the pages (a parameter; empty: this API's own endpoint). */
  publicUrl: string;
};

/** Requests per second (steady) and burst of the whole `$default` stage: the ceiling for this API. */
export const STAGE_THROTTLE: Required<ThrottleSettings> = { rateLimit: 200, burstLimit: 400 };

/**
 * Each surface's own share of the stage, so that one surface cannot starve the others: staff
 * intake and work queues get most of it, the regulator's reads less, the operator's rare calls
 * (and a stolen operator token's id guessing) very little. API Gateway answers 429 beyond these.
 * Per-tenant limits cannot be set here (an HTTP API has no usage plans and takes no WAF web
 * ACL): see infra/aws/README.md, "Throttling".
 */
export const ROUTE_THROTTLE: Record<string, Required<ThrottleSettings>> = {
  'ANY /v1/{proxy+}': { rateLimit: 150, burstLimit: 300 },
  'ANY /regulator/{proxy+}': { rateLimit: 40, burstLimit: 80 },
  'ANY /admin/{proxy+}': { rateLimit: 5, burstLimit: 10 },
  // The pages are reachable without a token (the session is a cookie the app checks): their share
  // bounds what anyone on the internet can spend of the stage, while a desk of staff clicking
  // through pages, and the queue refreshing itself, stays well inside it.
  'ANY /console': { rateLimit: 50, burstLimit: 100 },
  'ANY /console/{proxy+}': { rateLimit: 50, burstLimit: 100 },
  'ANY /portal': { rateLimit: 10, burstLimit: 20 },
  'ANY /portal/{proxy+}': { rateLimit: 10, burstLimit: 20 },
};

/** The pages' paths and the function that serves each: the console in the tenant function, the portal in the regulator's. */
export const PAGE_ROUTES = { '/console': 'api', '/portal': 'regulator' } as const satisfies Record<
  string,
  Exclude<HttpSurface, 'admin'>
>;

/**
 * The HTTP API: one Lambda per trust boundary (`/v1/*` staff, `/admin/*` operator, `/regulator/*`
 * regulator), each route behind the JWT authorizer of the issuer that may call it; the pages
 * (`/console*` on the staff function, `/portal*` on the regulator's) without one, since a browser
 * sends a session cookie, not a bearer token, and the app opens the session itself; a throttled
 * `$default` stage with JSON access logs, and no other routes (the operator has no pages).
 */
export class RedressHttpApi extends Concern {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  readonly functions: Record<HttpSurface, NodejsFunction>;
  /** The pagination-cursor signing key, generated at deploy; functions read it at cold start. */
  readonly cursorKey: Secret;

  constructor(scope: Construct, id: string, props: RedressHttpApiProps) {
    super(scope, id);
    const { roles, idp, regulator, operator } = props;
    this.cursorKey = new Secret(this, 'CursorKey', {
      description: `Redress ${props.stage}: signing key of pagination cursors`,
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
    });
    acknowledge(
      this.cursorKey,
      'AwsSolutions-SMG4',
      'The key only signs pagination cursors; rotating it (put a new value) makes outstanding cursors answer 400 and clients restart from the first page, so it is rotated by hand, not on a schedule.',
    );
    // A deploy-time dynamic reference: CloudFormation puts the generated key in the functions'
    // configuration, so every instance seals with the same key and no cold start calls Secrets Manager.
    const cursorEnv = { REDRESS_CURSOR_KEY: this.cursorKey.secretValue.unsafeUnwrap() };
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
        ...cursorEnv,
      }),
      admin: fn('admin', 'Redress platform operator API (/admin/*)', 512, {
        REDRESS_PROVISIONER_FUNCTION: props.provisionerFunctionName,
        REDRESS_OPERATOR_ISSUER: operator.issuer,
        REDRESS_OPERATOR_AUDIENCE: operator.audience,
        REDRESS_OPERATOR_JWKS_URL: operator.jwksUrl,
        ...cursorEnv,
      }),
      regulator: fn('regulator', 'Redress regulator API (/regulator/*), read-only', 1024, {
        REDRESS_REGULATOR_ISSUER: regulator.issuer,
        REDRESS_REGULATOR_AUDIENCE: regulator.audience,
        REDRESS_REGULATOR_JWKS_URL: regulator.jwksUrl,
        ...cursorEnv,
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
    const operatorAuthorizer = jwt('OperatorJwt', 'operator-idp', operator);
    const integrations = {
      api: new HttpLambdaIntegration('ApiIntegration', this.functions.api),
      admin: new HttpLambdaIntegration('AdminIntegration', this.functions.admin),
      regulator: new HttpLambdaIntegration('RegulatorIntegration', this.functions.regulator),
    };
    const route = (path: string, f: HttpSurface, authorizer?: HttpJwtAuthorizer) =>
      this.api.addRoutes({
        path,
        methods: [HttpMethod.ANY],
        integration: integrations[f],
        ...(authorizer && { authorizer }),
      });
    const routes = [
      ...route('/v1/{proxy+}', 'api', tenantAuthorizer),
      ...route('/admin/{proxy+}', 'admin', operatorAuthorizer),
      ...route('/regulator/{proxy+}', 'regulator', regulatorAuthorizer),
    ];
    for (const [prefix, f] of Object.entries(PAGE_ROUTES))
      for (const page of [...route(prefix, f), ...route(`${prefix}/{proxy+}`, f)]) {
        acknowledge(
          page,
          'AwsSolutions-APIG4',
          'A page route: browsers send the session as an HttpOnly cookie, which a JWT authorizer cannot read. The function opens the sealed session itself (and redirects to sign-in without one), checks the same role permissions as the JSON API, and a CSRF token on every write; the route throttle bounds what unauthenticated callers can spend.',
        );
        routes.push(page);
      }
    // The functions with pages learn the address browsers use (the sign-in's redirect URIs start with it).
    const hasPublicUrl = new CfnCondition(this, 'HasPublicUrl', {
      expression: Fn.conditionNot(Fn.conditionEquals(props.publicUrl, '')),
    });
    const publicUrl = Fn.conditionIf(hasPublicUrl.logicalId, props.publicUrl, this.api.apiEndpoint).toString();
    for (const f of new Set(Object.values(PAGE_ROUTES)))
      this.functions[f].addEnvironment('REDRESS_PUBLIC_URL', publicUrl);

    // Route settings name routes by key: the stage must be deployed after them.
    (this.stage.node.defaultChild as CfnStage).routeSettings = Object.fromEntries(
      Object.entries(ROUTE_THROTTLE).map(([key, t]) => [
        key,
        { ThrottlingRateLimit: t.rateLimit, ThrottlingBurstLimit: t.burstLimit },
      ]),
    );
    for (const r of routes) this.stage.node.addDependency(r);
  }
}
