import { restartedExecution } from '../../../shared/domain/complaint/execution-name';
import type { WaitStep } from '../../../shared/domain/complaint/lifecycle';
import type { Logger } from '../../../shared/ports/logger';
import type { ParkedStart, WorkflowEngine } from '../../../shared/ports/workflow-engine';
import type { AslDefinition } from '../../../shared/workflow/definition';
import { type TaskPayload, TaskPayloadSchema } from '../../../shared/workflow/task-payloads';
import { type Entry, EntryMachines, FORK_STATE } from './entry-machines';
import type { Scheduler } from './scheduler';
import { type Timed, TimerIndex } from './timer-index';

/** A lifecycle that runs: what re-entering it needs, and how many of its runs are in flight. */
type Life = {
  name: string;
  tenantId: string;
  complaintId: string;
  partners: string[];
  /** Runs of the library in flight (a main run, or one per partner while the Map's branches run). */
  runs: number;
  /** Parked waits in the index. */
  waiting: number;
  /** Partners whose branch has not ended yet, while the lifecycle is in the partners' Map. */
  join?: Set<string>;
};
/** One run of the library, from an entry state until it parks (released), ends, or is aborted. */
type Run = { life: Life; partner: string | undefined; abort: () => void; done: boolean; onDone?: () => void };
/** A wait inside a run that has not been released yet: its token is being stored. */
type Live = { run: Run; resolve: (v: unknown) => void; reject: (e: Error) => void; signalled: boolean };
/** A released wait: all that is left of a parked execution. */
type Parked = Timed & { token: string; life: Life; step: WaitStep; partner: string | undefined };

/** Ended executions' names kept for describeExecution; older ones answer NOT_FOUND (as after a restart). */
const RECENT_ENDED = 1000;

/**
 * Timer re-entries run at most this many at once: a thousand checkpoints due at one instant would
 * otherwise put a thousand transactions on the store together, past its request timeouts.
 */
const MAX_TIMER_RUNS = 32;

/**
 * How long a signal that found no wait is kept for a lifecycle parked from its stored position: the
 * moment between intake's commit and its start is milliseconds; a minute covers a loaded machine.
 */
const EARLY_KEEP_MS = 60_000;
const EARLY_KEPT = 10_000;

const noop = () => undefined;

/**
 * Runs the lifecycle definition with aws-local-stepfunctions, calling the workflow task handler
 * in-process, and adds what the library lacks:
 * - task tokens: each `.waitForTaskToken` task parks on a token that sendTaskSuccess/Failure completes.
 *   Tokens are deterministic (tenant, complaint, step, partner), so after a restart the resumed
 *   wait has the token already stored with the complaint;
 * - release: once a wait's token is stored, its run is aborted and only a small entry stays (token,
 *   due time, what re-entering needs). A signal re-enters the definition at `Route_<step>` with the
 *   signal as `$.signal`, a due timer at `Tick_<step>` (where the wait's `Catch` goes): the states
 *   after the wait are the ones the execution would have run. See entry-machines.ts for the Map;
 * - timers on the platform's clock (real or manual) in one index, so `POST /_local/clock` drives escalations;
 * - idempotent starts by execution name, and quiescence: `settle()` resolves once no run is in flight.
 */
export class LocalWorkflowEngine implements WorkflowEngine {
  private readonly entries: EntryMachines;
  private readonly lives = new Map<string, Life>();
  private readonly runsInFlight = new Set<Run>();
  private readonly live = new Map<string, Live>();
  private readonly waits = new Map<string, Parked>();
  private readonly timers: TimerIndex<Parked>;
  /** Waits whose timer fell due, still parked (a signal may come first) until a timer run is free. */
  private readonly due: Parked[] = [];
  private timerRuns = 0;
  /** ABORTED and FAILED executions (a repair's restart asks; they are rare). */
  private readonly stopped = new Map<string, 'ABORTED' | 'FAILED'>();
  private readonly succeeded = new Set<string>();
  /**
   * Signals for tokens nobody holds, kept a while (all of them while a resume runs): the complaint
   * they complete may be parked next, from its stored position, without reading its record again.
   */
  private readonly early = new Map<string, { signal: Record<string, unknown>; at: number }>();
  private resuming = 0;
  /** Resolves when no resume runs: settle() waits for it, so what fell due is parked before it counts. */
  private resumed: Promise<void> = Promise.resolve();
  private resumeEnded: () => void = noop;
  private active = 0;
  /** State transitions entered so far, across runs (the partners' branches included). */
  transitions = 0;
  private lastActivity = 0;
  /** Runs finished so far (parked, ended or aborted): settle() gives up only when this stops moving. */
  private runsEnded = 0;
  private readonly waitStates = new Set<string>();

