import { rmSync } from 'node:fs';
import { Match } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENV_NAMES } from '../../functions/aws-env';
import { FUNCTION_NAMES } from '../../infra/aws/bundling';
import { READ_ACTIONS } from '../../infra/aws/constructs/control-plane';
import { TENANT_ITEM_ACTIONS } from '../../infra/aws/constructs/tenant-isolation';
import { lifecycleDefinition, renderDefinition } from '../../shared/workflow/definition';
import { actionsOf, allStatements, render, resourcesOf, type Synth, synthesize } from './synth';

const PREFIX = 'redress-test-';
let s: Synth;
const byType = (type: string) => Object.entries(s.json.Resources).filter(([, r]) => r.Type === type);
const roleId = (name: (typeof FUNCTION_NAMES)[number]) => s.logicalId(s.stack.functions[name].role!.node.defaultChild);
const tenantDataRoleId = () => s.logicalId(s.stack.isolation.tenantDataRole.node.defaultChild);

beforeAll(() => {
  s = synthesize({ bundle: false, context: { stage: 'test', tablePrefix: PREFIX } });
});

afterAll(() => {
  if (s) rmSync(s.outdir, { recursive: true, force: true });
});

describe('HTTP API', () => {
  it('has exactly the three trust-boundary routes behind JWT authorizers, the page routes, and no /_local routes', () => {
    const routes = byType('AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties!);
    const json = ['ANY /admin/{proxy+}', 'ANY /regulator/{proxy+}', 'ANY /v1/{proxy+}'];
    expect(routes.map((r) => r.RouteKey).sort()).toEqual(
      [...json, 'ANY /console', 'ANY /console/{proxy+}', 'ANY /portal', 'ANY /portal/{proxy+}'].sort(),
    );
    for (const r of routes.filter((x) => json.includes(x.RouteKey))) {
      expect(r.AuthorizationType, r.RouteKey).toBe('JWT');
      expect(r.AuthorizerId, r.RouteKey).toBeDefined();
    }
    for (const r of routes) expect(r.RouteKey).not.toMatch(/_local|\$default/);
  });

  it('routes each surface to its own function, behind its own issuer (operator and regulator apart from the tenant IdP)', () => {
    const resources = s.json.Resources;
    const target = (routeKey: string) => {
      const route = byType('AWS::ApiGatewayV2::Route').find(([, r]) => r.Properties!.RouteKey === routeKey)![1]
        .Properties!;
      const integrationId = render(route.Target).replace(/^integrations\/<(.+)>$/, '$1');
      const authorizer = resources[route.AuthorizerId.Ref]!.Properties!;
      return {
        fn: render(resources[integrationId]!.Properties!.IntegrationUri),
        issuer: render(authorizer.JwtConfiguration.Issuer),
        audience: authorizer.JwtConfiguration.Audience.map(render),
      };
    };
    const fnArn = (n: (typeof FUNCTION_NAMES)[number]) =>
      `<${s.logicalId(s.stack.functions[n].node.defaultChild)}.Arn>`;
    expect(target('ANY /v1/{proxy+}')).toEqual({
      fn: fnArn('api'),
      issuer: '<IdpIssuer>',
      audience: ['<IdpAudience>'],
    });
    expect(target('ANY /admin/{proxy+}')).toEqual({
      fn: fnArn('admin'),
      issuer: '<OperatorIssuer>',
      audience: ['<OperatorAudience>'],
    });
    expect(target('ANY /regulator/{proxy+}')).toEqual({
      fn: fnArn('regulator'),
      issuer: '<RegulatorIssuer>',
      audience: ['<RegulatorAudience>'],
    });
  });

  it('throttles the stage and writes access logs to a log group', () => {
    s.template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: Match.anyValue(), ThrottlingBurstLimit: Match.anyValue() },
      AccessLogSettings: {
        DestinationArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ApiAccessLogs'), 'Arn'] },
        Format: Match.stringLikeRegexp('\\$context.requestId'),
      },
    });
  });

  it('throttles every route below the stage, and deploys the stage after the routes its settings name', () => {
    const [[stageId, stage]] = byType('AWS::ApiGatewayV2::Stage') as [[string, any]];
    const p = stage.Properties;
    const ceiling = p.DefaultRouteSettings;
    expect(ceiling.ThrottlingRateLimit).toBeGreaterThan(0);
    expect(ceiling.ThrottlingBurstLimit).toBeGreaterThanOrEqual(ceiling.ThrottlingRateLimit);
    const routes = byType('AWS::ApiGatewayV2::Route');
    expect(Object.keys(p.RouteSettings).sort()).toEqual(routes.map(([, r]) => r.Properties!.RouteKey).sort());
    for (const [key, t] of Object.entries(p.RouteSettings as Record<string, any>)) {
      expect(t.ThrottlingRateLimit, key).toBeGreaterThan(0);
      expect(t.ThrottlingRateLimit, key).toBeLessThan(ceiling.ThrottlingRateLimit);
      expect(t.ThrottlingBurstLimit, key).toBeLessThan(ceiling.ThrottlingBurstLimit);
    }
    // The operator surface is the smallest: few legitimate calls, and the most valuable token to guess with.
    const rate = (k: string) => p.RouteSettings[k].ThrottlingRateLimit as number;
    expect(rate('ANY /admin/{proxy+}')).toBeLessThan(rate('ANY /regulator/{proxy+}'));
    expect(rate('ANY /regulator/{proxy+}')).toBeLessThan(rate('ANY /v1/{proxy+}'));
    expect([s.json.Resources[stageId]!.DependsOn].flat()).toEqual(expect.arrayContaining(routes.map(([id]) => id)));
  });

  it('generates the cursor signing key as a secret, handed to the functions at deploy, read by no role', () => {
    s.template.hasResourceProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: Match.objectLike({ PasswordLength: 64 }),
    });
    const readers = allStatements(s.json).filter((o) =>
      actionsOf(o.statement).includes('secretsmanager:GetSecretValue'),
    );
    expect(readers).toEqual([]);
  });

  it('exposes the identity settings as parameters with defaults (synth needs no input)', () => {
    for (const p of [
      'IdpIssuer',
      'IdpAudience',
      'IdpJwksUrl',
      'RegulatorIssuer',
      'RegulatorAudience',
      'RegulatorJwksUrl',
      'OperatorIssuer',
      'OperatorAudience',
      'OperatorJwksUrl',
      'AlarmEmail',
      'PublicUrl',
    ]) {
      expect(s.json.Parameters?.[p]?.Default, p).toBeTypeOf('string');
    }
  });
});

