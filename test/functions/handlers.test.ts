import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDocumentClient, localClientConfig } from '../../shared/store/dynamo-client';
import { DESCRIPTION_REDACTED, intakeBody, PII } from '../support/fixtures';
import streamEvent from './events/dynamodb-stream.json';
import httpEvent from './events/http-api-v2.json';
import sfnTask from './events/sfn-task.json';
import sqsEvent from './events/sqs.json';
import { lambdaContext as context, type Handler, lambdaHarness } from './lambda-harness';

/**
 * Each Lambda bundle, built as the CDK stack builds it, invoked with a recorded event of its trigger
 * against DynamoDB Local; STS, KMS, Step Functions, Lambda and EventBridge are loopback fakes that
 * speak the services' wire formats (test/support/fake-aws.ts).
 */
let h: Awaited<ReturnType<typeof lambdaHarness>>;
let PREFIX = '';
let sign: (claims: Record<string, unknown>) => Promise<string>;
let signRegulator: (claims: Record<string, unknown>) => Promise<string>;
let signOperator: (claims: Record<string, unknown>) => Promise<string>;
const handlers: Record<string, Handler> = {};

function http(method: string, path: string, token: string, body?: unknown, headers: Record<string, string> = {}) {
  return {
    ...httpEvent,
    routeKey: `ANY /${path.split('/')[1]}/{proxy+}`,
    rawPath: path,
    headers: { ...httpEvent.headers, authorization: `Bearer ${token}`, ...headers },
    requestContext: { ...httpEvent.requestContext, http: { ...httpEvent.requestContext.http, method, path } },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  };
}

const callsOf = (service: string, action: string) => h.callsOf(service, action);

beforeAll(async () => {
  h = await lambdaHarness('fn');
  ({ sign, signRegulator, signOperator, prefix: PREFIX } = h);
  for (const name of [
    'admin',
    'provisioner',
    'api',
    'workflow',
    'regulator',
    'webhook-dispatcher',
    'webhook-sender',
  ] as const)
    handlers[name] = await h.bundle(name);
}, 120_000);

afterAll(async () => {
  await h?.stop();
});

