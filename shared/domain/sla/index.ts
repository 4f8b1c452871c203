export type { Checkpoint, EscalationCheckpointsInput } from './checkpoints';
export {
  CheckpointSchema,
  DEFAULT_MAX_OVERDUE,
  EscalationCheckpointsInputSchema,
  escalationCheckpoints,
  nextCheckpoint,
} from './checkpoints';
export type { ComputeDeadlinesInput, DeadlinesResult, Pause, PeriodBasis } from './deadline-schema';
export { ComputeDeadlinesInputSchema, DeadlinesResultSchema, PauseSchema, PeriodBasisSchema } from './deadline-schema';
export { computeDeadlines } from './deadlines';
export type { LegalTimeZones } from './legal-time-zones';
export { LEGAL_TIME_ZONES } from './legal-time-zones';
export type {
  OverrideDuration,
  OverrideResult,
  OverrideViolation,
  OverrideViolationReason,
  PolicyOverride,
} from './overrides';
export {
  applyOverride,
  OverrideDurationSchema,
  OverrideViolationReasonSchema,
  OverrideViolationSchema,
  PolicyOverrideSchema,
} from './overrides';
export type {
  Duration,
  DurationUnit,
  Escalation,
  ExtensionTier,
  ExtensionTierId,
  PolicyNote,
  SlaPolicy,
  SlaPolicyId,
} from './policy-schema';
export {
  afterDeadlineDays,
  ConfidenceSchema,
  DurationSchema,
  DurationUnitSchema,
  EscalationCheckpointSchema,
  EscalationSchema,
  ExtensionTierIdSchema,
  ExtensionTierSchema,
  PolicyNoteSchema,
  SlaPolicySchema,
} from './policy-schema';
export { PRESETS, presetById } from './presets';