describe('Lambda functions', () => {
  it('are seven, nodejs22.x on arm64, traced, each with its own log group and source maps on', () => {
    const fns = byType('AWS::Lambda::Function');
    expect(fns).toHaveLength(FUNCTION_NAMES.length);
    expect(FUNCTION_NAMES).toHaveLength(7);
    for (const [id, f] of fns) {
      const p = f.Properties!;
      expect(p.Runtime, id).toBe('nodejs22.x');
      expect(p.Architectures, id).toEqual(['arm64']);
      expect(p.TracingConfig, id).toEqual({ Mode: 'Active' });
      expect(p.Handler, id).toBe('index.handler');
      expect(p.LoggingConfig?.LogGroup?.Ref, id).toMatch(/Logs/);
      expect(p.Environment.Variables.NODE_OPTIONS, id).toBe('--enable-source-maps');
      expect(p.Environment.Variables.POWERTOOLS_SERVICE_NAME, id).toMatch(/^redress-/);
      expect(p.Environment.Variables.REDRESS_TABLE_PREFIX, id).toBe(PREFIX);
    }
  });

  it('set only the variables functions/aws-env.ts declares (plus runtime settings), and what each needs', () => {
    const envOf = (n: (typeof FUNCTION_NAMES)[number]) =>
      s.json.Resources[s.logicalId(s.stack.functions[n].node.defaultChild)]!.Properties!.Environment
        .Variables as Record<string, unknown>;
    const allowed = new Set<string>([...ENV_NAMES, 'NODE_OPTIONS', 'POWERTOOLS_SERVICE_NAME']);
    for (const n of FUNCTION_NAMES) {
      const keys = Object.keys(envOf(n));
      expect(
        keys.filter((k) => !allowed.has(k)),
        n,
      ).toEqual([]);
      expect(keys, n).not.toContain('AWS_REGION'); // reserved; Lambda sets it
    }
    const redress = (n: (typeof FUNCTION_NAMES)[number]) =>
      Object.keys(envOf(n))
        .filter((k) => k.startsWith('REDRESS_'))
        .sort();
    const idp = ['REDRESS_IDP_AUDIENCE', 'REDRESS_IDP_ISSUER', 'REDRESS_IDP_JWKS_URL'];
    const operator = ['REDRESS_OPERATOR_AUDIENCE', 'REDRESS_OPERATOR_ISSUER', 'REDRESS_OPERATOR_JWKS_URL'];
    const cursor = 'REDRESS_CURSOR_KEY';
    const queue = 'REDRESS_WEBHOOK_QUEUE_URL';
    const publicUrl = 'REDRESS_PUBLIC_URL';
    expect(redress('api')).toEqual(
      [
        'REDRESS_STATE_MACHINE_ARN',
        'REDRESS_TABLE_PREFIX',
        'REDRESS_TENANT_ROLE_ARN',
        cursor,
        queue,
        publicUrl,
        ...idp,
      ].sort(),
    );
    for (const n of ['webhook-dispatcher', 'webhook-sender'] as const)
      expect(redress(n), n).toEqual(['REDRESS_TABLE_PREFIX', 'REDRESS_TENANT_ROLE_ARN', queue]);
    expect(redress('admin')).toEqual(
      [
        'REDRESS_PROVISIONER_FUNCTION',
        'REDRESS_STATE_MACHINE_ARN',
        'REDRESS_TABLE_PREFIX',
        'REDRESS_TENANT_ROLE_ARN',
        cursor,
        ...operator,
      ].sort(),
    );
    expect(redress('regulator')).toEqual(
      [
        'REDRESS_REGULATOR_AUDIENCE',
        'REDRESS_REGULATOR_ISSUER',
        'REDRESS_REGULATOR_JWKS_URL',
        'REDRESS_TABLE_PREFIX',
        cursor,
        publicUrl,
      ].sort(),
    );
    // Identity values are the deploy's parameters, the cursor key the secret this stack generates.
    expect(render(envOf('admin').REDRESS_OPERATOR_ISSUER)).toBe('<OperatorIssuer>');
    expect(render(envOf('admin').REDRESS_OPERATOR_JWKS_URL)).toBe('<OperatorJwksUrl>');
    const secretId = s.logicalId(s.stack.http.cursorKey.node.defaultChild);
    for (const n of ['api', 'admin', 'regulator'] as const) {
      const value = JSON.stringify(envOf(n)[cursor]);
      expect(value, n).toContain('{{resolve:secretsmanager:');
      expect(value, n).toContain(`"Ref":"${secretId}"`);
    }
    expect(redress('workflow')).toEqual([
      'REDRESS_EVENT_BUS',
      'REDRESS_STATE_MACHINE_ARN',
      'REDRESS_TABLE_PREFIX',
      'REDRESS_TENANT_ROLE_ARN',
    ]);
    expect(redress('provisioner')).toEqual(['REDRESS_TABLE_PREFIX', 'REDRESS_WEBHOOK_DISPATCHER_FUNCTION']);
    expect(envOf('provisioner').REDRESS_WEBHOOK_DISPATCHER_FUNCTION).toEqual({
      Ref: s.logicalId(s.stack.functions['webhook-dispatcher'].node.defaultChild),
    });
    // The workflow's state machine ARN is the one actually deployed (constructed from the fixed name).
    expect(render(envOf('workflow').REDRESS_STATE_MACHINE_ARN)).toBe(
      `arn:<AWS::Partition>:states:eu-central-1:<AWS::AccountId>:stateMachine:${PREFIX}lifecycle`,
    );
  });

  it('sends failed asynchronous provisioner invocations to the DLQ', () => {
    s.template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: s.logicalId(s.stack.functions.provisioner.node.defaultChild) },
      DestinationConfig: {
        OnFailure: { Destination: { 'Fn::GetAtt': [Match.stringLikeRegexp('^DeadLetterQueue'), 'Arn'] } },
      },
    });
  });
});

