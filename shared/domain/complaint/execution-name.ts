import type { WorkflowPosition } from './complaint-schema';

/**
 * A name Step Functions accepts for an execution: letters, digits, '-' and '_', at most 80.
 * Complaint ids are ULIDs (26 characters, no '-'), so `<id>-r<n>` is never another complaint's id.
 */
export const EXECUTION_NAME = /^[A-Za-z0-9_-]{1,80}$/;

/** The execution running a complaint's lifecycle: named after the complaint until a restart names another. */
export const executionOf = (complaintId: string, position: Pick<WorkflowPosition, 'execution'> | undefined): string =>
  position?.execution ?? complaintId;

/** 0 for the complaint's first execution, n for `<id>-r<n>`. */
function generation(complaintId: string, name: string): number {
  if (name === complaintId) return 0;
  const n = name.startsWith(`${complaintId}-r`) ? Number(name.slice(complaintId.length + 2)) : Number.NaN;
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} is not an execution of complaint ${complaintId}`);
  return n;
}

/**
 * The name of the execution that replaces `current`. A Standard execution's name cannot be used
 * again for 90 days after it closes, so each restart takes the next generation; deriving it from
 * the one it replaces makes a retried restart start the same execution, not another.
 */
export function restartedExecution(complaintId: string, current: string): string {
  const name = `${complaintId}-r${generation(complaintId, current) + 1}`;
  if (!EXECUTION_NAME.test(name)) throw new Error(`${name} is not a valid execution name`);
  return name;
}

/** The execution `name` replaced, or undefined for the complaint's first one. */
export function replacedExecution(complaintId: string, name: string): string | undefined {
  const n = generation(complaintId, name);
  return n === 0 ? undefined : n === 1 ? complaintId : `${complaintId}-r${n - 1}`;
}