describe('Lambda bundles on recorded trigger events', () => {
  let complaintId = '';

  it('admin → provisioner: onboarding hands off to the provisioner, which creates the key, table and wrapped keys', async () => {
    const admin = await signOperator({ sub: 'ops-1', roles: ['platform-admin'] });
    const res = await handlers.admin!(
      http('POST', '/admin/v1/tenants', admin, {
        id: 'hk-bank',
        name: 'HK Bank',
        kind: 'bank',
        policy: 'cn-nfra-2020',
      }),
      context,
    );
    expect(res.statusCode).toBe(201);
    expect(JSON.parse(res.body)).toMatchObject({ id: 'hk-bank', status: 'provisioning' });
    const invoke = callsOf('lambda', 'Invoke').at(-1)!;
    expect(invoke.headers['x-amz-invocation-type']).toBe('Event');

    await handlers.provisioner!(invoke.body, context);
    expect(callsOf('kms', 'CreateKey')[0]?.body.Tags).toEqual([{ TagKey: 'tenant', TagValue: 'hk-bank' }]);
    expect(callsOf('kms', 'GenerateDataKey').map((c) => c.body.EncryptionContext)).toEqual([
      { tenant: 'hk-bank' },
      { tenant: 'hk-bank' },
    ]);
    expect(callsOf('dynamodb', 'UpdateContinuousBackups')[0]?.body).toEqual({
      TableName: `${PREFIX}tenant-hk-bank`,
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    });
    const list = await handlers.admin!(http('GET', '/admin/v1/tenants', admin), context);
    expect(JSON.parse(list.body).items.find((t: { id: string }) => t.id === 'hk-bank').status).toBe('active');
    // A retried provisioning completes without a second key.
    await handlers.provisioner!(invoke.body, context);
    expect(callsOf('kms', 'CreateKey')).toHaveLength(1);
  });

  it('api: registers a complaint through tenant-tagged credentials and starts its execution', async () => {
    const intake = await sign({ sub: 'clerk-1', tenant_id: 'hk-bank', roles: ['intake', 'pii:read'] });
    const res = await handlers.api!(
      http('POST', '/v1/complaints', intake, intakeBody(), { 'idempotency-key': 'lambda-1' }),
      context,
    );
    expect(res.statusCode).toBe(201);
    const body = JSON.parse(res.body);
    complaintId = body.id;
    expect(body.complainant.name).toBe(PII.name);
    // Tenant-table calls went out under credentials assumed with the tenant's session tag.
    const assumed = callsOf('sts', 'AssumeRole');
    expect(assumed.length).toBeGreaterThan(0);
    expect(
      assumed.every((c) => c.body['Tags.member.1.Key'] === 'tenant' && c.body['Tags.member.1.Value'] === 'hk-bank'),
    ).toBe(true);
    const start = callsOf('sfn', 'StartExecution').at(-1)!;
    expect(start.body).toMatchObject({ name: complaintId, stateMachineArn: process.env.REDRESS_STATE_MACHINE_ARN });
    // Nothing due yet: the first timer goes along, so the execution waits without a first tick.
    const input = JSON.parse(start.body.input);
    expect(input).toMatchObject({ tenantId: 'hk-bank', complaintId, partners: [], Payload: { proceed: false } });
    expect(input.Payload.timeoutSeconds).toBeGreaterThan(0);
  });

  it('workflow: a tick answers with the timer; a wait stores the task token; the staff action completes it', async () => {
    const tick = await handlers.workflow!(
      { kind: 'tick', step: 'acknowledgement', tenantId: 'hk-bank', complaintId },
      context,
    );
    expect(tick).toEqual({ seconds: expect.any(Number), proceed: false });
    expect(tick.seconds).toBeGreaterThan(0);
    const wait = { ...sfnTask, tenantId: 'hk-bank', complaintId };
    expect(await handlers.workflow!(wait, context)).toEqual({});

    const handler = await sign({ sub: 'handler-1', tenant_id: 'hk-bank', roles: ['handler'] });
    const ack = await handlers.api!(http('POST', `/v1/complaints/${complaintId}/acknowledge`, handler, {}), context);
    expect(ack.statusCode).toBe(200);
    expect(callsOf('sfn', 'SendTaskSuccess').at(-1)?.body).toEqual({
      taskToken: sfnTask.taskToken,
      output: '{"step":"acknowledgement","outcome":"done"}',
    });
  });

  it('regulator: lists institutions read-only; a tenant token is refused', async () => {
    const regulator = await signRegulator({ sub: 'nfra-1', roles: ['regulator'] });
    // The institutions' IdP cannot make anyone the regulator: a genuine token claiming it is refused.
    const claimed = await handlers.regulator!(
      http('GET', '/regulator/v1/institutions', await sign({ sub: 'x', roles: ['regulator'] })),
      context,
    );
    expect(claimed.statusCode).toBe(403);
    expect(JSON.parse(claimed.body).error.code).toBe('grant_not_allowed');
    const res = await handlers.regulator!(http('GET', '/regulator/v1/institutions', regulator), context);
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body).items.map((i: { id: string }) => i.id)).toContain('hk-bank');
    const staff = await sign({ sub: 'x', tenant_id: 'hk-bank', roles: ['admin'] });
    expect((await handlers.regulator!(http('GET', '/regulator/v1/institutions', staff), context)).statusCode).toBe(403);
    // The regulator's router has no tenant routes at all.
    expect((await handlers.regulator!(http('GET', '/v1/complaints', staff), context)).statusCode).toBe(404);
  });

  it("regulator: reads an institution's complaint redacted, without unwrapping any tenant key", async () => {
    const regulator = await signRegulator({ sub: 'nfra-1', roles: ['regulator'] });
    const decrypts = callsOf('kms', 'Decrypt').length;
    // Control: the api function did unwrap the tenant's keys this way to encrypt the complaint.
    expect(decrypts).toBeGreaterThan(0);
    const res = await handlers.regulator!(
      http('GET', `/regulator/v1/institutions/hk-bank/complaints/${complaintId}`, regulator),
      context,
    );
    expect(res.statusCode, res.body).toBe(200);
    const body = JSON.parse(res.body);
    expect(body).toMatchObject({ id: complaintId, description: DESCRIPTION_REDACTED, descriptionMasked: true });
    expect(body.complainant).toBeUndefined();
    expect(res.body).not.toContain(PII.name);
    expect(callsOf('kms', 'Decrypt')).toHaveLength(decrypts);
  });

  it('webhooks: the dispatcher turns a recorded stream record into one queued delivery; the sender attempts it and queues the retry', async () => {
    const admin = await sign({ sub: 'admin-1', tenant_id: 'hk-bank', roles: ['admin'] });
    const register = (url: string) =>
      handlers.api!(http('POST', '/v1/webhooks', admin, { url, events: ['complaint.received'] }), context);
    // In AWS a destination must be https on a public address.
    for (const url of ['http://hooks.invalid/x', 'https://127.0.0.1/x', 'https://169.254.169.254/latest'])
      expect((await register(url)).statusCode, url).toBe(422);
    const created = await register('https://hooks.invalid/redress');
    expect(created.statusCode).toBe(201);
    const endpointId = JSON.parse(created.body).endpoint.id as string;

    // The complaint's first event item, as the table's stream carries it.
    const table = `${PREFIX}tenant-hk-bank`;
    const db = createDocumentClient(localClientConfig(inject('dynamoEndpoint')));
    const key = { pk: `C#${complaintId}`, sk: 'E#0000000001' };
    const item = (await db.send(new GetCommand({ TableName: table, Key: key }))).Item!;
    const record = structuredClone(streamEvent.Records[0]!) as any;
    record.dynamodb.Keys = marshall(key);
    record.dynamodb.NewImage = marshall(item, { removeUndefinedValues: true });
    record.eventSourceARN = record.eventSourceARN.replace('__table__', table);
    expect(await handlers['webhook-dispatcher']!({ Records: [record] }, context)).toEqual({ created: 1, folded: 0 });
    const queued = callsOf('sqs', 'SendMessage').at(-1)!;
    expect(queued.body.QueueUrl).toBe(process.env.REDRESS_WEBHOOK_QUEUE_URL);
    const message = JSON.parse(queued.body.MessageBody);
    expect(message).toMatchObject({ tenantId: 'hk-bank', ref: { endpointId } });
    // The mapping retries a batch after a failure: the same record creates nothing twice.
    expect(await handlers['webhook-dispatcher']!({ Records: [record] }, context)).toEqual({ created: 0, folded: 0 });

    const sqsRecord = { ...sqsEvent.Records[0]!, body: queued.body.MessageBody };
    expect(await handlers['webhook-sender']!({ Records: [sqsRecord] }, context)).toEqual({ batchItemFailures: [] });
    // The name does not resolve: the attempt failed and the next one is queued on the schedule (5 s ± 10 %).
    const retry = callsOf('sqs', 'SendMessage').at(-1)!;
    expect(retry).not.toBe(queued);
    expect(retry.body.DelaySeconds).toBeGreaterThanOrEqual(4);
    expect(retry.body.DelaySeconds).toBeLessThanOrEqual(6);
    const log = await handlers.api!(http('GET', `/v1/webhooks/${endpointId}/deliveries`, admin), context);
    expect(JSON.parse(log.body).items[0]).toMatchObject({
      type: 'complaint.received',
      status: 'pending',
      attemptCount: 1,
      attempts: [{ status: null, error: expect.any(String) }],
    });
    db.destroy();
  });

  it("webhooks: the dispatcher folds a recorded counter shard's change into its month's rollup", async () => {
    const table = `${PREFIX}tenant-hk-bank`;
    const db = createDocumentClient(localClientConfig(inject('dynamoEndpoint')));
    const receivedAt = Date.parse(
      (await db.send(new GetCommand({ TableName: table, Key: { pk: `C#${complaintId}`, sk: 'META' } }))).Item!
        .receivedAt,
    );
    // The month of receipt in the institution's time zone: one of these two, whatever the zone.
    const months = [...new Set([-12, 14].map((h) => new Date(receivedAt + h * 3_600_000).toISOString().slice(0, 7)))];
    const partitionOf = async (month: string) =>
      (
        await db.send(
          new QueryCommand({
            TableName: table,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': `STATS#${month}` },
            ConsistentRead: true,
          }),
        )
      ).Items ?? [];
    const shards = (await Promise.all(months.map(partitionOf))).flat();
    const shard = shards.find((i) => String(i.sk).startsWith('SHARD#') && i['kpi.received'])!;
    const partition = () => partitionOf(String(shard.pk).slice('STATS#'.length));
    const record = structuredClone(streamEvent.Records[0]!) as any;
    record.dynamodb.Keys = marshall({ pk: shard.pk, sk: shard.sk });
    record.dynamodb.NewImage = marshall(shard);
    record.eventSourceARN = record.eventSourceARN.replace('__table__', table);
    const result = await handlers['webhook-dispatcher']!({ Records: [record] }, context);
    expect(result.folded).toBeGreaterThanOrEqual(1);
    const after = await partition();
    const rollup = after.find((i) => i.sk === 'ROLLUP')!;
    expect(JSON.parse(rollup.body).totals['kpi.received']).toBeGreaterThanOrEqual(1);
    expect(after.filter((i) => i !== rollup).every((i) => !('kpi.received' in i))).toBe(true);
    // The fold's own change (a shard with no counts) folds nothing.
    record.dynamodb.NewImage = marshall(after.find((i) => i.sk === shard.sk)!);
    expect(await handlers['webhook-dispatcher']!({ Records: [record] }, context)).toEqual({ created: 0, folded: 0 });
    db.destroy();
  });
});