describe('state machine', () => {
  it('is the shared ASL definition, with the workflow function substituted', () => {
    const [[, sm]] = byType('AWS::StepFunctions::StateMachine') as [[string, any]];
    const p = sm.Properties;
    expect(p.StateMachineType).toBe('STANDARD');
    expect(p.StateMachineName).toBe(`${PREFIX}lifecycle`);
    expect(typeof p.DefinitionString).toBe('string');
    expect(JSON.parse(p.DefinitionString)).toEqual(lifecycleDefinition());
    const workflowArn = { 'Fn::GetAtt': [s.logicalId(s.stack.functions.workflow.node.defaultChild), 'Arn'] };
    expect(p.DefinitionSubstitutions).toEqual({ WorkflowFunctionArn: workflowArn });
    // Resolving the substitutions as CloudFormation does gives what the shared renderer produces.
    const fakeArn = 'arn:aws:lambda:eu-central-1:123456789012:function:workflow';
    const resolved = (p.DefinitionString as string).replace(/\$\{(\w+)\}/g, (_, k: string) =>
      k === 'WorkflowFunctionArn' ? fakeArn : `UNRESOLVED:${k}`,
    );
    expect(resolved).toBe(renderDefinition({ WorkflowFunctionArn: fakeArn }));
    expect(resolved).not.toContain('UNRESOLVED');
  });

  it('logs ALL to a log group and traces; its role invokes only the workflow function', () => {
    s.template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      LoggingConfiguration: {
        Level: 'ALL',
        Destinations: [
          {
            CloudWatchLogsLogGroup: {
              LogGroupArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^LifecycleLogs'), 'Arn'] },
            },
          },
        ],
      },
      TracingConfiguration: { Enabled: true },
    });
    const invokes = allStatements(s.json).filter((o) =>
      actionsOf(o.statement).some((a) => a.startsWith('lambda:Invoke')),
    );
    const smRole = s.logicalId(s.stack.lifecycle.stateMachine.role.node.defaultChild);
    const workflowArn = `<${s.logicalId(s.stack.functions.workflow.node.defaultChild)}.Arn>`;
    const provisionerArn = `<${s.logicalId(s.stack.functions.provisioner.node.defaultChild)}.Arn>`;
    expect(invokes.map((o) => ({ roles: o.roles, resources: resourcesOf(o.statement) }))).toEqual(
      expect.arrayContaining([
        { roles: [smRole], resources: [workflowArn] },
        { roles: [roleId('admin')], resources: [provisionerArn] },
      ]),
    );
    expect(invokes).toHaveLength(2); // nobody else invokes functions; only admin reaches the provisioner
  });

  it('sends failed, timed-out and aborted executions to the DLQ', () => {
    s.template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: {
        source: ['aws.states'],
        'detail-type': ['Step Functions Execution Status Change'],
        detail: {
          status: ['FAILED', 'TIMED_OUT', 'ABORTED'],
          stateMachineArn: [{ Ref: Match.stringLikeRegexp('^Lifecycle') }],
        },
      },
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^DeadLetterQueue'), 'Arn'] } })],
    });
  });

  it('lets api and workflow send task results to this state machine only', () => {
    for (const n of ['api', 'workflow'] as const) {
      const st = allStatements(s.json).filter(
        (o) => o.roles.includes(roleId(n)) && actionsOf(o.statement).includes('states:SendTaskSuccess'),
      );
      expect(
        st.flatMap((o) => resourcesOf(o.statement)),
        n,
      ).toEqual([`arn:<AWS::Partition>:states:eu-central-1:<AWS::AccountId>:stateMachine:${PREFIX}lifecycle`]);
    }
  });

  it("lets only the admin role stop executions (lifecycle repair), this machine's only, and start and describe their successors", () => {
    const MACHINE = `arn:<AWS::Partition>:states:eu-central-1:<AWS::AccountId>:stateMachine:${PREFIX}lifecycle`;
    const EXECUTIONS = `arn:<AWS::Partition>:states:eu-central-1:<AWS::AccountId>:execution:${PREFIX}lifecycle:*`;
    const granting = (action: string) => allStatements(s.json).filter((o) => actionsOf(o.statement).includes(action));
    const stops = granting('states:StopExecution');
    expect(stops.map((o) => o.roles)).toEqual([[roleId('admin')]]);
    expect(resourcesOf(stops[0]!.statement)).toEqual([EXECUTIONS]);
    const admin = (action: string) =>
      granting(action)
        .filter((o) => o.roles.includes(roleId('admin')))
        .flatMap((o) => resourcesOf(o.statement));
    expect(admin('states:DescribeExecution')).toEqual([EXECUTIONS]);
    expect(admin('states:StartExecution')).toEqual([MACHINE]);
  });
});

