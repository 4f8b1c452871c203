import './polyfills';
import { StateMachine } from 'aws-local-stepfunctions';
import { restartedExecution } from '../../../shared/domain/complaint/execution-name';
import type { Logger } from '../../../shared/ports/logger';
import type { WorkflowEngine } from '../../../shared/ports/workflow-engine';
import type { AslDefinition } from '../../../shared/workflow/definition';
import { type TaskPayload, TaskPayloadSchema } from '../../../shared/workflow/task-payloads';
import type { Scheduler } from './scheduler';

/** `complaintId`: whose execution parks here (the execution's name is the id only until a restart). */
type Wait = { resolve: (v: unknown) => void; reject: (e: Error) => void; cancel: () => void; complaintId: string };
type Execution = { status: 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'ABORTED'; abort: () => void; complaintId: string };

/**
 * The error Step Functions raises when a task outlives its timeout; the definition catches it by
 * name. Like the real one it is never retried: the library would otherwise count it under the
 * `States.TaskFailed` wildcard of the task's Retry.
 */
class TaskTimeout extends Error {
  override name = 'States.Timeout';
  readonly isRetryable = false;
}

/**
 * Runs the lifecycle definition with aws-local-stepfunctions, calling the workflow task handler
 * in-process, and adds what the library lacks:
 * - task tokens: each `.waitForTaskToken` task parks on a token that sendTaskSuccess/Failure resolves.
 *   Tokens are deterministic (tenant, complaint, step, partner), so after a restart the resumed
 *   wait has the token already stored with the complaint;
 * - timers on the platform's clock (real or manual), so `POST /_local/clock` drives escalations;
 * - idempotent starts by execution name, and quiescence: `settle()` resolves once no task runs.
 */
export class LocalWorkflowEngine implements WorkflowEngine {
  private readonly machine: StateMachine;
  private readonly executions = new Map<string, Execution>();
  private readonly waits = new Map<string, Wait>();
  private active = 0;
  /** State transitions entered so far, across executions (Map iterations included). */
  transitions = 0;
  private lastActivity = 0;
  private readonly overrides: Record<string, (input: unknown) => Promise<unknown>> = {};

  constructor(
    definition: AslDefinition,
    private readonly handle: (task: TaskPayload) => Promise<unknown>,
    private readonly scheduler: Scheduler,
    private readonly now: () => number,
    private readonly logger: Logger,
  ) {
    // Validated by asl-validator in the tests; the library's own JSONPath check rejects $$.Task.Token.
    this.machine = new StateMachine(definition as never, { validationOptions: { noValidate: true } });
    for (const [name, state] of allTaskStates(definition)) {
      const waits = String(state.Resource).endsWith('.waitForTaskToken');
      this.overrides[name] = waits ? (input) => this.waitTask(input) : (input) => this.syncTask(input);
    }
  }

  async startExecution(name: string, input: Record<string, unknown>): Promise<void> {
    const existing = this.executions.get(name);
    if (existing && existing.status !== 'FAILED' && existing.status !== 'ABORTED') return;
    this.touch(0);
    const run = this.machine.run(input as never, {
      overrides: { taskResourceLocalHandlers: this.overrides as never },
      noThrowOnAbort: true,
      // The library has no task tokens; the wait handler mints real ones from the payload.
      context: { Execution: { Id: `local:${name}`, Name: name }, Task: { Token: 'local-placeholder' } } as never,
    });
    const execution: Execution = { status: 'RUNNING', abort: run.abort, complaintId: String(input.complaintId) };
    this.executions.set(name, execution);
    // The library queues every event until read: drain it (counting transitions, the Step Functions
    // cost unit) so a long-running lifecycle does not hold its whole history in memory.
    // The log ends by throwing when the execution fails; that failure is handled below, and must not
    // surface again as an unhandled rejection (which would end the whole process).
    void (async () => {
      for await (const event of run.eventLogs) if (event.type === 'StateEntered') this.transitions++;
    })().catch(() => undefined);
    run.result.then(
      () => {
        if (execution.status === 'RUNNING') execution.status = 'SUCCEEDED';
        this.touch(0);
      },
      (e: Error) => {
        execution.status = 'FAILED';
        const cause = (e as { cause?: Error }).cause;
        this.logger.error('workflow execution failed', {
          execution: name,
          errorName: e.name,
          causeName: cause?.name ?? null,
          causeMessage: process.env.REDRESS_DEBUG_WORKFLOW ? String(cause?.message ?? e.message) : null,
        });
        this.touch(0);
      },
    );
  }

  /**
   * Stops the execution of that name, if it runs, and starts the complaint's next one with `input`:
   * the repair of a lifecycle whose execution is at the wrong step (see
   * shared/application/lifecycle-repair.ts). Under a new name, as Step Functions must: the local
   * runtime then exercises the same bookkeeping of execution names.
   */
  async restartExecution(name: string, input: Record<string, unknown> & { complaintId: string }): Promise<string> {
    const existing = this.executions.get(name);
    if (existing?.status === 'RUNNING') {
      existing.status = 'ABORTED';
      existing.abort();
      // Its waits go with it; a retried restart finds it aborted and leaves the new one's waits alone.
      for (const [token, wait] of this.waits)
        if (wait.complaintId === input.complaintId) {
          wait.cancel();
          this.waits.delete(token);
        }
    }
    const next = restartedExecution(input.complaintId, name);
    await this.startExecution(next, input);
    return next;
  }

