import {
  DescribeExecutionCommand,
  ExecutionAlreadyExists,
  ExecutionDoesNotExist,
  InvalidToken,
  SendTaskFailureCommand,
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
  TaskDoesNotExist,
  TaskTimedOut,
} from '@aws-sdk/client-sfn';
import type { WorkflowEngine } from '../../ports/workflow-engine';

/**
 * The lifecycle on AWS Step Functions (Standard). Execution names are complaint ids, so a retried
 * start finds the execution it already started; a task that already completed or timed out counts
 * as done, as the port promises (the step has moved on either way).
 */
export class StepFunctionsEngine implements WorkflowEngine {
  constructor(
    private readonly client: SFNClient,
    private readonly stateMachineArn: string,
  ) {}

  private executionArn(name: string): string {
    return `${this.stateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`;
  }

  async startExecution(name: string, input: Record<string, unknown>): Promise<void> {
    try {
      await this.client.send(new StartExecutionCommand({ stateMachineArn: this.stateMachineArn, name, input: JSON.stringify(input) }));
    } catch (e) {
      // Same name, other input: a resume or a retry with a newer view of the complaint. One execution per complaint either way.
      if (!(e instanceof ExecutionAlreadyExists)) throw e;
    }
  }

  async sendTaskSuccess(token: string, output: Record<string, unknown>): Promise<void> {
    await this.ignoringSpentTokens(() => this.client.send(new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify(output) })));
  }

  async sendTaskFailure(token: string, error: string, cause: string): Promise<void> {
    await this.ignoringSpentTokens(() => this.client.send(new SendTaskFailureCommand({ taskToken: token, error, cause })));
  }

  async describeExecution(name: string) {
    try {
      const res = await this.client.send(new DescribeExecutionCommand({ executionArn: this.executionArn(name) }));
      const status = res.status ?? 'RUNNING';
      return { status: (status === 'TIMED_OUT' || status === 'PENDING_REDRIVE' ? 'FAILED' : status) as 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'ABORTED' };
    } catch (e) {
      if (e instanceof ExecutionDoesNotExist) return { status: 'NOT_FOUND' as const };
      throw e;
    }
  }

  private async ignoringSpentTokens(send: () => Promise<unknown>): Promise<void> {
    try {
      await send();
    } catch (e) {
      if (e instanceof TaskTimedOut || e instanceof TaskDoesNotExist || e instanceof InvalidToken) return;
      throw e;
    }
  }
}