describe('IAM: tenant isolation and least privilege (every policy document in the template)', () => {
  const TENANT_TAGGED = `arn:<AWS::Partition>:dynamodb:eu-central-1:<AWS::AccountId>:table/${PREFIX}tenant-\${aws:PrincipalTag/tenant}`;
  const TENANT_ANY = `arn:<AWS::Partition>:dynamodb:eu-central-1:<AWS::AccountId>:table/${PREFIX}tenant-*`;
  const CONTROL = `arn:<AWS::Partition>:dynamodb:eu-central-1:<AWS::AccountId>:table/${PREFIX}control-plane`;
  const PROVISIONING = [
    'dynamodb:CreateTable',
    'dynamodb:DescribeTable',
    // Migration of an existing tenant table (shared/store/table-migration.ts): GSIs, stream, TTL.
    'dynamodb:UpdateTable',
    'dynamodb:DescribeTimeToLive',
    'dynamodb:UpdateContinuousBackups',
    'dynamodb:UpdateTimeToLive',
    'dynamodb:TagResource',
  ];
  const ddb = () =>
    allStatements(s.json).filter((o) =>
      actionsOf(o.statement).some((a) => a.toLowerCase().startsWith('dynamodb:') || a === '*'),
    );

  it('finds the policies it checks', () => {
    expect(allStatements(s.json).length).toBeGreaterThan(30);
    expect(ddb().length).toBeGreaterThan(5);
  });

  it('never grants dynamodb:* (or any wildcard action) nor a dynamodb action on "*"', () => {
    for (const o of allStatements(s.json)) {
      const st = o.statement;
      expect(st.NotAction, o.where).toBeUndefined();
      expect(st.NotResource, o.where).toBeUndefined();
      for (const a of actionsOf(st)) {
        if (a === '*' || a.toLowerCase().startsWith('dynamodb:')) {
          expect(a, o.where).not.toContain('*');
        }
      }
    }
    for (const o of ddb()) {
      expect(o.statement.Effect, o.where).toBe('Allow');
      for (const r of resourcesOf(o.statement)) expect(r, o.where).not.toMatch(/^\*$|:table\/\*|:\*$/);
    }
  });

  it('reaches tenant tables only via the tagged pattern (TenantDataRole), read-only (regulator) or to create them (provisioner)', () => {
    const tenantDataRole = tenantDataRoleId();
    const seen = new Set<string>();
    for (const o of ddb()) {
      const actions = actionsOf(o.statement);
      for (const r of resourcesOf(o.statement)) {
        seen.add(r);
        if (r === CONTROL || r === `${CONTROL}/index/*`) continue;
        if (r === TENANT_TAGGED || r === `${TENANT_TAGGED}/index/*`) {
          expect(o.roles, o.where).toEqual([tenantDataRole]);
          expect(
            actions.every((a) => TENANT_ITEM_ACTIONS.includes(a)),
            o.where,
          ).toBe(true);
          continue;
        }
        if (r === `${TENANT_ANY}/stream/*`) {
          // The webhook dispatcher reads tenant tables' streams, and nothing else of them.
          expect(o.roles, o.where).toEqual([roleId('webhook-dispatcher')]);
          expect(actions.sort(), o.where).toEqual([
            'dynamodb:DescribeStream',
            'dynamodb:GetRecords',
            'dynamodb:GetShardIterator',
            'dynamodb:ListStreams',
          ]);
          continue;
        }
        if (r === TENANT_ANY || r === `${TENANT_ANY}/index/*`) {
          if (o.roles.length === 1 && o.roles[0] === roleId('regulator')) {
            expect(
              actions.every((a) => READ_ACTIONS.includes(a)),
              o.where,
            ).toBe(true);
          } else {
            expect(o.roles, o.where).toEqual([roleId('provisioner')]);
            expect(
              actions.filter((a) => !PROVISIONING.includes(a)),
              o.where,
            ).toEqual([]);
            expect(r, o.where).toBe(TENANT_ANY); // no index (no item) access for the provisioner
          }
          continue;
        }
        throw new Error(`unexpected DynamoDB resource ${r} in ${o.where}`);
      }
    }
    expect([...seen].sort()).toEqual(
      [
        CONTROL,
        `${CONTROL}/index/*`,
        TENANT_TAGGED,
        `${TENANT_TAGGED}/index/*`,
        TENANT_ANY,
        `${TENANT_ANY}/index/*`,
        `${TENANT_ANY}/stream/*`,
      ].sort(),
    );
  });

  it('gives the TenantDataRole exactly the item actions on its own table and indexes, and KMS on its own tenant key', () => {
    const st = allStatements(s.json).filter((o) => o.roles.includes(tenantDataRoleId()) && !o.where.endsWith('#trust'));
    const table = st.find((o) => o.statement.Sid === 'OwnTenantTableOnly')!.statement;
    expect(actionsOf(table).sort()).toEqual([...TENANT_ITEM_ACTIONS].sort());
    expect(resourcesOf(table)).toEqual([TENANT_TAGGED, `${TENANT_TAGGED}/index/*`]);
    const kms = st.find((o) => o.statement.Sid === 'OwnTenantKeyOnly')!.statement;
    expect(actionsOf(kms).sort()).toEqual(['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey']);
    expect(kms.Condition).toEqual({ StringEquals: { 'aws:ResourceTag/tenant': '${aws:PrincipalTag/tenant}' } });
    expect(st).toHaveLength(2);
  });

  it('lets only the api, workflow, admin (calendar recount) and webhook roles assume the TenantDataRole, and only with a tenant session tag', () => {
    const trust = allStatements(s.json).filter((o) => o.where === `${tenantDataRoleId()}#trust`);
    expect(trust).toHaveLength(1);
    const t = trust[0]!.statement;
    expect(actionsOf(t).sort()).toEqual(['sts:AssumeRole', 'sts:TagSession']);
    const assuming = ['api', 'workflow', 'admin', 'webhook-dispatcher', 'webhook-sender'] as const;
    expect((t.Principal as { AWS: unknown[] }).AWS.map(render).sort()).toEqual(
      assuming.map((n) => `<${roleId(n)}.Arn>`).sort(),
    );
    expect(t.Condition?.StringLike?.['aws:RequestTag/tenant']).toBe('?*');
    const assumers = allStatements(s.json).filter(
      (o) => actionsOf(o.statement).includes('sts:AssumeRole') && !o.where.endsWith('#trust'),
    );
    expect(assumers.flatMap((o) => o.roles).sort()).toEqual(assuming.map(roleId).sort());
  });

  it('gives api and workflow no direct tenant-table access, the regulator read-only access only', () => {
    for (const n of ['api', 'workflow', 'regulator', 'admin'] as const) {
      const st = ddb().filter((o) => o.roles.includes(roleId(n)));
      const resources = st.flatMap((o) => resourcesOf(o.statement));
      if (n === 'regulator') {
        expect(
          st.flatMap((o) => actionsOf(o.statement)).every((a) => READ_ACTIONS.includes(a)),
          n,
        ).toBe(true);
      } else {
        expect(
          resources.filter((r) => r.includes(`${PREFIX}tenant-`)),
          n,
        ).toEqual([]);
      }
      if (n === 'api' || n === 'workflow') {
        expect(
          st.flatMap((o) => actionsOf(o.statement)).every((a) => READ_ACTIONS.includes(a)),
          n,
        ).toBe(true);
      }
    }
  });

  it('decrypts tenant data only through the TenantDataRole (the regulator via DynamoDB only); "*" only for kms:CreateKey', () => {
    const tenantDataRole = tenantDataRoleId();
    for (const o of allStatements(s.json)) {
      if (o.kind === 'AWS::KMS::Key') continue; // key policies: account root + CloudWatch on the ops key
      const actions = actionsOf(o.statement);
      const resources = resourcesOf(o.statement);
      if (actions.includes('kms:Decrypt')) {
        const onTenantKeys = resources.some((r) => r.includes(':key/*'));
        // The regulator reads tenant tables (encrypted at rest with the tenant key) and never
        // decrypts a field itself: only through DynamoDB.
        const viaDynamoDb = /^dynamodb\./.test(String(o.statement.Condition?.StringEquals?.['kms:ViaService'] ?? ''));
        if (onTenantKeys && viaDynamoDb) expect(o.roles, o.where).toEqual([roleId('regulator')]);
        else if (onTenantKeys) expect(o.roles, o.where).toEqual([tenantDataRole]);
      }
      if (resources.includes('*')) {
        const ok = actions.every((a) =>
          /^(xray:|logs:(Create|Delete|Describe|Get|List|Put|Update)(Log|Resource)|kms:CreateKey$|kms:TagResource$|lambda:(Create|List)EventSourceMappings?$)/.test(
            a,
          ),
        );
        expect({ where: o.where, actions, ok }).toEqual({ where: o.where, actions, ok: true });
        if (actions.includes('kms:CreateKey')) expect(o.roles, o.where).toEqual([roleId('provisioner')]);
        if (actions.includes('lambda:CreateEventSourceMapping')) {
          // Only the provisioner, and only mappings onto the webhook dispatcher.
          expect(o.roles, o.where).toEqual([roleId('provisioner')]);
          expect(render(o.statement.Condition?.StringEquals?.['lambda:FunctionArn'])).toBe(
            `<${s.logicalId(s.stack.functions['webhook-dispatcher'].node.defaultChild)}.Arn>`,
          );
        }
      }
    }
  });
});