  constructor(
    definition: AslDefinition,
    private readonly handle: (task: TaskPayload) => Promise<unknown>,
    scheduler: Scheduler,
    private readonly now: () => number,
    private readonly logger: Logger,
  ) {
    this.entries = new EntryMachines(definition);
    for (const [name, state] of this.entries.tasks())
      if (String(state.Resource).endsWith('.waitForTaskToken')) this.waitStates.add(name);
    this.timers = new TimerIndex<Parked>(scheduler, now, (due) => {
      this.due.push(...due);
      this.pump();
    });
  }

  async startExecution(name: string, input: Record<string, unknown>): Promise<void> {
    if (this.lives.has(name) || this.succeeded.has(name)) return;
    this.stopped.delete(name);
    const life = this.lifeOf(name, input);
    this.launch(life, { branch: false }, input, undefined);
  }

  /**
   * Parks a lifecycle straight from its stored position (token and due time), without running the
   * definition: a start after a restart. False when the execution already runs. A signal that
   * found no wait meanwhile (while the resume read the record, or between intake's commit and its
   * start) is delivered now.
   */
  resumeParked(w: ParkedStart): boolean {
    if (this.lives.has(w.name) || this.succeeded.has(w.name)) return false;
    this.stopped.delete(w.name);
    const life = this.lifeOf(w.name, w);
    const parked: Parked = { token: w.token, life, step: w.step, partner: undefined, due: w.due, slot: -1 };
    const early = this.early.get(w.token);
    this.early.delete(w.token);
    // One older than the keep (it waited through a resume) is dropped: the record decides, as without it.
    if (early && this.keeps(early, performance.now())) this.reenter(parked, { signal: early.signal });
    else this.park(parked);
    return true;
  }

  /** Intake's start: its transaction stored the first wait, so the lifecycle parks there at once. */
  async startParked(w: ParkedStart): Promise<void> {
    this.resumeParked(w);
  }

  /** Brackets a resume: signals for tokens nobody holds meanwhile are kept for resumeParked. */
  async resume<T>(fn: () => Promise<T>): Promise<T> {
    if (this.resuming++ === 0) this.resumed = new Promise((r) => (this.resumeEnded = r));
    try {
      return await fn();
    } finally {
      if (--this.resuming === 0) this.resumeEnded();
    }
  }

  /**
   * Stops the execution of that name, if it runs, and starts the complaint's next one with `input`:
   * the repair of a lifecycle whose execution is at the wrong step (see
   * shared/application/lifecycle-repair.ts). Under a new name, as Step Functions must: the local
   * runtime then exercises the same bookkeeping of execution names.
   */
  async restartExecution(name: string, input: Record<string, unknown> & { complaintId: string }): Promise<string> {
    const existing = this.lives.get(name);
    // Its waits go with it; a retried restart finds it aborted and leaves the new one's waits alone.
    if (existing) this.end(existing, 'ABORTED');
    const next = restartedExecution(input.complaintId, name);
    await this.startExecution(next, input);
    return next;
  }

  async sendTaskSuccess(token: string, output: Record<string, unknown>): Promise<void> {
    const live = this.takeLive(token);
    if (live) return live.resolve(output);
    const parked = this.waits.get(token);
    if (parked && this.unpark(parked)) return this.reenter(parked, { signal: output });
    this.keepEarly(token, output);
  }

  /** Keeps a signal nobody held for EARLY_KEEP_MS (or until the resume running has ended). */
  private keepEarly(token: string, signal: Record<string, unknown>) {
    const at = performance.now();
    if (this.resuming === 0)
      for (const [t, e] of this.early) {
        if (this.keeps(e, at) && this.early.size < EARLY_KEPT) break;
        this.early.delete(t);
      }
    this.early.delete(token);
    this.early.set(token, { signal, at });
  }

