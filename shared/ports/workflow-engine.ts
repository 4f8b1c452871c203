/**
 * Runs complaint lifecycles: Step Functions in AWS, the same ASL in-process locally. The API only
 * starts executions and completes the tasks they wait at; it never knows which engine it talks to.
 */
export interface WorkflowEngine {
  /** Idempotent by name: starting a running (or finished) execution again does nothing. */
  startExecution(name: string, input: Record<string, unknown>): Promise<void>;
  /** Resolves also when the token was already completed or timed out: the step has moved on either way. */
  sendTaskSuccess(token: string, output: Record<string, unknown>): Promise<void>;
  sendTaskFailure(token: string, error: string, cause: string): Promise<void>;
  describeExecution(name: string): Promise<{ status: 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'ABORTED' | 'NOT_FOUND' }>;
  /**
   * The token a step's wait will have, for engines that know it in advance (the local one does;
   * Step Functions does not): intake stores it with the complaint, so the first wait writes nothing.
   */
  tokenFor?(wait: { tenantId: string; complaintId: string; step: string; partnerTenantId?: string }): string;
}
