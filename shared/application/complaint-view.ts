import type {
  ComplaintRecord,
  ComplaintView,
  RegulatorComplaintView,
  WorkflowPosition,
} from '../domain/complaint/complaint-schema';
import type { Agent, Complainant } from '../domain/complaint/intake-schema';
import { currentStep } from '../domain/complaint/lifecycle';
import { redactText } from '../domain/complaint/redaction';
import { isOpen } from '../domain/complaint/status';
import { clearDescription, maskedDescription, peopleOf } from '../pii/description';
import type { FieldCipher } from '../pii/field-cipher';

/**
 * A stored complaint as one caller may see it: personal data and the description decrypted for
 * pii:read, the masked and redacted copies otherwise. Ciphertext, blind index and chain state never leave the store.
 */
/** `position` null: not read (lists); undefined: read, none stored yet. */
export async function renderComplaint(
  r: ComplaintRecord,
  cipher: FieldCipher,
  clearPii: boolean,
  position: WorkflowPosition | undefined | null = null,
): Promise<ComplaintView> {
  const {
    complainantEnc,
    complainantMasked,
    agentEnc,
    agentMasked,
    descriptionEnc: _descriptionEnc,
    descriptionMasked: _descriptionMasked,
    consumerKey: _consumerKey,
    lastSeq: _lastSeq,
    lastHash: _lastHash,
    createdBy: _createdBy,
    tenantId: _tenantId,
    ...plain
  } = r;
  const complainant = clearPii ? await cipher.decryptFields(r.tenantId, complainantEnc) : complainantMasked;
  const agentFields = agentEnc && (clearPii ? await cipher.decryptFields(r.tenantId, agentEnc) : agentMasked);
  return {
    ...plain,
    description: clearPii ? await clearDescription(cipher, r) : await maskedDescription(cipher, r),
    descriptionMasked: !clearPii,
    complainant: complainant as Complainant,
    complainantMasked: !clearPii,
    ...(position !== null && { waitingFor: isOpen(r.status) ? currentStep(position) : null }),
    ...(agentFields && { agent: agentFields as Agent }),
  };
}

/**
 * A complaint as the regulator sees it: whatever its grants, never a person's data. The description
 * is the copy redacted at write time; the free text staff wrote along the way (decision, feedback,
 * review, extension, partner answers) is stored as typed, so it is redacted here on the way out.
 */
export async function renderForRegulator(
  r: ComplaintRecord,
  cipher: FieldCipher,
  position: WorkflowPosition | undefined | null = null,
): Promise<RegulatorComplaintView> {
  const {
    complainant: _c,
    agent: _a,
    complainantMasked: _m,
    ...view
  } = await renderComplaint(r, cipher, false, position);
  const people = await peopleOf(cipher, r);
  const red = <T extends string | undefined>(text: T): T => (text === undefined ? text : redactText(text, people)) as T;
  return {
    ...view,
    ...(view.decision && {
      decision: { ...view.decision, summary: red(view.decision.summary), remedy: red(view.decision.remedy) },
    }),
    ...(view.feedback && { feedback: { ...view.feedback, summary: red(view.feedback.summary) } }),
    ...(view.extension && { extension: { ...view.extension, reason: red(view.extension.reason) } }),
    ...(view.reviewRequest && { reviewRequest: { ...view.reviewRequest, reason: red(view.reviewRequest.reason) } }),
    ...(view.reviewDecision && {
      reviewDecision: { ...view.reviewDecision, summary: red(view.reviewDecision.summary) },
    }),
    ...(view.reviewFeedback && {
      reviewFeedback: { ...view.reviewFeedback, summary: red(view.reviewFeedback.summary) },
    }),
    ...(view.ended && { ended: { ...view.ended, reason: red(view.ended.reason) } }),
    referrals: view.referrals.map((x) => ({ ...x, summary: red(x.summary) })),
  };
}