  /** Whether a kept signal still stands: within EARLY_KEEP_MS, or any age while a resume runs. */
  private keeps(e: { at: number }, now: number): boolean {
    return this.resuming > 0 || now - e.at < EARLY_KEEP_MS;
  }

  async sendTaskFailure(token: string, error: string, cause: string): Promise<void> {
    const live = this.takeLive(token);
    if (live) return live.reject(Object.assign(new Error(cause), { name: error }));
    // The wait's Retry would run it again; its tick first recomputes the timer the wait needs.
    const parked = this.waits.get(token);
    if (parked && this.unpark(parked)) this.reenter(parked, { timeout: false });
  }

  /** Deterministic: the resumed wait after a restart has the token already stored with the complaint. */
  tokenFor(w: { tenantId: string; complaintId: string; step: string; partnerTenantId?: string }): string {
    return ['local', w.tenantId, w.complaintId, w.step, w.partnerTenantId].filter(Boolean).join(':');
  }

  async describeExecution(name: string) {
    if (this.lives.has(name)) return { status: 'RUNNING' as const };
    const stopped = this.stopped.get(name);
    if (stopped) return { status: stopped };
    return { status: this.succeeded.has(name) ? ('SUCCEEDED' as const) : ('NOT_FOUND' as const) };
  }

  /**
   * Resolves once a resume in progress has ended, no task handler has run for a moment and no run
   * is in flight (every lifecycle is parked or ended): a run between two states runs no handler, so
   * quiet alone can end too early on a busy event loop. Parking is waited for at most `parkMs` more
   * (a task in a retry's back-off parks nowhere). Throws after `maxMs` without a run finishing.
   */
  async settle(quietMs = 3, maxMs = 120_000, parkMs = 2_000): Promise<void> {
    let until = Date.now() + maxMs;
    let ended = this.runsEnded;
    while (this.resuming > 0) await this.resumed;
    let quietSince: number | undefined;
    while (Date.now() < until) {
      await new Promise((r) => setImmediate(r));
      // A long queue of due timers that keeps moving is not stuck: the limit counts from the last run done.
      if (this.runsEnded !== ended) {
        ended = this.runsEnded;
        until = Date.now() + maxMs;
      }
      if (this.active === 0 && performance.now() - this.lastActivity >= quietMs) {
        quietSince ??= performance.now();
        if ((this.runsInFlight.size === 0 && this.due.length === 0) || performance.now() - quietSince >= parkMs) return;
      } else quietSince = undefined;
      await new Promise((r) => setTimeout(r, 2));
    }
    throw new Error('workflow engine did not settle');
  }

  /** Lifecycles running (parked ones included). */
  running(): number {
    return this.lives.size;
  }

  /** Waits parked in the index (a complaint in the partners' Map parks one per partner). */
  parked(): number {
    return this.waits.size;
  }

  /** Runs of the library in flight: none once everything has parked. */
  inFlight(): number {
    return this.runsInFlight.size;
  }

  stop(): void {
    for (const life of this.lives.values()) this.stopped.set(life.name, 'ABORTED');
    this.lives.clear();
    for (const run of [...this.runsInFlight]) this.finish(run) && run.abort();
    this.live.clear();
    this.early.clear();
    this.waits.clear();
    this.due.length = 0;
    this.timers.clear();
  }

  /** Re-enters waits whose timer fell due, MAX_TIMER_RUNS at a time. */
  private pump() {
    while (this.timerRuns < MAX_TIMER_RUNS && this.due.length > 0) {
      const p = this.due.shift()!;
      if (!this.unpark(p)) continue;
      this.timerRuns++;
      this.reenter(p, { timeout: true }, () => {
        this.timerRuns--;
        this.pump();
      });
    }
  }

  private lifeOf(name: string, input: Record<string, unknown>): Life {
    const partners = Array.isArray(input.partners) ? input.partners.map(String) : [];
    const life: Life = {
      name,
      tenantId: String(input.tenantId),
      complaintId: String(input.complaintId),
      partners,
      runs: 0,
      waiting: 0,
    };
    this.lives.set(name, life);
    return life;
  }

