import validator from 'asl-validator';
import { describe, expect, it } from 'vitest';
import { STEPS, WaitStepSchema } from '../../shared/domain/complaint/lifecycle';
import {
  type AslDefinition,
  type AslState,
  lifecycleDefinition,
  renderDefinition,
  waitingStates,
} from '../../shared/workflow/definition';

const ARN = 'arn:aws:lambda:ap-east-1:123456789012:function:redress-workflow';

function allStates(def: AslDefinition): Record<string, AslState> {
  const out: Record<string, AslState> = {};
  for (const [name, state] of Object.entries(def.States)) {
    out[name] = state;
    const processor = state.ItemProcessor as AslDefinition | undefined;
    if (processor) Object.assign(out, allStates(processor));
  }
  return out;
}

describe('the lifecycle definition (single ASL source)', () => {
  const rendered = JSON.parse(renderDefinition({ WorkflowFunctionArn: ARN })) as AslDefinition;

  it('is valid Amazon States Language once its substitutions are made', () => {
    const result = validator(rendered);
    expect(result.errors).toEqual([]);
    expect(result.isValid).toBe(true);
    expect(JSON.stringify(rendered)).not.toContain('${');
  });

  it('makes every waiting step a .waitForTaskToken task with TimeoutSecondsPath and a States.Timeout catch', () => {
    const states = allStates(rendered);
    const waits = waitingStates(rendered);
    expect(waits.sort()).toEqual(
      [
        'Await_acknowledgement',
        'Await_decision',
        'Await_feedback',
        'Await_referral',
        'Await_review_decision',
        'Await_review_feedback',
        'Await_review_window',
      ].sort(),
    );
    for (const name of waits) {
      const s = states[name]!;
      expect(s.Resource, name).toBe('arn:aws:states:::lambda:invoke.waitForTaskToken');
      expect(s.TimeoutSecondsPath, name).toEqual(expect.any(String));
      expect(s.TimeoutSeconds, name).toBeUndefined();
      const catches = s.Catch as { ErrorEquals: string[]; Next: string }[];
      const timeout = catches.find((c) => c.ErrorEquals.includes('States.Timeout'));
      // A timeout leads back to the step's tick, which escalates and waits again.
      expect(timeout?.Next, name).toBe(name.replace('Await_', 'Tick_'));
      expect((s.Parameters as { Payload: Record<string, string> }).Payload['taskToken.$']).toBe('$$.Task.Token');
    }
  });

  it('gives every task a timeout (the local library would default to 60 s) and the function ARN', () => {
    for (const [name, s] of Object.entries(allStates(rendered)).filter(([, s]) => s.Type === 'Task')) {
      expect(s.TimeoutSeconds ?? s.TimeoutSecondsPath, name).toBeDefined();
      expect((s.Parameters as { FunctionName: string }).FunctionName, name).toBe(ARN);
    }
  });

  it('opens with a resume Choice that can re-enter every waiting step', () => {
    const def = lifecycleDefinition();
    expect(def.StartAt).toBe('Resume');
    const targets = (def.States.Resume!.Choices as { Next: string }[]).map((c) => c.Next);
    for (const step of WaitStepSchema.options)
      expect(targets).toContain(step === 'referrals' ? 'Referrals' : `Tick_${step}`);
  });

  it('reaches Closed only through the decision and the feedback steps', () => {
    const states = allStates(lifecycleDefinition());
    // Every path to Close passes Route_feedback: walk backwards from Close without crossing it.
    const into = (target: string) =>
      Object.entries(states)
        .filter(
          ([, s]) =>
            s.Next === target ||
            s.Default === target ||
            ((s.Choices as { Next: string }[] | undefined) ?? []).some((c) => c.Next === target) ||
            ((s.Catch as { Next: string }[] | undefined) ?? []).some((c) => c.Next === target),
        )
        .map(([n]) => n);
    const seen = new Set<string>();
    const stack = ['Close'];
    while (stack.length) {
      const n = stack.pop()!;
      for (const from of into(n)) {
        if (seen.has(from) || from === 'Route_feedback') continue;
        seen.add(from);
        stack.push(from);
      }
    }
    // (Resume may enter a review step directly: only complaints whose stored position is past the
    // feedback resume there, and the close task itself refuses a complaint without recorded feedback.)
    expect(seen.has('Tick_acknowledgement')).toBe(false);
    expect(seen.has('Referrals')).toBe(false);
    expect(seen.has('Route_decision')).toBe(false);
  });

  it('moves each Route forward only on its own step and outcome; anything else goes back to its tick', () => {
    const states = allStates(lifecycleDefinition());
    for (const step of WaitStepSchema.options) {
      const suffix = step === 'referrals' ? 'referral' : step;
      const route = states[`Route_${suffix}`]!;
      expect(route.Default).toBe(`Tick_${suffix}`);
      const [forward, ended] = route.Choices as Record<string, unknown>[];
      expect(forward!.And).toEqual([
        { Variable: '$.signal.step', IsPresent: true },
        { Variable: '$.signal.step', StringEquals: step },
        { Variable: '$.signal.outcome', StringEquals: STEPS[step].outcome },
      ]);
      expect(ended).toMatchObject({ Variable: '$.signal.outcome', StringEquals: 'ended' });
    }
  });

  it('lets Close re-enter through Resume when the record is not closable', () => {
    const states = lifecycleDefinition().States;
    expect(states.Close).toMatchObject({ ResultPath: '$.resume', Next: 'After_close' });
    expect(states.After_close).toMatchObject({ Type: 'Choice', Default: 'Resume' });
  });
});
