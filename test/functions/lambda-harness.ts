import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { type CryptoKey, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { inject } from 'vitest';
import { esbuildOptionsFor, type FunctionName, WEB_FUNCTION_NAMES } from '../../infra/aws/bundling';
import { writeWebAssets } from '../../infra/aws/web-assets-file';
import { ensureTable } from '../../infra/local/adapters/ensure-table';
import { createDocumentClient, localClientConfig } from '../../shared/store/dynamo-client';
import { controlPlaneTableDefinition } from '../../shared/store/table-schemas';
import { type AwsCall, startFakeAws } from '../support/fake-aws';

export type Handler = (event: unknown, context?: unknown) => Promise<any>;
export const lambdaContext = {
  functionName: 'redress',
  awsRequestId: 'req-1',
  getRemainingTimeInMillis: () => 30_000,
};

const ROOT = resolve(import.meta.dirname, '../..');
export const ISSUER = 'https://idp.bank.example/';
export const AUDIENCE = 'redress-api';
export const REGULATOR_ISSUER = 'https://sso.regulator.example/';
export const REGULATOR_AUDIENCE = 'redress-regulator';
export const OPERATOR_ISSUER = 'https://sso.operator.example/';
export const OPERATOR_AUDIENCE = 'redress-operator';
/** The platform secret the stack hands the api, admin and regulator functions (here a fixed test value). */
export const CURSOR_KEY = 'test-platform-secret-0123456789abcdefghijklmnop';

type Signer = (claims: Record<string, unknown>) => Promise<string>;

/**
 * The Lambda bundles as the CDK stack builds them (esbuild with the stack's options, plus the pages'
 * assets for the functions with pages), run against DynamoDB Local, with STS, KMS, Step Functions,
 * Lambda, EventBridge and SQS as loopback fakes speaking the services' wire formats
 * (test/support/fake-aws.ts) and the three issuers' keys on the fake's JWKS. Sets `process.env` as
 * the stack sets the functions' environment: one harness per test file.
 */
export async function lambdaHarness(name: string) {
  const prefix = `${name}${process.pid}-`;
  const out = join(ROOT, '.tmp', 'bundles', `${process.pid}-${name}`);
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256' };
  const regulatorKeys = await generateKeyPair('ES256');
  const regulatorJwk = { ...(await exportJWK(regulatorKeys.publicKey)), kid: 'k2', alg: 'ES256' };
  const dynamo = inject('dynamoEndpoint');
  const fake = await startFakeAws(() => ({ keys: [jwk, regulatorJwk] }), dynamo);
  const signer =
    (iss: string, aud: string, kid: string, key: CryptoKey): Signer =>
    (claims) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'ES256', kid })
        .setIssuer(iss)
        .setAudience(aud)
        .setIssuedAt()
        .setExpirationTime('10m')
        .sign(key);

  const db = createDocumentClient(localClientConfig(dynamo));
  await ensureTable(db, controlPlaneTableDefinition(`${prefix}control-plane`));
  db.destroy();
  Object.assign(process.env, {
    AWS_REGION: 'ap-east-1',
    AWS_ACCESS_KEY_ID: 'AKIAFAKE',
    AWS_SECRET_ACCESS_KEY: 'fake',
    AWS_ENDPOINT_URL_DYNAMODB: fake.url,
    AWS_ENDPOINT_URL_STS: fake.url,
    AWS_ENDPOINT_URL_KMS: fake.url,
    AWS_ENDPOINT_URL_SFN: fake.url,
    AWS_ENDPOINT_URL_LAMBDA: fake.url,
    AWS_ENDPOINT_URL_EVENTBRIDGE: fake.url,
    AWS_ENDPOINT_URL_SQS: fake.url,
    // The SQS client sends to the queue URL's host: the fake's.
    REDRESS_WEBHOOK_QUEUE_URL: `${fake.url}/123456789012/redress-dev-webhooks`,
    REDRESS_TABLE_PREFIX: prefix,
    REDRESS_TENANT_ROLE_ARN: 'arn:aws:iam::123456789012:role/redress-tenant-data',
    REDRESS_STATE_MACHINE_ARN: 'arn:aws:states:ap-east-1:123456789012:stateMachine:redress-lifecycle',
    REDRESS_PROVISIONER_FUNCTION: 'redress-provisioner',
    REDRESS_EVENT_BUS: 'redress-lifecycle',
    REDRESS_IDP_ISSUER: ISSUER,
    REDRESS_IDP_AUDIENCE: AUDIENCE,
    REDRESS_IDP_JWKS_URL: `${fake.url}/jwks.json`,
    REDRESS_REGULATOR_ISSUER: REGULATOR_ISSUER,
    REDRESS_REGULATOR_AUDIENCE: REGULATOR_AUDIENCE,
    REDRESS_REGULATOR_JWKS_URL: `${fake.url}/jwks.json`,
    REDRESS_OPERATOR_ISSUER: OPERATOR_ISSUER,
    REDRESS_OPERATOR_AUDIENCE: OPERATOR_AUDIENCE,
    REDRESS_OPERATOR_JWKS_URL: `${fake.url}/jwks.json`,
    REDRESS_CURSOR_KEY: CURSOR_KEY,
    REDRESS_PUBLIC_URL: 'https://abc123.execute-api.ap-east-1.amazonaws.com',
    POWERTOOLS_LOG_LEVEL: 'WARN',
  });
  mkdirSync(out, { recursive: true });

  return {
    fake,
    prefix,
    sign: signer(ISSUER, AUDIENCE, 'k1', privateKey),
    signRegulator: signer(REGULATOR_ISSUER, REGULATOR_AUDIENCE, 'k2', regulatorKeys.privateKey),
    signOperator: signer(OPERATOR_ISSUER, OPERATOR_AUDIENCE, 'k1', privateKey),
    callsOf: (service: string, action: string): AwsCall[] =>
      fake.calls.filter((c) => c.service === service && c.action === action),
    /** One function's bundle, built and loaded: its module scope runs here, as at a cold start. */
    async bundle(fn: FunctionName): Promise<Handler> {
      const dir = join(out, fn);
      await build(esbuildOptionsFor(fn, dir));
      if ((WEB_FUNCTION_NAMES as readonly string[]).includes(fn)) await writeWebAssets(dir);
      return ((await import(pathToFileURL(join(dir, 'index.mjs')).href)) as { handler: Handler }).handler;
    },
    stop: () => fake.stop(),
  };
}