  private launch(
    life: Life,
    entry: Entry,
    input: Record<string, unknown>,
    partner: string | undefined,
    onDone?: () => void,
  ) {
    const run: Run = { life, partner, abort: noop, done: false, ...(onDone && { onDone }) };
    life.runs++;
    this.runsInFlight.add(run);
    this.touch(0);
    const handlers: Record<string, (input: unknown) => Promise<unknown>> = {};
    for (const [name] of this.entries.tasks())
      handlers[name] =
        name === FORK_STATE
          ? (i) => this.fork(run, i as Record<string, unknown>)
          : this.waitStates.has(name)
            ? (i) => this.waitTask(run, i)
            : (i) => this.syncTask(i);
    const execution = this.entries.get(entry).run(input as never, {
      overrides: { taskResourceLocalHandlers: handlers as never },
      noThrowOnAbort: true,
      // The library has no task tokens; the wait handler mints real ones from the payload.
      context: {
        Execution: { Id: `local:${life.name}`, Name: life.name },
        Task: { Token: 'local-placeholder' },
      } as never,
    });
    run.abort = execution.abort;
    // The library queues every event until read: drain it (counting transitions, the Step Functions
    // cost unit). The log ends by throwing when the run fails; that failure is handled below, and
    // must not surface again as an unhandled rejection (which would end the whole process).
    void (async () => {
      for await (const event of execution.eventLogs) if (event.type === 'StateEntered') this.transitions++;
    })().catch(noop);
    execution.result.then(
      () => this.ended(run),
      (e: Error) => this.failed(run, e),
    );
  }

  /** A run reached an end state: a branch's end may complete the Map, a main run's ends the lifecycle. */
  private ended(run: Run) {
    if (!this.finish(run)) return;
    const life = run.life;
    if (this.lives.get(life.name) !== life) return;
    if (run.partner === undefined) return this.end(life, 'SUCCEEDED');
    life.join?.delete(run.partner);
    if (life.join?.size !== 0) return;
    life.join = undefined;
    const { tenantId, complaintId, partners } = life;
    this.launch(life, { branch: false, at: this.entries.afterFork }, { tenantId, complaintId, partners }, undefined);
  }

  private failed(run: Run, e: Error) {
    if (!this.finish(run)) return;
    const cause = (e as { cause?: Error }).cause;
    this.logger.error('workflow execution failed', {
      execution: run.life.name,
      errorName: e.name,
      causeName: cause?.name ?? null,
      causeMessage: process.env.REDRESS_DEBUG_WORKFLOW ? String(cause?.message ?? e.message) : null,
    });
    if (this.lives.get(run.life.name) === run.life) this.end(run.life, 'FAILED');
  }

  /** The lifecycle is over: nothing of it stays but its name and status. */
  private end(life: Life, status: 'SUCCEEDED' | 'ABORTED' | 'FAILED') {
    this.lives.delete(life.name);
    if (life.runs > 0) for (const run of [...this.runsInFlight]) if (run.life === life && this.finish(run)) run.abort();
    for (const [token, live] of this.live) if (live.run.life === life) this.live.delete(token);
    if (life.waiting > 0) for (const p of [...this.waits.values()]) if (p.life === life) this.unpark(p);
    if (status === 'SUCCEEDED') {
      this.succeeded.add(life.name);
      // Insertion order: the oldest goes first.
      if (this.succeeded.size > RECENT_ENDED) this.succeeded.delete(this.succeeded.values().next().value!);
    } else this.stopped.set(life.name, status);
    this.touch(0);
  }

  /** Marks a run as no longer in flight; false if it already was not (released, aborted or ended). */
  private finish(run: Run): boolean {
    if (run.done) return false;
    run.done = true;
    this.runsEnded++;
    this.runsInFlight.delete(run);
    run.life.runs--;
    this.touch(0);
    run.onDone?.();
    return true;
  }

  /** Lets go of a run that waits: aborting it drops the library's whole execution state. */
  private release(run: Run) {
    if (this.finish(run)) run.abort();
  }

