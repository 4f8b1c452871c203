export {
  SlaPolicySchema,
  DurationSchema,
  DurationUnitSchema,
  ExtensionTierIdSchema,
  ExtensionTierSchema,
  EscalationSchema,
  EscalationCheckpointSchema,
  PolicyNoteSchema,
  ConfidenceSchema,
  afterDeadlineDays,
} from './policy-schema';
export type { SlaPolicy, SlaPolicyId, Duration, DurationUnit, ExtensionTier, ExtensionTierId, Escalation, PolicyNote } from './policy-schema';
export { PRESETS, presetById } from './presets';
export {
  PolicyOverrideSchema,
  OverrideDurationSchema,
  OverrideViolationSchema,
  OverrideViolationReasonSchema,
  applyOverride,
} from './overrides';
export type { PolicyOverride, OverrideDuration, OverrideViolation, OverrideViolationReason, OverrideResult } from './overrides';
export { ComputeDeadlinesInputSchema, DeadlinesResultSchema, PauseSchema, PeriodBasisSchema } from './deadline-schema';
export type { ComputeDeadlinesInput, DeadlinesResult, Pause, PeriodBasis } from './deadline-schema';
export { computeDeadlines } from './deadlines';
export { escalationCheckpoints, nextCheckpoint, CheckpointSchema, EscalationCheckpointsInputSchema, DEFAULT_MAX_OVERDUE } from './checkpoints';
export type { Checkpoint, EscalationCheckpointsInput } from './checkpoints';
