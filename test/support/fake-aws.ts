import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type AwsCall = { service: string; action: string; body: any; headers: IncomingMessage['headers'] };

/**
 * The AWS services the Lambda bundles call besides DynamoDB (which is DynamoDB Local), on loopback:
 * STS (query protocol), KMS, Step Functions, EventBridge and SQS (JSON protocols), Lambda (REST), plus a
 * JWKS for the IdP. Each answers in the service's own wire format, so the real SDK clients inside
 * the bundles run unchanged; every call is recorded for the test to assert on. DynamoDB calls pass
 * through to DynamoDB Local, except the backup API it lacks (point-in-time recovery), answered here.
 */
export async function startFakeAws(jwks: () => unknown, dynamoUpstream: string) {
  const calls: AwsCall[] = [];
  const keys = new Map<string, string>();
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (d) => (raw += d));
    req.on('end', () => {
      const json = (status: number, body: unknown, type = 'application/x-amz-json-1.1') => {
        res.writeHead(status, { 'content-type': type });
        res.end(JSON.stringify(body));
      };
      if (req.method === 'GET' && req.url === '/jwks.json') return json(200, jwks(), 'application/json');
      const target = String(req.headers['x-amz-target'] ?? '');
      if (req.url?.startsWith('/2015-03-31/functions/')) {
        calls.push({ service: 'lambda', action: 'Invoke', body: JSON.parse(raw), headers: req.headers });
        res.writeHead(202);
        return res.end();
      }
      if (!target && raw.includes('Action=AssumeRole')) {
        const form = new URLSearchParams(raw);
        calls.push({ service: 'sts', action: 'AssumeRole', body: Object.fromEntries(form), headers: req.headers });
        res.writeHead(200, { 'content-type': 'text/xml' });
        return res.end(`<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult><Credentials>
<AccessKeyId>ASIAFAKE${(form.get('Tags.member.1.Value') ?? '').replace(/[^A-Za-z0-9]/g, '')}</AccessKeyId><SecretAccessKey>secret</SecretAccessKey><SessionToken>token</SessionToken>
<Expiration>${new Date(Date.now() + 3600_000).toISOString()}</Expiration></Credentials>
<AssumedRoleUser><AssumedRoleId>AROAFAKE:${form.get('RoleSessionName')}</AssumedRoleId><Arn>arn:aws:sts::123456789012:assumed-role/x/${form.get('RoleSessionName')}</Arn></AssumedRoleUser>
</AssumeRoleResult></AssumeRoleResponse>`);
      }
      if (target.startsWith('DynamoDB_20120810.')) {
        const op = target.split('.')[1]!;
        if (op === 'UpdateContinuousBackups') {
          const body = JSON.parse(raw);
          calls.push({ service: 'dynamodb', action: op, body, headers: req.headers });
          return json(
            200,
            {
              ContinuousBackupsDescription: {
                ContinuousBackupsStatus: 'ENABLED',
                PointInTimeRecoveryDescription: { PointInTimeRecoveryStatus: 'ENABLED' },
              },
            },
            'application/x-amz-json-1.0',
          );
        }
        calls.push({ service: 'dynamodb', action: op, body: null, headers: req.headers });
        return void fetch(dynamoUpstream, {
          method: 'POST',
          headers: {
            'content-type': String(req.headers['content-type']),
            'x-amz-target': target,
            authorization: String(req.headers.authorization ?? ''),
          },
          body: raw,
        }).then(async (up) => {
          res.writeHead(up.status, { 'content-type': up.headers.get('content-type') ?? 'application/x-amz-json-1.0' });
          res.end(await up.text());
        });
      }
      const [prefix, action = ''] = target.split('.');
      const body = raw ? JSON.parse(raw) : {};
      const service =
        prefix === 'TrentService'
          ? 'kms'
          : prefix === 'AWSStepFunctions'
            ? 'sfn'
            : prefix === 'AWSEvents'
              ? 'events'
              : prefix === 'AmazonSQS'
                ? 'sqs'
                : (prefix ?? '');
      calls.push({ service, action, body, headers: req.headers });
      if (service === 'kms') {
        const arn = (id: string) => `arn:aws:kms:ap-east-1:123456789012:key/${id}`;
        if (action === 'DescribeKey') {
          const id = keys.get(body.KeyId);
          return id
            ? json(200, { KeyMetadata: { KeyId: id, Arn: arn(id) } })
            : json(400, { __type: 'NotFoundException', message: 'alias not found' });
        }
        if (action === 'CreateKey') {
          const id = `key-${keys.size + 1}`;
          return json(200, { KeyMetadata: { KeyId: id, Arn: arn(id) } });
        }
        if (action === 'CreateAlias') {
          keys.set(body.AliasName, body.TargetKeyId);
          return json(200, {});
        }
        if (action === 'GenerateDataKey') {
          const plain = Buffer.from(Array.from({ length: 32 }, (_, i) => (i * 7 + calls.length) % 256));
          const wrapped = Buffer.concat([Buffer.from(`wrapped:${body.EncryptionContext?.tenant}:`), plain]);
          return json(200, {
            KeyId: body.KeyId,
            Plaintext: plain.toString('base64'),
            CiphertextBlob: wrapped.toString('base64'),
          });
        }
        if (action === 'Decrypt') {
          const blob = Buffer.from(body.CiphertextBlob, 'base64');
          const prefix = Buffer.from(`wrapped:${body.EncryptionContext?.tenant}:`);
          if (!blob.subarray(0, prefix.length).equals(prefix))
            return json(400, { __type: 'InvalidCiphertextException', message: 'wrong context' });
          return json(200, { Plaintext: blob.subarray(prefix.length).toString('base64'), KeyId: 'key' });
        }
      }
      if (service === 'sfn')
        return json(
          200,
          action === 'StartExecution'
            ? {
                executionArn: `arn:aws:states:ap-east-1:123456789012:execution:m:${body.name}`,
                startDate: Date.now() / 1000,
              }
            : {},
          'application/x-amz-json-1.0',
        );
      if (service === 'events') return json(200, { FailedEntryCount: 0, Entries: [{ EventId: 'e1' }] });
      if (service === 'sqs' && action === 'SendMessage')
        // The SDK checks the body's MD5 against the one the service answers.
        return json(
          200,
          {
            MessageId: `m-${calls.length}`,
            MD5OfMessageBody: createHash('md5').update(String(body.MessageBody)).digest('hex'),
          },
          'application/x-amz-json-1.0',
        );
      json(400, { __type: 'UnknownOperationException', message: `${target} not faked` });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, calls, stop: () => new Promise<void>((r) => server.close(() => r())) };
}
