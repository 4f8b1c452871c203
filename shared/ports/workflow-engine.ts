import type { WaitStep } from '../domain/complaint/lifecycle';

/**
 * Runs complaint lifecycles: Step Functions in AWS, the same ASL in-process locally. The API only
 * starts executions, completes the tasks they wait at and (repairing a lifecycle) restarts one; it
 * never knows which engine it talks to.
 */
export interface WorkflowEngine {
  /** Idempotent by name: starting a running (or finished) execution again does nothing. */
  startExecution(name: string, input: Record<string, unknown>): Promise<void>;
  /** Resolves also when the token was already completed or timed out: the step has moved on either way. */
  sendTaskSuccess(token: string, output: Record<string, unknown>): Promise<void>;
  sendTaskFailure(token: string, error: string, cause: string): Promise<void>;
  describeExecution(name: string): Promise<{ status: 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'ABORTED' | 'NOT_FOUND' }>;
  /**
   * Stops the execution `name` if it still runs, then starts the complaint's next one
   * (`restartedExecution(input.complaintId, name)`, shared/domain/complaint/execution-name.ts) with
   * `input`, and returns that name: a Standard execution's name cannot be used again. Idempotent:
   * called again with the same name, it finds the old one stopped and the new one started.
   */
  restartExecution(name: string, input: Record<string, unknown> & { complaintId: string }): Promise<string>;
  /**
   * The token a step's wait will have, for engines that know it in advance (the local one does;
   * Step Functions does not): intake stores it with the complaint, so the first wait writes nothing.
   */
  tokenFor?(wait: { tenantId: string; complaintId: string; step: string; partnerTenantId?: string }): string;
  /**
   * Starts the execution parked at the wait whose token and due time the caller stored with the
   * complaint (intake, in the transaction that created it): what running to that wait would do,
   * without the run and the wait's read-back of the record. For engines whose tokens are known in
   * advance (`tokenFor`); intake starts the execution otherwise.
   */
  startParked?(wait: ParkedStart): Promise<void>;
}

export type ParkedStart = {
  name: string;
  tenantId: string;
  complaintId: string;
  partners: string[];
  step: Exclude<WaitStep, 'referrals'>;
  token: string;
  /** When the wait's timer falls due, in ms since the epoch. */
  due: number;
};
