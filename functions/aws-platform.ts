import { randomBytes } from 'node:crypto';
import { Logger as PowertoolsLogger } from '@aws-lambda-powertools/logger';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { EventBridgeNotifier } from '../shared/adapters/aws/eventbridge-notifier';
import { KmsKeyProvider } from '../shared/adapters/aws/kms-key-provider';
import { LambdaProvisioner } from '../shared/adapters/aws/lambda-provisioner';
import { powertoolsLogger } from '../shared/adapters/aws/powertools-logger';
import { SqsDeliveryQueue } from '../shared/adapters/aws/sqs-delivery-queue';
import { StepFunctionsEngine } from '../shared/adapters/aws/step-functions-engine';
import { tenantScopedDocumentClient } from '../shared/adapters/aws/tenant-scoped-dynamodb';
import { httpWebhookSender } from '../shared/adapters/node/http-webhook-sender';
import { CalendarSource } from '../shared/application/calendar-source';
import type { Platform } from '../shared/application/platform';
import { TenantDirectory } from '../shared/application/tenant-directory';
import { TenantSettingsCache } from '../shared/application/tenant-settings';
import { externalIssuersFromEnv, externalTrustedIssuers } from '../shared/auth/trusted-issuers';
import { createTokenVerifier, type TrustedIssuer } from '../shared/auth/verifier';
import { requestLogFields } from '../shared/http/request-log-fields';
import { FieldCipher } from '../shared/pii/field-cipher';
import { KeyedHasher } from '../shared/pii/keyed-hash';
import { systemClock } from '../shared/ports/clock';
import type { WorkflowEngine } from '../shared/ports/workflow-engine';
import { repositories } from '../shared/store/repositories';
import { controlPlaneTable } from '../shared/store/table-names';
import { type AwsEnv, AwsEnvSchema } from './aws-env';

const missing = (what: string) => () => Promise.reject(new Error(`${what} is not configured for this function`));

const noEngine: WorkflowEngine = {
  startExecution: missing('the state machine'),
  sendTaskSuccess: missing('the state machine'),
  sendTaskFailure: missing('the state machine'),
  describeExecution: missing('the state machine'),
  restartExecution: missing('the state machine'),
};

/** The AWS platform, with its tenant-scoped client kept for the provisioner's own adapter. */
export type AwsPlatform = Platform & { db: DynamoDBDocumentClient };

/**
 * The AWS composition root: the same application, with DynamoDB reached through tenant-scoped
 * credentials, KMS-wrapped tenant keys, Step Functions, EventBridge and Powertools behind the ports.
 * Built at module load without any network call, so a cold start pays only for imports.
 */
export function awsPlatform(env: AwsEnv = AwsEnvSchema.parse(process.env), service = 'redress'): AwsPlatform {
  const region = env.AWS_REGION;
  const naming = { prefix: env.REDRESS_TABLE_PREFIX };
  const controlTable = controlPlaneTable(naming);
  const logger = powertoolsLogger(new PowertoolsLogger({ serviceName: service }), requestLogFields);
  const db = tenantScopedDocumentClient({
    region,
    tablePrefix: env.REDRESS_TABLE_PREFIX,
    tenantRoleArn: env.REDRESS_TENANT_ROLE_ARN,
  });
  const keys = new KmsKeyProvider({ db, controlTable, region, tenantRoleArn: env.REDRESS_TENANT_ROLE_ARN });
  // Every repository goes through the tenant-scoped client: a tenant table only under its tenant's role.
  const repos = repositories(db, naming);
  return {
    db,
    naming,
    ...repos,
    // Other instances learn of a suspension within this TTL; the one that suspended, at once.
    directory: new TenantDirectory(repos.tenants, 2000),
    settings: new TenantSettingsCache(5000),
    // Other instances count with a newly loaded year within this TTL; the one that stored it, at once.
    calendars: new CalendarSource(repos.calendarYears, 30_000),
    webhookDelivery: {
      sender: httpWebhookSender,
      queue: env.REDRESS_WEBHOOK_QUEUE_URL
        ? new SqsDeliveryQueue(region, env.REDRESS_WEBHOOK_QUEUE_URL, systemClock)
        : { enqueue: missing('the webhook queue') },
      strictDestinations: true,
    },
    cipher: new FieldCipher(keys),
    hasher: new KeyedHasher(keys),
    clock: systemClock,
    provisioner: env.REDRESS_PROVISIONER_FUNCTION
      ? new LambdaProvisioner(region, env.REDRESS_PROVISIONER_FUNCTION)
      : { provision: missing('the provisioner') },
    workflow: env.REDRESS_STATE_MACHINE_ARN
      ? new StepFunctionsEngine(env.REDRESS_STATE_MACHINE_ARN, (m) => new m.SFNClient({ region }))
      : noEngine,
    notifier: env.REDRESS_EVENT_BUS
      ? new EventBridgeNotifier(region, env.REDRESS_EVENT_BUS)
      : { escalation: async ({ level, ...n }) => logger.info('escalation', { ...n, escalationLevel: level }) },
    logger,
    randomBytes: (n) => new Uint8Array(randomBytes(n)),
    maxBackdateDays: env.REDRESS_MAX_BACKDATE_DAYS,
  };
}

/**
 * Issuers the in-app verification trusts (API Gateway's JWT authorizer has checked them already),
 * each limited to its own grants: the operator's role only from the operator's issuer.
 */
export const awsTrustedIssuers = (env: AwsEnv): TrustedIssuer[] => externalTrustedIssuers(externalIssuersFromEnv(env));

export const verifierFor = (env: AwsEnv) => createTokenVerifier(awsTrustedIssuers(env));