  private park(p: Parked) {
    this.waits.get(p.token) && this.unpark(this.waits.get(p.token)!);
    this.waits.set(p.token, p);
    p.life.waiting++;
    this.timers.add(p);
    this.touch(0);
  }

  private unpark(p: Parked): boolean {
    if (this.waits.get(p.token) !== p) return false;
    this.waits.delete(p.token);
    this.timers.remove(p);
    p.life.waiting--;
    return true;
  }

  private takeLive(token: string): Live | undefined {
    const live = this.live.get(token);
    if (!live) return undefined;
    this.live.delete(token);
    live.signalled = true;
    this.touch(0);
    return live;
  }

  /** Runs the states after the wait: its Route with the signal, or its Tick once the timer fell due. */
  private reenter(p: Parked, how: { signal: Record<string, unknown> } | { timeout: boolean }, onDone?: () => void) {
    const life = p.life;
    if (this.lives.get(life.name) !== life) return onDone?.();
    const { tenantId, complaintId, partners } = life;
    const base =
      p.partner !== undefined
        ? { tenantId, complaintId, partnerTenantId: p.partner }
        : { tenantId, complaintId, partners };
    const suffix = p.partner !== undefined ? 'referral' : p.step;
    const entry: Entry =
      'signal' in how
        ? { branch: p.partner !== undefined, at: `Route_${suffix}` }
        : { branch: p.partner !== undefined, at: `Tick_${suffix}` };
    const input =
      'signal' in how
        ? { ...base, signal: how.signal }
        : how.timeout
          ? { ...base, timeout: { Error: 'States.Timeout', Cause: 'the step reached its next escalation checkpoint' } }
          : base;
    this.launch(life, entry, input, p.partner, onDone);
  }

  /** The partners' Map: one branch run per partner, this run released until every branch has ended. */
  private async fork(run: Run, input: Record<string, unknown>): Promise<unknown> {
    const partners = [...new Set(Array.isArray(input.partners) ? input.partners.map(String) : [])];
    if (partners.length === 0 || run.done) return {};
    const life = run.life;
    life.join = new Set(partners);
    this.release(run);
    for (const partnerTenantId of partners)
      this.launch(
        life,
        { branch: true },
        { tenantId: life.tenantId, complaintId: life.complaintId, partnerTenantId },
        partnerTenantId,
      );
    return {};
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

  private async waitTask(run: Run, input: unknown): Promise<unknown> {
    const raw = (input as { Payload: Record<string, string> }).Payload;
    const token = this.tokenFor({
      tenantId: raw.tenantId!,
      complaintId: raw.complaintId!,
      step: raw.step!,
      ...(raw.partnerTenantId && { partnerTenantId: raw.partnerTenantId }),
    });
    const task = TaskPayloadSchema.parse({ ...raw, taskToken: token });
    if (task.kind !== 'wait') throw new Error(`${task.kind} is not a wait`);
    const seconds = task.timeoutSeconds ? task.timeoutSeconds : 60;
    const due = this.now() + seconds * 1000;
    let live!: Live;
    const signalled = new Promise<unknown>((resolve, reject) => {
      live = { run, resolve, reject, signalled: false };
    });
    signalled.catch(noop);
    const previous = this.waits.get(token);
    if (previous) this.unpark(previous);
    this.live.set(token, live);
    this.touch(+1);
    try {
      // Parked first, then stored: a staff action reading the stored token always finds a wait.
      await this.handle(task);
    } catch (e) {
      if (this.live.get(token) === live) this.live.delete(token);
      throw e;
    } finally {
      this.touch(-1);
    }
    // Completed while its token was stored (the step was already done): the run goes on.
    if (live.signalled) return signalled;
    if (this.live.get(token) === live) this.live.delete(token);
    if (!run.done && this.live.get(token) === undefined && this.lives.get(run.life.name) === run.life)
      this.park({ token, life: run.life, step: task.step, partner: task.partnerTenantId, due, slot: -1 });
    // Aborting settles the run's result at once; the library then stops after this state.
    this.release(run);
    return {};
  }

  private touch(delta: number) {
    this.active += delta;
    this.lastActivity = performance.now();
  }
}