describe('the regulator, read-only in AWS', () => {
  it('no policy in the template gives the regulator role a write, or KMS beyond Decrypt via DynamoDB', () => {
    const regulator = roleId('regulator');
    const mine = allStatements(s.json).filter((o) => o.kind !== 'AWS::KMS::Key' && o.roles.includes(regulator));
    expect(mine.length).toBeGreaterThan(0);
    const actions = mine.flatMap((o) => actionsOf(o.statement));
    const writes = actions.filter((a) =>
      /^(dynamodb:(Put|Update|Delete|BatchWrite|TransactWrite|Create|Restore|Import)|kms:(Encrypt|GenerateDataKey|ReEncrypt|CreateGrant)|states:(Start|Send|Stop)|sqs:Delete|s3:(Put|Delete))/.test(
        a,
      ),
    );
    expect(writes).toEqual([]);
    // Tenant keys (key/*) only through DynamoDB; the control-plane key is the one other it may use, to read that table.
    const decrypts = mine.filter((x) => actionsOf(x.statement).includes('kms:Decrypt'));
    const onTenantKeys = decrypts.filter((o) => resourcesOf(o.statement).some((r) => r.includes(':key/*')));
    expect(onTenantKeys).toHaveLength(1);
    expect(onTenantKeys[0]!.statement.Condition?.StringEquals?.['kms:ViaService']).toMatch(/^dynamodb\./);
    for (const o of decrypts.filter((d) => !onTenantKeys.includes(d)))
      expect(resourcesOf(o.statement), o.where).toEqual([
        `<${s.logicalId(s.stack.controlPlane.key.node.defaultChild)}.Arn>`,
      ]);
  });
});

