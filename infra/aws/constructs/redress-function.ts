import { type Duration, RemovalPolicy } from 'aws-cdk-lib';
import type * as iam from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { bundlingOptionsFor, entryOf, type FunctionName, REPO_ROOT } from '../bundling';
import { acknowledge } from './cdk-nag';

export type RedressFunctionProps = {
  role: iam.Role;
  tablePrefix: string;
  /** The function's own `REDRESS_*` variables (functions/aws-env.ts), beside the common ones. */
  env: Record<string, string>;
  timeout: Duration;
  memory: number;
  description: string;
};

/** `webhook-sender` → `WebhookSender`: construct ids and alarm names of a function. */
export const cap = (s: string) =>
  s
    .split('-')
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');

/**
 * One of the five functions, built the same way whichever concern owns it: nodejs22.x on arm64,
 * X-Ray, its own retained log group, the shared bundling. `<Name>Logs` and `<Name>Function` are
 * created in `scope` directly (their logical ids predate the constructs).
 */
export function redressFunction(scope: Construct, name: FunctionName, o: RedressFunctionProps): NodejsFunction {
  const logGroup = new LogGroup(scope, `${cap(name)}Logs`, {
    retention: RetentionDays.THREE_MONTHS,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  const f = new NodejsFunction(scope, `${cap(name)}Function`, {
    entry: entryOf(name),
    handler: 'handler',
    projectRoot: REPO_ROOT,
    depsLockFilePath: `${REPO_ROOT}/package-lock.json`,
    runtime: Runtime.NODEJS_22_X,
    architecture: Architecture.ARM_64,
    memorySize: o.memory,
    timeout: o.timeout,
    description: o.description,
    role: o.role,
    logGroup,
    tracing: Tracing.ACTIVE,
    bundling: bundlingOptionsFor(name),
    environment: {
      REDRESS_TABLE_PREFIX: o.tablePrefix,
      NODE_OPTIONS: '--enable-source-maps',
      POWERTOOLS_SERVICE_NAME: `redress-${name === 'api' ? 'tenant' : name}`,
      ...o.env,
    },
  });
  acknowledge(
    o.role,
    'AwsSolutions-IAM5[Resource::*]',
    'X-Ray tracing (xray:PutTraceSegments, xray:PutTelemetryRecords) has no resource-level permissions.',
  );
  acknowledge(
    f,
    'AwsSolutions-L1',
    'The platform targets nodejs22.x (the runtime the code, esbuild target and tests are built for); moving to a newer runtime is a deliberate upgrade.',
  );
  logGroup.grantWrite(o.role);
  return f;
}
