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

/** A complaint as the regulator sees it: whatever its grants, never a person's data, never the clear description. */
export async function renderForRegulator(
  r: ComplaintRecord,
  cipher: FieldCipher,
  position: WorkflowPosition | undefined | null = null,
): Promise<RegulatorComplaintView> {
  const {
    complainant: _c,
    agent: _a,
    complainantMasked: _m,
    ...rest
  } = await renderComplaint(r, cipher, false, position);
  return rest;
}
