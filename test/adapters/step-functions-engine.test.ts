import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SFNClient } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StepFunctionsEngine } from '../../shared/adapters/aws/step-functions-engine';

/**
 * A Step Functions endpoint on loopback speaking the service's JSON protocol: it records each call
 * and answers as the service does, including its error shapes, so the real SDK client is exercised.
 */
type Call = { target: string; body: Record<string, unknown> };
const calls: Call[] = [];
let answer: (c: Call) => { status: number; body: unknown } = () => ({ status: 200, body: {} });
let server: Server;
let engine: StepFunctionsEngine;
const MACHINE = 'arn:aws:states:ap-east-1:123456789012:stateMachine:redress-lifecycle';

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (d) => (raw += d));
    req.on('end', () => {
      const call = {
        target: String(req.headers['x-amz-target']).split('.').pop()!,
        body: JSON.parse(raw) as Record<string, unknown>,
      };
      calls.push(call);
      const { status, body } = answer(call);
      res.writeHead(status, { 'content-type': 'application/x-amz-json-1.0' });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const client = new SFNClient({
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    region: 'ap-east-1',
    credentials: { accessKeyId: 'x', secretAccessKey: 'y' },
    maxAttempts: 1,
  });
  engine = new StepFunctionsEngine(MACHINE, () => client);
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const error = (type: string) => ({ status: 400, body: { __type: `com.amazonaws.states#${type}`, message: type } });

describe('Step Functions adapter of the WorkflowEngine port', () => {
  it('starts an execution named after the complaint, and treats a second start as done', async () => {
    answer = () => ({ status: 200, body: { executionArn: 'x', startDate: 1 } });
    await engine.startExecution('01KCOMPLAINT', { tenantId: 't', complaintId: '01KCOMPLAINT', partners: [] });
    expect(calls.at(-1)).toEqual({
      target: 'StartExecution',
      body: {
        stateMachineArn: MACHINE,
        name: '01KCOMPLAINT',
        input: '{"tenantId":"t","complaintId":"01KCOMPLAINT","partners":[]}',
      },
    });
    answer = () => error('ExecutionAlreadyExists');
    await expect(engine.startExecution('01KCOMPLAINT', {})).resolves.toBeUndefined();
  });

  it('completes task tokens; a spent token (timed out, unknown) counts as done, other failures surface', async () => {
    answer = () => ({ status: 200, body: {} });
    await engine.sendTaskSuccess('tok-1', { outcome: 'done' });
    expect(calls.at(-1)).toEqual({
      target: 'SendTaskSuccess',
      body: { taskToken: 'tok-1', output: '{"outcome":"done"}' },
    });
    for (const spent of ['TaskTimedOut', 'TaskDoesNotExist', 'InvalidToken']) {
      answer = () => error(spent);
      await expect(engine.sendTaskSuccess('tok-2', { outcome: 'done' }), spent).resolves.toBeUndefined();
    }
    answer = () => ({ status: 400, body: { __type: 'com.amazonaws.states#InvalidOutput', message: 'too big' } });
    await expect(engine.sendTaskSuccess('tok-3', { outcome: 'done' })).rejects.toThrow('too big');
    answer = () => ({ status: 200, body: {} });
    await engine.sendTaskFailure('tok-4', 'Redress.Cancelled', 'the complaint ended');
    expect(calls.at(-1)).toEqual({
      target: 'SendTaskFailure',
      body: { taskToken: 'tok-4', error: 'Redress.Cancelled', cause: 'the complaint ended' },
    });
  });

  it('describes an execution by the ARN derived from the machine and the complaint id', async () => {
    answer = () => ({
      status: 200,
      body: { executionArn: 'x', stateMachineArn: MACHINE, status: 'SUCCEEDED', startDate: 1 },
    });
    expect(await engine.describeExecution('01KC')).toEqual({ status: 'SUCCEEDED' });
    expect(calls.at(-1)?.body).toEqual({
      executionArn: 'arn:aws:states:ap-east-1:123456789012:execution:redress-lifecycle:01KC',
    });
    answer = () => error('ExecutionDoesNotExist');
    expect(await engine.describeExecution('nope')).toEqual({ status: 'NOT_FOUND' });
  });

  describe('restart (lifecycle repair)', () => {
    const ARN = (name: string) => `arn:aws:states:ap-east-1:123456789012:execution:redress-lifecycle:${name}`;
    const INPUT = { tenantId: 't', complaintId: '01KC', partners: [], resume: { step: 'feedback' } };
    const since = () => calls.length;
    const byTarget = (answers: Record<string, () => { status: number; body: unknown }>) => {
      answer = (c) => answers[c.target]?.() ?? { status: 500, body: { __type: 'Unexpected', message: c.target } };
    };
    const started = { StartExecution: () => ({ status: 200, body: { executionArn: 'x', startDate: 1 } }) };

    it('stops the running execution, then starts the next generation with the input', async () => {
      byTarget({ StopExecution: () => ({ status: 200, body: { stopDate: 1 } }), ...started });
      const from = since();
      expect(await engine.restartExecution('01KC', INPUT)).toBe('01KC-r1');
      expect(calls.slice(from)).toEqual([
        {
          target: 'StopExecution',
          body: {
            executionArn: ARN('01KC'),
            error: 'Redress.Restarted',
            cause: 'lifecycle repair restarted it as 01KC-r1',
          },
        },
        {
          target: 'StartExecution',
          body: { stateMachineArn: MACHINE, name: '01KC-r1', input: JSON.stringify(INPUT) },
        },
      ]);
      const next = since();
      expect(await engine.restartExecution('01KC-r1', INPUT)).toBe('01KC-r2');
      expect(calls.slice(next).map((c) => c.body.executionArn ?? c.body.name)).toEqual([ARN('01KC-r1'), '01KC-r2']);
    });

    it('goes on when the execution has ended already: unknown to the service, or refused but no longer running', async () => {
      byTarget({ StopExecution: () => error('ExecutionDoesNotExist'), ...started });
      const from = since();
      expect(await engine.restartExecution('01KC', INPUT)).toBe('01KC-r1');
      expect(calls.slice(from).map((c) => c.target)).toEqual(['StopExecution', 'StartExecution']);
      for (const status of ['ABORTED', 'SUCCEEDED', 'FAILED']) {
        byTarget({
          StopExecution: () => error('ValidationException'),
          DescribeExecution: () => ({
            status: 200,
            body: { executionArn: 'x', stateMachineArn: MACHINE, status, startDate: 1 },
          }),
          ...started,
        });
        const at = since();
        expect(await engine.restartExecution('01KC', INPUT), status).toBe('01KC-r1');
        expect(calls.slice(at).map((c) => c.target)).toEqual(['StopExecution', 'DescribeExecution', 'StartExecution']);
      }
    });

    it('starts nothing when the stop failed and the execution still runs', async () => {
      byTarget({
        StopExecution: () => error('ValidationException'),
        DescribeExecution: () => ({
          status: 200,
          body: { executionArn: 'x', stateMachineArn: MACHINE, status: 'RUNNING', startDate: 1 },
        }),
        ...started,
      });
      const from = since();
      await expect(engine.restartExecution('01KC', INPUT)).rejects.toThrow('ValidationException');
      expect(calls.slice(from).map((c) => c.target)).toEqual(['StopExecution', 'DescribeExecution']);
    });

    it('is idempotent: a retry stops the stopped one again and finds the next already started', async () => {
      byTarget({
        StopExecution: () => ({ status: 200, body: { stopDate: 1 } }),
        StartExecution: () => error('ExecutionAlreadyExists'),
      });
      const from = since();
      expect(await engine.restartExecution('01KC', INPUT)).toBe('01KC-r1');
      expect(await engine.restartExecution('01KC', INPUT)).toBe('01KC-r1');
      expect(calls.slice(from).map((c) => [c.target, c.body.executionArn ?? c.body.name])).toEqual([
        ['StopExecution', ARN('01KC')],
        ['StartExecution', '01KC-r1'],
        ['StopExecution', ARN('01KC')],
        ['StartExecution', '01KC-r1'],
      ]);
    });
  });
});
