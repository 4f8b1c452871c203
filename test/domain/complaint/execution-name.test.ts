import { describe, expect, it } from 'vitest';
import {
  EXECUTION_NAME,
  executionOf,
  replacedExecution,
  restartedExecution,
} from '../../../shared/domain/complaint/execution-name';

const ID = '01KCQ2Z3X8V6T5R4P3N2M1K0JH';

describe('execution names of a complaint', () => {
  it('are the complaint id until a restart, then <id>-r<n>, each restart the next', () => {
    expect(executionOf(ID, undefined)).toBe(ID);
    expect(executionOf(ID, {})).toBe(ID);
    expect(executionOf(ID, { execution: `${ID}-r2` })).toBe(`${ID}-r2`);
    expect(restartedExecution(ID, ID)).toBe(`${ID}-r1`);
    expect(restartedExecution(ID, `${ID}-r1`)).toBe(`${ID}-r2`);
    expect(restartedExecution(ID, `${ID}-r9`)).toBe(`${ID}-r10`);
  });

  it('know the one each replaced, and none before the first', () => {
    expect(replacedExecution(ID, ID)).toBeUndefined();
    expect(replacedExecution(ID, `${ID}-r1`)).toBe(ID);
    expect(replacedExecution(ID, `${ID}-r10`)).toBe(`${ID}-r9`);
    for (let n = 1; n < 5; n++)
      expect(restartedExecution(ID, replacedExecution(ID, `${ID}-r${n}`)!)).toBe(`${ID}-r${n}`);
  });

  it('are names Step Functions accepts, and refuse another complaint’s', () => {
    expect(EXECUTION_NAME.test(restartedExecution(ID, `${ID}-r99999`))).toBe(true);
    for (const other of ['01OTHER', `${ID}-r0`, `${ID}-rx`, `${ID}-r`, `${ID}x-r1`])
      expect(() => restartedExecution(ID, other), other).toThrow('is not an execution of complaint');
    // 80 characters at most: an id that long leaves no room for a generation.
    expect(() => restartedExecution('x'.repeat(78), 'x'.repeat(78))).toThrow('not a valid execution name');
  });
});