  async sendTaskSuccess(token: string, output: Record<string, unknown>): Promise<void> {
    const wait = this.take(token);
    wait?.resolve(output);
  }

  async sendTaskFailure(token: string, error: string, cause: string): Promise<void> {
    const wait = this.take(token);
    wait?.reject(Object.assign(new Error(cause), { name: error }));
  }

  /** Deterministic: the resumed wait after a restart has the token already stored with the complaint. */
  tokenFor(w: { tenantId: string; complaintId: string; step: string; partnerTenantId?: string }): string {
    return ['local', w.tenantId, w.complaintId, w.step, w.partnerTenantId].filter(Boolean).join(':');
  }

  async describeExecution(name: string) {
    return { status: this.executions.get(name)?.status ?? ('NOT_FOUND' as const) };
  }

  /**
   * Resolves once no task handler has run for a moment and every running execution is parked at a
   * wait: an execution between two states (a wait just completed, the next task not yet started)
   * runs no handler, so quiet alone can end too early on a busy event loop. Parking is waited for
   * at most `parkMs` more (a task in a retry's back-off parks nowhere).
   */
  async settle(quietMs = 3, maxMs = 120_000, parkMs = 2_000): Promise<void> {
    const until = Date.now() + maxMs;
    let quietSince: number | undefined;
    while (Date.now() < until) {
      await new Promise((r) => setImmediate(r));
      if (this.active === 0 && performance.now() - this.lastActivity >= quietMs) {
        quietSince ??= performance.now();
        if (this.allParked() || performance.now() - quietSince >= parkMs) return;
      } else quietSince = undefined;
      await new Promise((r) => setTimeout(r, 2));
    }
    throw new Error('workflow engine did not settle');
  }

  private allParked(): boolean {
    const parked = new Set([...this.waits.values()].map((w) => w.complaintId));
    for (const e of this.executions.values()) if (e.status === 'RUNNING' && !parked.has(e.complaintId)) return false;
    return true;
  }

  running(): number {
    return [...this.executions.values()].filter((e) => e.status === 'RUNNING').length;
  }

  parked(): number {
    return this.waits.size;
  }

  stop(): void {
    for (const w of this.waits.values()) w.cancel();
    this.waits.clear();
    for (const e of this.executions.values())
      if (e.status === 'RUNNING') {
        e.status = 'ABORTED';
        e.abort();
      }
  }

  private async syncTask(input: unknown): Promise<unknown> {
    this.touch(+1);
    try {
      // Shaped like the Lambda integration's result, so ResultSelector reads `$.Payload` in both engines.
      return { Payload: await this.handle(TaskPayloadSchema.parse((input as { Payload: unknown }).Payload)) };
    } finally {
      this.touch(-1);
    }
  }

  private async waitTask(input: unknown): Promise<unknown> {
    let parked: Promise<unknown>;
    this.touch(+1);
    try {
      const raw = (input as { Payload: Record<string, string> }).Payload;
      const token = this.tokenFor({
        tenantId: raw.tenantId!,
        complaintId: raw.complaintId!,
        step: raw.step!,
        ...(raw.partnerTenantId && { partnerTenantId: raw.partnerTenantId }),
      });
      const task = TaskPayloadSchema.parse({ ...raw, taskToken: token });
      parked = new Promise<unknown>((resolve, reject) => {
        this.waits.get(token)?.cancel();
        const seconds = task.kind === 'wait' && task.timeoutSeconds ? task.timeoutSeconds : 60;
        const cancelTimer = this.scheduler.schedule(this.now() + seconds * 1000, () => {
          if (this.waits.get(token) !== wait) return;
          this.take(token);
          reject(new TaskTimeout('the step reached its next escalation checkpoint'));
        });
        const wait: Wait = {
          resolve: (v) => {
            this.touch(0);
            resolve(v);
          },
          reject: (e) => {
            this.touch(0);
            reject(e);
          },
          cancel: cancelTimer,
          complaintId: raw.complaintId!,
        };
        this.waits.set(token, wait);
      });
      // The library races this against its own timer; if that wins, nobody listens here any more.
      parked.catch(() => undefined);
      // Parked first, then stored: a staff action reading the stored token always finds a live wait.
      await this.handle(task);
    } finally {
      this.touch(-1);
    }
    // Waiting is not work: settle() may return while executions sit here.
    return parked;
  }

  private take(token: string): Wait | undefined {
    const wait = this.waits.get(token);
    if (!wait) return undefined;
    this.waits.delete(token);
    wait.cancel();
    return wait;
  }

  private touch(delta: number) {
    this.active += delta;
    this.lastActivity = performance.now();
  }
}

function allTaskStates(def: AslDefinition): [string, Record<string, unknown>][] {
  const out: [string, Record<string, unknown>][] = [];
  const walk = (states: Record<string, Record<string, unknown>>) => {
    for (const [name, state] of Object.entries(states)) {
      if (state.Type === 'Task') out.push([name, state]);
      const processor = (state.ItemProcessor ?? state.Iterator) as AslDefinition | undefined;
      if (processor) walk(processor.States as Record<string, Record<string, unknown>>);
    }
  };
  walk(def.States as Record<string, Record<string, unknown>>);
  return out;
}
