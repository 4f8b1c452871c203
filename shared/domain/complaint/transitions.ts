import { z } from 'zod';
import { conflict, invalid } from '../errors';
import type { EventType } from '../events/event-schema';
import { cleanText } from '../text';
import { UnitIdSchema, type UnitTree } from '../tenant/units';
import type { ComplaintRecord } from './complaint-schema';
import type { ComplaintStatus } from './status';

export const AssignSchema = z.strictObject({ unitId: UnitIdSchema, assignee: cleanText(200) });
export const AcknowledgeSchema = z.strictObject({});

/** What a staff action changes: new field values, the event it records, and counter increments. */
export type Transition = {
  patch: Partial<ComplaintRecord>;
  event: { type: EventType; data: Record<string, unknown> };
  counts?: Record<string, number>;
};

function requireStatus(record: ComplaintRecord, allowed: readonly ComplaintStatus[], action: string) {
  if (!allowed.includes(record.status)) {
    throw conflict('wrong_step', `${action} is not possible while the complaint is ${record.status}`, { status: record.status });
  }
}

export function acknowledge(record: ComplaintRecord, at: string): Transition {
  requireStatus(record, ['received'], 'acknowledge');
  const onTime = at <= record.deadlines.acknowledgement;
  return {
    patch: { status: 'acknowledged' },
    event: { type: 'acknowledged', data: { onTime } },
    counts: { [onTime ? 'acknowledged.onTime' : 'acknowledged.late']: 1 },
  };
}

/**
 * Assignment starts the investigation; before the decision it may be changed as often as needed.
 * Only to a unit of the institution's own hierarchy: escalation walks up from it.
 */
export function assign(record: ComplaintRecord, input: z.infer<typeof AssignSchema>, units: UnitTree | undefined): Transition {
  if (!units?.units.some((u) => u.id === input.unitId)) {
    throw invalid('invalid_request', 'unitId: no such unit; see GET /v1/units', [{ path: ['unitId'], message: 'no such unit; see GET /v1/units' }]);
  }
  requireStatus(record, ['received', 'acknowledged', 'investigating'], 'assign');
  return {
    patch: { unitId: input.unitId, assignee: input.assignee, ...(record.status === 'acknowledged' && { status: 'investigating' as const }) },
    event: { type: 'assigned', data: { unitId: input.unitId, assignee: input.assignee, previousUnitId: record.unitId } },
  };
}