describe('data, queues, alarms', () => {
  it('control-plane table: name, keys, byKind GSI, PITR, deletion protection, customer-managed KMS', () => {
    const tables = [...byType('AWS::DynamoDB::GlobalTable'), ...byType('AWS::DynamoDB::Table')];
    expect(tables).toHaveLength(1);
    const p = tables[0]![1].Properties!;
    expect(p.TableName).toBe(`${PREFIX}control-plane`);
    expect(p.KeySchema).toEqual([
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ]);
    expect(p.GlobalSecondaryIndexes[0]).toMatchObject({
      IndexName: 'byKind',
      KeySchema: [
        { AttributeName: 'gsi1pk', KeyType: 'HASH' },
        { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
      ],
    });
    expect(p.SSESpecification).toEqual({ SSEEnabled: true, SSEType: 'KMS' });
    for (const replica of p.Replicas) {
      expect(replica.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
      expect(replica.DeletionProtectionEnabled).toBe(true);
      expect(render(replica.SSESpecification.KMSMasterKeyId)).toBe(
        `<${s.logicalId(s.stack.controlPlane.key.node.defaultChild)}.Arn>`,
      );
    }
  });

  it('customer-managed keys rotate', () => {
    for (const [id, k] of byType('AWS::KMS::Key')) expect(k.Properties!.EnableKeyRotation, id).toBe(true);
  });

  it('every log group has a retention', () => {
    const groups = byType('AWS::Logs::LogGroup');
    expect(groups.length).toBeGreaterThanOrEqual(7);
    for (const [id, g] of groups) expect(g.Properties!.RetentionInDays, id).toBeGreaterThan(0);
  });

  it('the DLQ is encrypted and refuses non-TLS access', () => {
    s.template.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true });
    s.template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('has the lifecycle event bus, alarms to an SNS topic with the e-mail subscription, and a dashboard', () => {
    s.template.resourceCountIs('AWS::Events::EventBus', 1);
    s.template.hasResource('AWS::SNS::Subscription', {
      Properties: { Protocol: 'email', Endpoint: { Ref: 'AlarmEmail' } },
      Condition: Match.anyValue(),
    });
    const alarms = byType('AWS::CloudWatch::Alarm').map(([, a]) => a.Properties!);
    expect(alarms.length).toBeGreaterThanOrEqual(4);
    for (const a of alarms)
      expect(a.AlarmActions.map(render), a.AlarmDescription).toEqual([expect.stringMatching(/^<AlarmTopic/)]);
    const text = JSON.stringify(alarms);
    expect(text).toContain('ApproximateNumberOfMessagesVisible');
    expect(text).toContain('ExecutionsFailed');
    expect(text).toContain('5xx');
    expect(text).toContain('Throttles');
    s.template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
  });
});
