import { STEPS, type WaitStep, WaitStepSchema } from '../domain/complaint/lifecycle';

/**
 * The complaint lifecycle in Amazon States Language: the single source CDK deploys
 * (`DefinitionBody.fromString` with `definitionSubstitutions`) and the local engine runs.
 *
 * Every waiting step is the same three states: `Tick_<step>` escalates what fell due and computes the
 * time to the next checkpoint; `Await_<step>` is a `.waitForTaskToken` task with that
 * `TimeoutSecondsPath`, whose `States.Timeout` loops back to the tick; `Route_<step>` moves forward
 * only on the step's own outcome (the signal names the step it completes) and goes back to the tick
 * on anything else, where the record decides again. The machine opens with a Choice on `$.resume`,
 * so a restarted engine (or a new definition version, or Close finding the record not closable)
 * re-enters a running lifecycle at its waiting step.
 */
export const FUNCTION_ARN = '${WorkflowFunctionArn}';

export type AslState = Record<string, unknown>;
export type AslDefinition = {
  Comment: string;
  StartAt: string;
  States: Record<string, AslState>;
  TimeoutSeconds?: number;
};

/** Sync task handlers answer fast; a minute covers a cold start and DynamoDB retries. */
const SYNC_TIMEOUT_SECONDS = 60;

const RETRY_TRANSIENT = [
  {
    ErrorEquals: [
      'Lambda.ServiceException',
      'Lambda.AWSLambdaException',
      'Lambda.SdkClientException',
      'Lambda.TooManyRequestsException',
      'States.TaskFailed',
    ],
    IntervalSeconds: 1,
    MaxAttempts: 6,
    BackoffRate: 2,
    JitterStrategy: 'FULL',
  },
];

const ids = (extra: Record<string, unknown> = {}) => ({
  'tenantId.$': '$.tenantId',
  'complaintId.$': '$.complaintId',
  ...extra,
});

function invoke(
  payload: Record<string, unknown>,
  next: { Next: string } | { End: true },
  resultPath: string | null,
  selector?: Record<string, string>,
): AslState {
  return {
    Type: 'Task',
    Resource: 'arn:aws:states:::lambda:invoke',
    Parameters: { FunctionName: FUNCTION_ARN, Payload: payload },
    ...(selector ? { ResultSelector: selector } : {}),
    ResultPath: resultPath,
    TimeoutSeconds: SYNC_TIMEOUT_SECONDS,
    Retry: RETRY_TRANSIENT,
    ...next,
  };
}

const TIMER_SELECTOR = { 'timeoutSeconds.$': '$.Payload.seconds', 'proceed.$': '$.Payload.proceed' };

/**
 * Where the tick puts the timer in the execution's data. Step Functions resolves TimeoutSecondsPath
 * against the state's input; aws-local-stepfunctions 3 resolves it against the input after
 * Parameters. Keeping the timer at `$.Payload`, and passing it on inside the task's own `Payload`,
 * makes `$.Payload.timeoutSeconds` the same number for both engines.
 */
const TIMER_PATH = '$.Payload';
const TIMEOUT_PATH = '$.Payload.timeoutSeconds';

/**
 * Tick → Await (→ Tick on timeout) → Route, for one step of the complaint. The Route goes to `next`
 * on the step's own outcome, to `ended` on `ended`, and back to the tick on anything else.
 */
function waitingStep(
  step: WaitStep,
  next: string,
  o: { ended?: string; ids?: Record<string, unknown>; suffix?: string; afterTick?: string } = {},
): Record<string, AslState> {
  const suffix = o.suffix ?? step;
  const ids_ = o.ids ?? ids();
  const afterTick = o.afterTick;
  return {
    [`Tick_${suffix}`]: invoke(
      { kind: 'tick', step, ...ids_ },
      { Next: afterTick ?? `Await_${suffix}` },
      TIMER_PATH,
      TIMER_SELECTOR,
    ),
    [`Await_${suffix}`]: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
      // timeoutSeconds travels along so an engine can run its own timer (the local manual clock).
      Parameters: {
        FunctionName: FUNCTION_ARN,
        Payload: { kind: 'wait', step, 'taskToken.$': '$$.Task.Token', 'timeoutSeconds.$': TIMEOUT_PATH, ...ids_ },
      },
      TimeoutSecondsPath: TIMEOUT_PATH,
      ResultPath: '$.signal',
      Retry: RETRY_TRANSIENT,
      Catch: [{ ErrorEquals: ['States.Timeout'], ResultPath: '$.timeout', Next: `Tick_${suffix}` }],
      Next: `Route_${suffix}`,
    },
    [`Route_${suffix}`]: {
      Type: 'Choice',
      Choices: [
        {
          And: [
            { Variable: '$.signal.step', IsPresent: true },
            { Variable: '$.signal.step', StringEquals: step },
            { Variable: '$.signal.outcome', StringEquals: STEPS[step].outcome },
          ],
          Next: next,
        },
        { Variable: '$.signal.outcome', StringEquals: 'ended', Next: o.ended ?? 'Ended' },
      ],
      Default: `Tick_${suffix}`,
    },
  };
}

