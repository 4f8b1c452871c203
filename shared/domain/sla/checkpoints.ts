/**
 * Escalation checkpoints derived from one deadline: at each configured fraction of the time allowed,
 * then at the end of every n-th local day after the deadline. The workflow sleeps until the next one
 * (TimeoutSecondsPath) and escalates to the level it names.
 */
import { z } from 'zod';
import { addDays } from '../calendars/local-date';
import { endOfLocalDay, localDateOf } from '../calendars/time-zone';
import { TimeZoneSchema } from '../tenant/tenant-schema';
import { PauseSchema } from './deadline-schema';
import { afterDeadlineDays, SlaPolicySchema } from './policy-schema';

/** Without `until`, overdue reminders stop after this many: a month of daily escalation is plenty. */
export const DEFAULT_MAX_OVERDUE = 30;
/** Even with `until`, never more than a year of reminders (guards a far-future or mistyped bound). */
const HARD_MAX_OVERDUE = 366;

const InstantSchema = z.iso.datetime({ offset: true });

export const EscalationCheckpointsInputSchema = z.strictObject({
  startAt: InstantSchema,
  deadline: InstantSchema,
  policy: SlaPolicySchema,
  /** The tenant's zone, for "end of day" overdue reminders; the policy's default when absent. */
  timezone: TimeZoneSchema.optional(),
  /** Overdue reminders up to and including this instant. */
  until: InstantSchema.optional(),
  maxOverdue: z.number().int().nonnegative().optional(),
  /** Ended pauses between start and deadline: the fractions count the time that ran, not the paused. */
  pauses: z.array(PauseSchema).optional(),
});

export const CheckpointSchema = z.object({
  at: z.iso.datetime(),
  level: z.number().int().positive(),
  fraction: z.number(),
  kind: z.enum(['checkpoint', 'deadline', 'overdue']),
});

export type EscalationCheckpointsInput = z.input<typeof EscalationCheckpointsInputSchema>;
export type Checkpoint = z.infer<typeof CheckpointSchema>;

export function escalationCheckpoints(input: EscalationCheckpointsInput): Checkpoint[] {
  const start = Date.parse(input.startAt);
  const deadline = Date.parse(input.deadline);
  const { escalation } = input.policy;
  const timezone = input.timezone ?? input.policy.timezone;
  const pauses = (input.pauses ?? [])
    .map((p) => ({ from: Date.parse(p.from), to: Date.parse(p.to) }))
    .filter((p) => p.to > p.from && p.from >= start)
    .sort((a, b) => a.from - b.from);
  const paused = pauses.reduce((n, p) => n + (p.to - p.from), 0);
  const allowed = Math.max(0, deadline - start - paused);
  // Running time to wall time: every pause begun by then adds its length. Checkpoints before a pause
  // stay where they were (they may have fired); the 100 % one lands on the moved deadline.
  const wall = (running: number) => {
    let at = start + running;
    for (const p of pauses) if (p.from < at) at += p.to - p.from;
    return at;
  };

  const result: Checkpoint[] = escalation.checkpoints.map((c) => ({
    at: new Date(wall(Math.round(allowed * c.fraction))).toISOString(),
    level: c.level,
    fraction: c.fraction,
    kind: c.fraction === 1 ? 'deadline' : 'checkpoint',
  }));

  // Overdue reminders stay at the highest configured level: how far up the unit hierarchy to go
  // beyond it is the tenant's hierarchy's business, not the policy's.
  const overdueLevel = Math.max(...escalation.checkpoints.map((c) => c.level));
  const every = afterDeadlineDays(escalation);
  const until = input.until === undefined ? Infinity : Date.parse(input.until);
  const max = Math.min(
    input.maxOverdue ?? (input.until === undefined ? DEFAULT_MAX_OVERDUE : HARD_MAX_OVERDUE),
    HARD_MAX_OVERDUE,
  );
  const deadlineDate = localDateOf(input.deadline, timezone);
  for (let k = 1; k <= max; k++) {
    // End of a local day rather than deadline + k×24 h: a DST change must not shift reminders by an hour.
    const at = endOfLocalDay(addDays(deadlineDate, k * every), timezone);
    if (Date.parse(at) > until) break;
    result.push({
      at,
      level: overdueLevel,
      fraction: allowed === 0 ? 1 : (Date.parse(at) - start) / allowed,
      kind: 'overdue',
    });
  }
  return result;
}

/** The first checkpoint strictly after `now`; one due exactly now is being handled already. */
export function nextCheckpoint(checkpoints: readonly Checkpoint[], now: string | Date): Checkpoint | undefined {
  const t = typeof now === 'string' ? Date.parse(now) : now.getTime();
  return checkpoints.find((c) => Date.parse(c.at) > t);
}
