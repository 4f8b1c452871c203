import type { SFNClient } from '@aws-sdk/client-sfn';
import { restartedExecution } from '../../domain/complaint/execution-name';
import type { WorkflowEngine } from '../../ports/workflow-engine';

/** The SDK module is loaded on first use: functions that never call Step Functions never pay for it. */
const sdk = () => import('@aws-sdk/client-sfn');

/**
 * The lifecycle on AWS Step Functions (Standard). Execution names are complaint ids (`<id>-r<n>`
 * after a restart), so a retried start finds the execution it already started; a task that already
 * completed or timed out counts as done, as the port promises (the step has moved on either way).
 */
export class StepFunctionsEngine implements WorkflowEngine {
  private client?: SFNClient;

  constructor(
    private readonly stateMachineArn: string,
    private readonly makeClient: (m: Awaited<ReturnType<typeof sdk>>) => SFNClient,
  ) {}

  private async use() {
    const m = await sdk();
    this.client ??= this.makeClient(m);
    return { m, client: this.client };
  }

  private executionArn(name: string): string {
    return `${this.stateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`;
  }

  async startExecution(name: string, input: Record<string, unknown>): Promise<void> {
    const { m, client } = await this.use();
    try {
      await client.send(
        new m.StartExecutionCommand({ stateMachineArn: this.stateMachineArn, name, input: JSON.stringify(input) }),
      );
    } catch (e) {
      // Same name, other input: a resume or a retry with a newer view of the complaint. One execution per complaint either way.
      if (!(e instanceof m.ExecutionAlreadyExists)) throw e;
    }
  }

  async sendTaskSuccess(token: string, output: Record<string, unknown>): Promise<void> {
    const { m, client } = await this.use();
    await ignoringSpentTokens(m, () =>
      client.send(new m.SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify(output) })),
    );
  }

  async sendTaskFailure(token: string, error: string, cause: string): Promise<void> {
    const { m, client } = await this.use();
    await ignoringSpentTokens(m, () => client.send(new m.SendTaskFailureCommand({ taskToken: token, error, cause })));
  }

  async restartExecution(name: string, input: Record<string, unknown> & { complaintId: string }): Promise<string> {
    const { m, client } = await this.use();
    const next = restartedExecution(input.complaintId, name);
    try {
      await client.send(
        new m.StopExecutionCommand({
          executionArn: this.executionArn(name),
          // Read by whoever looks at the aborted execution (its status change also reaches the DLQ).
          error: 'Redress.Restarted',
          cause: `lifecycle repair restarted it as ${next}`,
        }),
      );
    } catch (e) {
      // Whatever the service answers, an execution that no longer runs is what the stop was for.
      if (!(e instanceof m.ExecutionDoesNotExist) && (await this.describeExecution(name)).status === 'RUNNING') throw e;
    }
    await this.startExecution(next, input);
    return next;
  }

  async describeExecution(name: string) {
    const { m, client } = await this.use();
    try {
      const res = await client.send(new m.DescribeExecutionCommand({ executionArn: this.executionArn(name) }));
      const status = res.status ?? 'RUNNING';
      return {
        status: (status === 'TIMED_OUT' || status === 'PENDING_REDRIVE' ? 'FAILED' : status) as
          | 'RUNNING'
          | 'SUCCEEDED'
          | 'FAILED'
          | 'ABORTED',
      };
    } catch (e) {
      if (e instanceof m.ExecutionDoesNotExist) return { status: 'NOT_FOUND' as const };
      throw e;
    }
  }
}

async function ignoringSpentTokens(m: Awaited<ReturnType<typeof sdk>>, send: () => Promise<unknown>): Promise<void> {
  try {
    await send();
  } catch (e) {
    if (e instanceof m.TaskTimedOut || e instanceof m.TaskDoesNotExist || e instanceof m.InvalidToken) return;
    throw e;
  }
}