/** Where Close re-enters when the record is not closable: the resume list, one entry per step. */
const RESUME_STEPS = WaitStepSchema.options;

export function lifecycleDefinition(): AslDefinition {
  const referralIds = {
    'tenantId.$': '$.tenantId',
    'complaintId.$': '$.complaintId',
    'partnerTenantId.$': '$.partnerTenantId',
  };
  const referralBranch: AslDefinition = {
    Comment: 'One partner institution: a referral in its tenant, with its own deadline and escalation',
    StartAt: 'Tick_referral',
    States: {
      ...waitingStep('referrals', 'Record_referral', { ended: 'Referral_ended', ids: referralIds, suffix: 'referral' }),
      Record_referral: invoke({ kind: 'referral_answered', ...referralIds }, { Next: 'Referral_done' }, null),
      Referral_done: { Type: 'Succeed' },
      Referral_ended: { Type: 'Succeed' },
    },
  };

  return {
    Comment: 'Redress complaint lifecycle: acknowledgement, partner referrals, decision, feedback, review, close',
    StartAt: 'Resume',
    States: {
      Resume: {
        Type: 'Choice',
        Choices: [
          // A new lifecycle whose first timer intake already computed (nothing due yet) waits at once.
          // (`Not … IsPresent: true` rather than `IsPresent: false`, which aws-local-stepfunctions 3 never matches.)
          {
            And: [{ Not: { Variable: '$.resume', IsPresent: true } }, { Variable: TIMEOUT_PATH, IsPresent: true }],
            Next: 'Await_acknowledgement',
          },
          ...RESUME_STEPS.map((step) => ({
            And: [
              { Variable: '$.resume.step', IsPresent: true },
              { Variable: '$.resume.step', StringEquals: step },
            ],
            Next: step === 'referrals' ? 'Referrals' : `Tick_${step}`,
          })),
        ],
        Default: 'Tick_acknowledgement',
      },
      ...waitingStep('acknowledgement', 'Referrals'),
      Referrals: {
        Type: 'Map',
        ItemsPath: '$.partners',
        ItemSelector: {
          'tenantId.$': '$.tenantId',
          'complaintId.$': '$.complaintId',
          'partnerTenantId.$': '$$.Map.Item.Value',
        },
        ItemProcessor: { ProcessorConfig: { Mode: 'INLINE' }, ...referralBranch },
        ResultPath: null,
        Next: 'Tick_decision',
      },
      ...waitingStep('decision', 'Tick_feedback'),
      ...waitingStep('feedback', 'Tick_review_window'),
      ...waitingStep('review_window', 'Tick_review_decision', { afterTick: 'Window_open' }),
      Window_open: {
        Type: 'Choice',
        Choices: [{ Variable: `${TIMER_PATH}.proceed`, BooleanEquals: true, Next: 'Close' }],
        Default: 'Await_review_window',
      },
      ...waitingStep('review_decision', 'Tick_review_feedback'),
      ...waitingStep('review_feedback', 'Close'),
      // Close re-checks the record: not closable (the review window still open, say), it answers
      // the step the record is at, and the machine re-enters there through Resume.
      Close: invoke({ kind: 'close', ...ids() }, { Next: 'After_close' }, '$.resume', { 'step.$': '$.Payload.step' }),
      After_close: {
        Type: 'Choice',
        Choices: [
          { Variable: '$.resume.step', StringEquals: 'closed', Next: 'Closed' },
          { Variable: '$.resume.step', StringEquals: 'ended', Next: 'Ended' },
        ],
        Default: 'Resume',
      },
      Closed: { Type: 'Succeed' },
      Ended: { Type: 'Succeed' },
    },
  };
}

/** The definition as Step Functions receives it, with `${…}` placeholders replaced. */
export function renderDefinition(substitutions: { WorkflowFunctionArn: string }): string {
  return JSON.stringify(lifecycleDefinition()).replaceAll(FUNCTION_ARN, substitutions.WorkflowFunctionArn);
}

/** Names of the waitForTaskToken states, in order: the places an execution can rest. */
export function waitingStates(def: AslDefinition = lifecycleDefinition()): string[] {
  const all: Record<string, AslState> = { ...def.States };
  for (const s of Object.values(def.States)) {
    const processor = (s as { ItemProcessor?: AslDefinition }).ItemProcessor;
    if (processor) Object.assign(all, processor.States);
  }
  return Object.entries(all)
    .filter(([, s]) => String(s.Resource ?? '').endsWith('.waitForTaskToken'))
    .map(([name]) => name);
}
