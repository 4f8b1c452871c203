import type {
  ComplaintRecord,
  ComplaintView,
  RegulatorComplaintView,
  WorkflowPosition,
} from '../domain/complaint/complaint-schema';
import type { Agent, Complainant } from '../domain/complaint/intake-schema';
import { currentStep } from '../domain/complaint/lifecycle';
import { isOpen } from '../domain/complaint/status';
import { clearDescription, maskedDescription } from '../pii/description';
import type { FieldCipher } from '../pii/field-cipher';

/** What the regulator sees where a text may hold personal data and no redacted copy was stored. */
export const WITHHELD = '▇';

/** The record's fields that are not personal data, stored state or bookkeeping; `position` as below. */
function plainFields(r: ComplaintRecord, position: WorkflowPosition | undefined | null) {
  const {
    complainantEnc: _complainantEnc,
    complainantMasked: _complainantMasked,
    agentEnc: _agentEnc,
    agentMasked: _agentMasked,
    description: _description,
    descriptionEnc: _descriptionEnc,
    descriptionMasked: _descriptionMasked,
    consumerKey: _consumerKey,
    lastSeq: _lastSeq,
    lastHash: _lastHash,
    createdBy: _createdBy,
    tenantId: _tenantId,
    ...plain
  } = r;
  return { ...plain, ...(position !== null && { waitingFor: isOpen(r.status) ? currentStep(position) : null }) };
}

/**
 * A stored complaint as one caller may see it: personal data and the description decrypted for
 * pii:read, the masked and redacted copies otherwise. Ciphertext, blind index and chain state never
 * leave the store. `position` null: not read (lists); undefined: read, none stored yet.
 */
export async function renderComplaint(
  r: ComplaintRecord,
  cipher: FieldCipher,
  clearPii: boolean,
  position: WorkflowPosition | undefined | null = null,
): Promise<ComplaintView> {
  const complainant = clearPii ? await cipher.decryptFields(r.tenantId, r.complainantEnc) : r.complainantMasked;
  const agentFields = r.agentEnc && (clearPii ? await cipher.decryptFields(r.tenantId, r.agentEnc) : r.agentMasked);
  return {
    ...plainFields(r, position),
    description: clearPii ? await clearDescription(cipher, r) : await maskedDescription(cipher, r),
    descriptionMasked: !clearPii,
    complainant: complainant as Complainant,
    complainantMasked: !clearPii,
    ...(agentFields && { agent: agentFields as Agent }),
  };
}

/**
 * A complaint as the regulator sees it, whatever its grants: no complainant or agent, the
 * description as redacted at write time. It decrypts nothing (in AWS the regulator's function holds
 * no tenant key), so what has no redacted copy is withheld: the free text staff wrote along the way
 * (decision, feedback, review, extension, reasons, partner answers), which may name the
 * complainant, and the description of a record stored before descriptions were encrypted.
 */
export function renderForRegulator(
  r: ComplaintRecord,
  position: WorkflowPosition | undefined | null = null,
): RegulatorComplaintView {
  const view = plainFields(r, position);
  const held = <T extends string | undefined>(text: T): T => (text === undefined ? text : WITHHELD) as T;
  return {
    ...view,
    description: r.descriptionMasked ?? WITHHELD,
    descriptionMasked: true,
    ...(view.decision && {
      decision: { ...view.decision, summary: held(view.decision.summary), remedy: held(view.decision.remedy) },
    }),
    ...(view.feedback && { feedback: { ...view.feedback, summary: held(view.feedback.summary) } }),
    ...(view.extension && { extension: { ...view.extension, reason: held(view.extension.reason) } }),
    ...(view.reviewRequest && { reviewRequest: { ...view.reviewRequest, reason: held(view.reviewRequest.reason) } }),
    ...(view.reviewDecision && {
      reviewDecision: { ...view.reviewDecision, summary: held(view.reviewDecision.summary) },
    }),
    ...(view.reviewFeedback && {
      reviewFeedback: { ...view.reviewFeedback, summary: held(view.reviewFeedback.summary) },
    }),
    ...(view.ended && { ended: { ...view.ended, reason: held(view.ended.reason) } }),
    ...(view.pause && { pause: { ...view.pause, reason: held(view.pause.reason) } }),
    ...(view.pauses && { pauses: view.pauses.map((x) => ({ ...x, reason: held(x.reason) })) }),
    referrals: view.referrals.map((x) => ({ ...x, summary: held(x.summary), reason: held(x.reason) })),
  };
}
