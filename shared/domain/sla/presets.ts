/**
 * The four regulatory presets as data, encoding shared/design/regulation.md. Every rule carries its
 * confidence there (P: rule text, S: secondary sources, U: unconfirmed or our own choice) so a
 * compliance reviewer can see what is law and what is a default a tenant may tighten.
 */
import type { Escalation, SlaPolicy, SlaPolicyId } from './policy-schema';

const days = (amount: number) => ({ amount, unit: 'calendar_days' as const });
const businessDays = (amount: number) => ({ amount, unit: 'business_days' as const });

/** architecture.md's example: notify level 1 at half time, level 2 at 80 %, level 3 at the deadline, then daily. */
const STANDARD_ESCALATION: Escalation = {
  checkpoints: [
    { fraction: 0.5, level: 1 },
    { fraction: 0.8, level: 2 },
    { fraction: 1, level: 3 },
  ],
  afterDeadlineEvery: 'P1D',
};

const ESCALATION_NOTE = {
  rule: 'escalation',
  confidence: 'U',
  text: 'Checkpoints at 50 %, 80 % and 100 % of the time allowed, then daily: our default, not a regulatory rule; configurable.',
} as const;

const cnNfra2020: SlaPolicy = {
  id: 'cn-nfra-2020',
  version: '2020.1',
  jurisdiction: 'CN',
  calendar: 'cn',
  timezone: 'Asia/Shanghai',
  acknowledgement: businessDays(1),
  decision: days(15),
  extensions: {
    complex: { total: days(30), requiresApproval: false, requiresNotice: true },
    especially_complex: { total: days(60), requiresApproval: true, requiresNotice: true },
  },
  reviewRequestWindow: days(30),
  reviewDecision: days(30),
  rollToWorkingDay: true,
  escalation: STANDARD_ESCALATION,
  notes: [
    {
      rule: 'acknowledgement',
      confidence: 'U',
      text: 'Contact within 1 working day comes from one local rule under first-receiver responsibility (首问负责制), not from CBIRC Order 2020 No. 3; national confidence U (S for that locality). Configurable.',
    },
    {
      rule: 'decision',
      confidence: 'S',
      text: 'Decision made and told to the complainant within 15 days of receipt (CBIRC Order 2020 No. 3). Calendar days; the day of receipt is not counted (Civil Code Art. 201).',
    },
    {
      rule: 'rollToWorkingDay',
      confidence: 'P',
      text: "A period whose last day is a statutory holiday ends on the first working day after it (Civil Code Art. 203); working days follow the State Council's yearly schedule including make-up workdays (调休), so a make-up Saturday does not roll.",
    },
    {
      rule: 'extensions.complex',
      confidence: 'S',
      text: 'Complex cases: up to 30 days from receipt. The text asks no approval; we require notice to the complainant of the new date because they must know when to expect the decision.',
    },
    {
      rule: 'extensions.especially_complex',
      confidence: 'S',
      text: 'Especially complex cases: a further 30 days (60 in total) with approval of the superior institution or a head-office senior manager, and the complainant told.',
    },
    {
      rule: 'pauses',
      confidence: 'S',
      text: 'Time for external appraisal, testing or valuation does not count; the decision deadline moves by the paused calendar days and the complainant is told.',
    },
    {
      rule: 'reviewRequestWindow',
      confidence: 'S',
      text: 'The complainant may apply in writing to the superior institution for review (核查) within 30 days of receiving the decision; counted from the feedback date when known, else the decision date.',
    },
    {
      rule: 'reviewDecision',
      confidence: 'U',
      text: 'Review decision within 30 days of the request: not confirmed in the rule text; configurable.',
    },
    ESCALATION_NOTE,
  ],
};

