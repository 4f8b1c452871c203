import { z } from 'zod';
import { type WaitStep, WaitStepSchema } from '../domain/complaint/lifecycle';

const Ids = { tenantId: z.string(), complaintId: z.string(), partnerTenantId: z.string().optional() };

/**
 * What the state machine sends the workflow task handler (the `workflow` Lambda in AWS, an
 * in-process call locally): one shape per kind of task.
 */
export const TaskPayloadSchema = z.discriminatedUnion('kind', [
  /** Escalates what fell due for the step and says how long to wait before asking again. */
  z.object({ kind: z.literal('tick'), step: WaitStepSchema, ...Ids }),
  /** Parks the execution at the step: stores the token, or completes it at once if the step is done. */
  z.object({
    kind: z.literal('wait'),
    step: WaitStepSchema,
    taskToken: z.string(),
    timeoutSeconds: z.number().int().optional(),
    ...Ids,
  }),
  /** Copies a partner's answer onto the complaint. */
  z.object({ kind: z.literal('referral_answered'), ...Ids, partnerTenantId: z.string() }),
  z.object({ kind: z.literal('close'), ...Ids }),
]);
export type TaskPayload = z.infer<typeof TaskPayloadSchema>;

/** What Close answers: closed, or (the record not closable) the step to re-enter, or ended. */
export type CloseResult = WaitStep | 'closed' | 'ended';

export const TimerSchema = z.object({ seconds: z.number().int().min(1), proceed: z.boolean() });
export type Timer = z.infer<typeof TimerSchema>;

export const ExecutionInputSchema = z.object({
  tenantId: z.string(),
  complaintId: z.string(),
  partners: z.array(z.string()),
  /** Present when a restarted engine (or a new definition version) re-enters a running lifecycle. */
  resume: z.object({ step: WaitStepSchema }).optional(),
  /** The first timer, when intake could compute it: the execution then waits without a first tick. */
  Payload: z.object({ timeoutSeconds: z.number().int().min(1), proceed: z.literal(false) }).optional(),
});
export type ExecutionInput = z.infer<typeof ExecutionInputSchema>;
