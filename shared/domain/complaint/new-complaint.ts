import type { ComplaintEvent } from '../events/event-schema';
import { GENESIS_HASH } from '../events/hash-chain';
import type { DeadlinesResult } from '../sla';
import type { ComplaintRecord } from './complaint-schema';
import type { IntakeInput } from './intake-schema';
import { maskAgent, maskComplainant } from './masking';
import { referralIdFor } from './referral';

/** What intake has worked out before a complaint exists: nothing here reads or writes anything. */
export type NewComplaintFacts = {
  id: string;
  tenantId: string;
  reference: string;
  input: IntakeInput;
  receivedAt: string;
  at: string;
  actorSub: string;
  deadlines: DeadlinesResult;
  policy: ComplaintRecord['policy'];
  unitId: string | null;
  consumerKey: string;
  repeatOf: string | null;
  /** Personal data as stored: encrypted fields, the description protected. */
  complainantEnc: ComplaintRecord['complainantEnc'];
  agentEnc?: ComplaintRecord['agentEnc'];
  description: { descriptionEnc: string; descriptionMasked: string };
  origin?: { tenantId: string; complaintId: string; reference: string };
};

/** The first event of a complaint (`received`), before it is chained. */
export function receivedEvent(f: NewComplaintFacts): Omit<ComplaintEvent, 'hash'> {
  const { input } = f;
  return {
    complaintId: f.id,
    seq: 1,
    type: 'received',
    at: f.at,
    actor: { kind: 'user', id: f.actorSub },
    data: {
      reference: f.reference,
      channel: input.channel,
      category: input.category,
      reason: input.reason,
      unitId: f.unitId,
      deadlines: { acknowledgement: f.deadlines.acknowledgement, decision: f.deadlines.decision },
      policy: f.policy,
      partners: input.partners ?? [],
      repeatOf: f.repeatOf,
      ...(input.regulatorReference && { regulatorReference: input.regulatorReference }),
      ...(f.origin && { transferredFrom: { tenantId: f.origin.tenantId, reference: f.origin.reference } }),
    },
    prevHash: GENESIS_HASH,
  };
}

/** The record of a complaint just received, its history one event long (the event hashed `lastHash`). */
export function newComplaint(f: NewComplaintFacts, lastHash: string): ComplaintRecord {
  const { input } = f;
  return {
    id: f.id,
    tenantId: f.tenantId,
    reference: f.reference,
    status: 'received',
    overdue: false,
    receivedAt: f.receivedAt,
    channel: input.channel,
    category: input.category,
    reason: input.reason,
    ...(input.product !== undefined && { product: input.product }),
    ...f.description,
    ...(input.amountInDispute && { amountInDispute: input.amountInDispute }),
    complainantEnc: f.complainantEnc,
    complainantMasked: maskComplainant(input.complainant) as Record<string, string>,
    ...(input.agent &&
      f.agentEnc && { agentEnc: f.agentEnc, agentMasked: maskAgent(input.agent) as Record<string, string> }),
    consumerKey: f.consumerKey,
    unitId: f.unitId,
    assignee: null,
    partners: input.partners ?? [],
    referrals: (input.partners ?? []).map((partnerTenantId) => ({
      partnerTenantId,
      referralId: referralIdFor(f.id),
      status: 'open' as const,
      escalationLevel: 0,
    })),
    attachments: input.attachments ?? [],
    deadlines: { acknowledgement: f.deadlines.acknowledgement, decision: f.deadlines.decision },
    deadlinesProvisional: f.deadlines.provisional,
    provisionalDeadlines: f.deadlines.provisionalBy,
    policy: f.policy,
    escalationLevel: 0,
    repeatOf: f.repeatOf,
    ...(f.origin && { transferredFrom: f.origin }),
    ...(input.regulatorReference && { regulatorReference: input.regulatorReference }),
    version: 1,
    createdBy: f.actorSub,
    createdAt: f.at,
    updatedAt: f.at,
    lastSeq: 1,
    lastHash,
  };
}