const ukFcaDisp: SlaPolicy = {
  id: 'uk-fca-disp',
  version: '2024.1',
  jurisdiction: 'GB',
  calendar: 'uk-ew',
  timezone: 'Europe/London',
  acknowledgement: businessDays(3),
  decision: days(56),
  extensions: {},
  reviewRequestWindow: null,
  reviewDecision: null,
  rollToWorkingDay: false,
  escalation: STANDARD_ESCALATION,
  notes: [
    {
      rule: 'acknowledgement',
      confidence: 'P',
      text: 'DISP 1.5: a complaint resolved by the close of the 3rd business day after receipt may be closed with a summary resolution communication; DISP 1.6.1 asks for a prompt written acknowledgement. We use the 3-business-day mark as the acknowledgement / summary-resolution deadline. Business days: England and Wales bank holidays.',
    },
    {
      rule: 'decision',
      confidence: 'P',
      text: 'DISP 1.6.2: final response, or a holding response giving ombudsman referral rights, by the end of 8 weeks after receipt = 56 calendar days; the FCA does not move the date off weekends or bank holidays, so no roll.',
    },
    {
      rule: 'extensions',
      confidence: 'P',
      text: "None: at 8 weeks a holding response ends the firm's deadline and opens the ombudsman route; it is not an extension.",
    },
    {
      rule: 'paymentServices',
      confidence: 'P',
      text: 'DISP 1.6.2A: payment-services complaints need a final response within 15 business days, exceptionally 35 with a holding reply (as eu-psd2). Business days cannot be expressed as an override of a calendar-day preset; such tenants need a separate payment-services preset (not yet defined).',
    },
    {
      rule: 'review',
      confidence: 'P',
      text: "No internal review stage; escalation is to the Financial Ombudsman Service (6 months from the final response), outside the firm's deadlines.",
    },
    ESCALATION_NOTE,
  ],
};

const euPsd2: SlaPolicy = {
  id: 'eu-psd2',
  version: '2018.1',
  jurisdiction: 'EU',
  calendar: 'eu-target',
  timezone: 'Europe/Brussels',
  acknowledgement: businessDays(3),
  decision: businessDays(15),
  extensions: {
    complex: { total: businessDays(35), requiresApproval: false, requiresNotice: true },
  },
  reviewRequestWindow: null,
  reviewDecision: null,
  rollToWorkingDay: true,
  escalation: STANDARD_ESCALATION,
  notes: [
    {
      rule: 'acknowledgement',
      confidence: 'U',
      text: 'PSD2 sets no acknowledgement deadline; 3 business days is our default (aligned with DISP 1.5). Configurable.',
    },
    {
      rule: 'decision',
      confidence: 'P',
      text: 'PSD2 Art. 101(2): reply within 15 business days of receipt.',
    },
    {
      rule: 'extensions.complex',
      confidence: 'P',
      text: 'PSD2 Art. 101(2): in exceptional situations a holding reply giving the reasons and the final date; final reply within 35 business days. Modelled as the complex tier; the holding reply is the notice.',
    },
    {
      rule: 'calendar',
      confidence: 'U',
      text: 'A business day under PSD2 is a day the payment service provider is open, set per member state. We default to the TARGET2 closing days (weekends, 1 Jan, Good Friday, Easter Monday, 1 May, 25-26 Dec); national holidays are not included. Configurable by the calendar choice.',
    },
    {
      rule: 'review',
      confidence: 'P',
      text: 'No internal review stage; the complainant goes to the national ADR body.',
    },
    ESCALATION_NOTE,
  ],
};

const usCfpb: SlaPolicy = {
  id: 'us-cfpb',
  version: '2024.1',
  jurisdiction: 'US',
  calendar: 'us-federal',
  timezone: 'America/New_York',
  acknowledgement: days(15),
  decision: days(60),
  extensions: {},
  reviewRequestWindow: null,
  reviewDecision: null,
  rollToWorkingDay: false,
  escalation: STANDARD_ESCALATION,
  notes: [
    {
      rule: 'acknowledgement',
      confidence: 'S',
      text: 'CFPB complaint process: the company responds within 15 calendar days (the initial response, used as the acknowledgement deadline). Calendar days with no roll to a business day.',
    },
    {
      rule: 'decision',
      confidence: 'S',
      text: 'A company that marks its response "in progress" must give a final response within 60 calendar days.',
    },
    {
      rule: 'extensions',
      confidence: 'S',
      text: 'None: the CFPB process has no extension beyond 60 days.',
    },
    {
      rule: 'clockStart',
      confidence: 'U',
      text: 'The CFPB counts from the day it sends the complaint to the company; we count from receipt by the institution, which is never later. Configurable.',
    },
    ESCALATION_NOTE,
  ],
};

export const PRESETS: Readonly<Record<SlaPolicyId, SlaPolicy>> = {
  'cn-nfra-2020': cnNfra2020,
  'uk-fca-disp': ukFcaDisp,
  'eu-psd2': euPsd2,
  'us-cfpb': usCfpb,
};

/** A fresh copy, so callers that adjust a policy can never alter the shared preset (plain JSON data). */
export function presetById(id: SlaPolicyId): SlaPolicy {
  return JSON.parse(JSON.stringify(PRESETS[id])) as SlaPolicy;
}
