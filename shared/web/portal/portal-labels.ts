import type { ComplaintStatus } from '../../domain/complaint/status';
import type { EventType } from '../../domain/events/event-schema';
import { labelled } from '../../domain/kpi/labels';
import type { InstitutionKind, TaxonomyAxis } from '../../domain/taxonomy';
import type { Locale, Text } from '../i18n/locale';

const STATUS: Record<ComplaintStatus, Text> = {
  received: { 'zh-CN': '已登记', en: 'Received' },
  acknowledged: { 'zh-CN': '已确认受理', en: 'Acknowledged' },
  investigating: { 'zh-CN': '调查中', en: 'Investigating' },
  decided: { 'zh-CN': '已作出决定', en: 'Decided' },
  feedback_delivered: { 'zh-CN': '已告知客户', en: 'Complainant told' },
  review_window: { 'zh-CN': '复核申请期', en: 'Review window' },
  review_requested: { 'zh-CN': '已申请复核', en: 'Review requested' },
  reviewed: { 'zh-CN': '已复核', en: 'Reviewed' },
  review_feedback_delivered: { 'zh-CN': '已告知复核结果', en: 'Review result told' },
  closed: { 'zh-CN': '已办结', en: 'Closed' },
  withdrawn: { 'zh-CN': '已撤回', en: 'Withdrawn' },
  declined: { 'zh-CN': '不予受理', en: 'Declined' },
  transferred: { 'zh-CN': '已转出', en: 'Transferred' },
};

const EVENT: Record<EventType, Text> = {
  received: { 'zh-CN': '登记', en: 'Received' },
  acknowledged: { 'zh-CN': '确认受理', en: 'Acknowledged' },
  assigned: { 'zh-CN': '分派', en: 'Assigned' },
  escalated: { 'zh-CN': '升级', en: 'Escalated' },
  escalation_capped: { 'zh-CN': '升级次数达上限', en: 'Escalations capped' },
  overdue: { 'zh-CN': '逾期', en: 'Became overdue' },
  extended: { 'zh-CN': '延期', en: 'Extended' },
  extension_notice_sent: { 'zh-CN': '延期通知已发送', en: 'Extension notice sent' },
  deadlines_recalculated: { 'zh-CN': '期限重算', en: 'Deadlines recalculated' },
  referral_requested: { 'zh-CN': '请求协办', en: 'Referral requested' },
  referral_answered: { 'zh-CN': '协办答复', en: 'Referral answered' },
  referral_lapsed: { 'zh-CN': '未待协办继续处理', en: 'Proceeded without partner' },
  paused: { 'zh-CN': '中止计时', en: 'Clock paused' },
  resumed: { 'zh-CN': '恢复计时', en: 'Clock resumed' },
  decided: { 'zh-CN': '作出决定', en: 'Decided' },
  feedback_delivered: { 'zh-CN': '告知客户', en: 'Complainant told' },
  review_window_opened: { 'zh-CN': '复核申请期开始', en: 'Review window opened' },
  review_requested: { 'zh-CN': '申请复核', en: 'Review requested' },
  reviewed: { 'zh-CN': '复核决定', en: 'Reviewed' },
  review_feedback_delivered: { 'zh-CN': '告知复核结果', en: 'Review result told' },
  closed: { 'zh-CN': '办结', en: 'Closed' },
  withdrawn: { 'zh-CN': '撤回', en: 'Withdrawn' },
  declined: { 'zh-CN': '不予受理', en: 'Declined' },
  transferred: { 'zh-CN': '转出', en: 'Transferred' },
};

const DEADLINE: Record<string, Text> = {
  acknowledgement: { 'zh-CN': '确认受理期限', en: 'Acknowledgement due' },
  decision: { 'zh-CN': '办结期限', en: 'Decision due' },
  originalDecision: { 'zh-CN': '原办结期限', en: 'Original decision deadline' },
  reviewRequest: { 'zh-CN': '复核申请截止', en: 'Review requests until' },
  reviewDecision: { 'zh-CN': '复核决定期限', en: 'Review decision due' },
};

export const statusLabel = (s: ComplaintStatus, l: Locale) => STATUS[s][l];
export const eventLabel = (t: EventType, l: Locale) => EVENT[t]?.[l] ?? t;
export const deadlineLabel = (name: string, l: Locale) => DEADLINE[name]?.[l] ?? name;
export const STATUSES = Object.keys(STATUS) as ComplaintStatus[];

/** A taxonomy code in the page's language (the code itself where the taxonomy has no label). */
export const codeLabel = (kind: InstitutionKind, axis: TaxonomyAxis, code: string, l: Locale) =>
  labelled(kind, axis, code).label[l];
