import type { ReferralStatus } from '../../domain/complaint/referral';
import type { ComplaintStatus } from '../../domain/complaint/status';
import type { EventType } from '../../domain/events/event-schema';
import type { Locale, Text } from './locale';

/**
 * The lifecycle's words, one catalogue for the console, the portal and every page that names a
 * status, an event or a partner's answer.
 */
type Labels<K extends string> = Record<K, Text>;

export const STATUS_LABELS: Labels<ComplaintStatus> = {
  received: { 'zh-CN': '已登记', en: 'Received' },
  acknowledged: { 'zh-CN': '已受理', en: 'Acknowledged' },
  investigating: { 'zh-CN': '调查处理中', en: 'Investigating' },
  decided: { 'zh-CN': '已作出处理决定', en: 'Decided' },
  feedback_delivered: { 'zh-CN': '已告知处理结果', en: 'Decision told' },
  review_window: { 'zh-CN': '复核申请期内', en: 'Review window open' },
  review_requested: { 'zh-CN': '已申请复核', en: 'Review requested' },
  reviewed: { 'zh-CN': '已复核', en: 'Reviewed' },
  review_feedback_delivered: { 'zh-CN': '已告知复核结果', en: 'Review outcome told' },
  closed: { 'zh-CN': '已办结', en: 'Closed' },
  withdrawn: { 'zh-CN': '已撤回', en: 'Withdrawn' },
  declined: { 'zh-CN': '不予受理', en: 'Declined' },
  transferred: { 'zh-CN': '已转出', en: 'Transferred' },
};

/** Event types in words: a type added to the schema does not compile until it has them. */
export const EVENT_LABELS: Record<EventType, Text> = {
  received: { 'zh-CN': '登记投诉', en: 'Complaint registered' },
  acknowledged: { 'zh-CN': '确认受理', en: 'Acknowledged' },
  assigned: { 'zh-CN': '分派', en: 'Assigned' },
  escalated: { 'zh-CN': '升级提醒', en: 'Escalated' },
  escalation_capped: { 'zh-CN': '升级提醒已汇总', en: 'Escalations summed up' },
  overdue: { 'zh-CN': '已逾期', en: 'Overdue' },
  extended: { 'zh-CN': '延长处理期限', en: 'Deadline extended' },
  extension_notice_sent: { 'zh-CN': '已告知延期', en: 'Extension notice sent' },
  deadlines_recalculated: { 'zh-CN': '期限已重算', en: 'Deadlines recounted' },
  referral_requested: { 'zh-CN': '请求协办', en: 'Partner asked' },
  referral_answered: { 'zh-CN': '协办机构已答复', en: 'Partner answered' },
  referral_lapsed: { 'zh-CN': '不再等待协办答复', en: 'Went ahead without the partner' },
  paused: { 'zh-CN': '暂停计时', en: 'Clock paused' },
  resumed: { 'zh-CN': '恢复计时', en: 'Clock resumed' },
  decided: { 'zh-CN': '作出处理决定', en: 'Decision made' },
  feedback_delivered: { 'zh-CN': '告知处理结果', en: 'Decision told to the complainant' },
  review_window_opened: { 'zh-CN': '复核申请期开始', en: 'Review window opened' },
  review_requested: { 'zh-CN': '申请复核', en: 'Review requested' },
  reviewed: { 'zh-CN': '作出复核决定', en: 'Review decided' },
  review_feedback_delivered: { 'zh-CN': '告知复核结果', en: 'Review outcome told' },
  closed: { 'zh-CN': '办结', en: 'Closed' },
  withdrawn: { 'zh-CN': '撤回', en: 'Withdrawn' },
  declined: { 'zh-CN': '不予受理', en: 'Declined' },
  transferred: { 'zh-CN': '转出', en: 'Transferred' },
  contact_recorded: { 'zh-CN': '联系投诉人', en: 'Contact with the complainant' },
  note_added: { 'zh-CN': '内部备注', en: 'Internal note' },
};

export const REFERRAL_STATUS_LABELS: Labels<ReferralStatus> = {
  open: { 'zh-CN': '等待答复', en: 'Awaiting answer' },
  answered: { 'zh-CN': '已答复', en: 'Answered' },
  cancelled: { 'zh-CN': '已取消', en: 'Cancelled' },
  lapsed: { 'zh-CN': '逾期未答复', en: 'Lapsed' },
  waived: { 'zh-CN': '机构暂停，免于等待', en: 'Waived (partner suspended)' },
};

/** A code's words in the page's language; an unknown code shows as itself rather than nothing. */
export const labelOf = (labels: Partial<Record<string, Text>>, code: string, locale: Locale): string =>
  labels[code]?.[locale] ?? code.replaceAll('_', ' ');
