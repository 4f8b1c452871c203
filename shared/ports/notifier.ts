/** Who must hear about an escalation: locally a log line, in AWS an EventBridge event (webhooks later). */
export type EscalationNotice = {
  tenantId: string;
  complaintId: string;
  reference: string;
  step: string;
  level: number;
  unitId: string | null;
  kind: 'checkpoint' | 'deadline' | 'overdue';
  deadline: string;
  /** Set when the escalation concerns a partner institution's referral. */
  partnerTenantId?: string;
};

export interface Notifier {
  escalation(notice: EscalationNotice): Promise<void>;
}
