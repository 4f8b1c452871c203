import type { AxisRow } from '../../domain/complaint/deadline-axis';
import { defineMessages, type Text } from '../i18n/locale';

export { EVENT_LABELS, labelOf, REFERRAL_STATUS_LABELS, STATUS_LABELS } from '../i18n/lifecycle-labels';

/** The complaint page's own words. */
export const complaintMessages = defineMessages({
  title: { 'zh-CN': '投诉 {reference}', en: 'Complaint {reference}' },
  overdue: { 'zh-CN': '已逾期', en: 'Overdue' },
  repeat: { 'zh-CN': '重复投诉', en: 'Repeat complaint' },
  record: { 'zh-CN': '投诉信息', en: 'The complaint' },
  reference: { 'zh-CN': '投诉编号', en: 'Reference' },
  status: { 'zh-CN': '状态', en: 'Status' },
  waitingFor: { 'zh-CN': '当前环节', en: 'Current step' },
  channel: { 'zh-CN': '渠道', en: 'Channel' },
  category: { 'zh-CN': '业务类别', en: 'Category' },
  reason: { 'zh-CN': '投诉原因', en: 'Reason' },
  product: { 'zh-CN': '产品', en: 'Product' },
  amount: { 'zh-CN': '争议金额', en: 'Amount in dispute' },
  receivedAt: { 'zh-CN': '受理时间', en: 'Received' },
  acknowledgedAt: { 'zh-CN': '确认受理时间', en: 'Acknowledged' },
  decidedAt: { 'zh-CN': '决定时间', en: 'Decided' },
  unit: { 'zh-CN': '承办单位', en: 'Unit' },
  assignee: { 'zh-CN': '经办人', en: 'Handler' },
  unassigned: { 'zh-CN': '未分派', en: 'Not assigned' },
  escalationLevel: { 'zh-CN': '升级级别', en: 'Escalation level' },
  regulatorReference: { 'zh-CN': '监管转办编号', en: "Regulator's reference" },
  policy: { 'zh-CN': '适用时限规则', en: 'Deadline policy' },
  provisional: {
    'zh-CN': '部分期限按尚未公布的节假日安排暂算，公布后将重新计算。',
    en: 'Some deadlines count over a year whose holidays are not published yet; they are recounted once they are.',
  },
  description: { 'zh-CN': '投诉内容', en: 'Description' },

  personalData: { 'zh-CN': '投诉人信息', en: 'Complainant' },
  name: { 'zh-CN': '姓名', en: 'Name' },
  phone: { 'zh-CN': '电话', en: 'Phone' },
  email: { 'zh-CN': '电子邮件', en: 'E-mail' },
  idNumber: { 'zh-CN': '证件号码', en: 'ID number' },
  address: { 'zh-CN': '地址', en: 'Address' },
  agent: { 'zh-CN': '代理人', en: 'Agent' },
  relationship: { 'zh-CN': '关系', en: 'Relationship' },
  authorisationRef: { 'zh-CN': '授权文件编号', en: 'Authorisation reference' },
  masked: { 'zh-CN': '已遮蔽', en: 'Masked' },
  shown: { 'zh-CN': '已显示', en: 'Shown' },
  noPiiRead: {
    'zh-CN': '您没有查看个人信息（pii:read）的权限，个人信息均已遮蔽。',
    en: 'You do not hold the pii:read grant: personal data stays masked.',
  },
  revealLegend: { 'zh-CN': '选择要显示的个人信息', en: 'Personal data to show' },
  revealHint: {
    'zh-CN': '每次显示都会记入个人信息访问日志（查看人、时间、投诉、字段），机构管理员可查阅。',
    en: "Every reveal is recorded in the personal-data access log (who, when, which complaint, which fields), which the institution's administrator reads.",
  },
  reveal: { 'zh-CN': '显示所选个人信息', en: 'Show the selected personal data' },
  revealed: {
    'zh-CN': '已按您的请求显示个人信息，本次查看已记入访问日志。',
    en: 'Personal data shown at your request; this reveal is recorded in the access log.',
  },
  maskAgain: { 'zh-CN': '重新遮蔽', en: 'Mask again' },

  handling: { 'zh-CN': '处理情况', en: 'Handling' },
  decision: { 'zh-CN': '处理决定', en: 'Decision' },
  outcome: { 'zh-CN': '结论', en: 'Outcome' },
  summary: { 'zh-CN': '摘要', en: 'Summary' },
  remedy: { 'zh-CN': '补救措施', en: 'Remedy' },
  remediesAvailable: { 'zh-CN': '告知的救济途径', en: 'Remedies named' },
  by: { 'zh-CN': '经办', en: 'By' },
  onTime: { 'zh-CN': '按时', en: 'On time' },
  late: { 'zh-CN': '逾期', en: 'Late' },
  feedback: { 'zh-CN': '告知投诉人', en: 'Feedback to the complainant' },
  deliveredAt: { 'zh-CN': '告知时间', en: 'Told on' },
  feedbackChannel: { 'zh-CN': '告知方式', en: 'Channel' },
  pause: { 'zh-CN': '暂停计时', en: 'Clock paused' },
  pausedSince: { 'zh-CN': '暂停中，自 {from}', en: 'Paused since {from}' },
  pausedSpan: { 'zh-CN': '{from} 至 {to}（{days} 天）', en: '{from} to {to} ({days} days)' },
  notice: { 'zh-CN': '告知投诉人', en: 'Notice to the complainant' },
  extension: { 'zh-CN': '延长期限', en: 'Extension' },
  tier: { 'zh-CN': '延期类型', en: 'Tier' },
  approvedBy: { 'zh-CN': '批准人', en: 'Approved by' },
  review: { 'zh-CN': '复核', en: 'Review' },
  reviewRequestedAt: { 'zh-CN': '申请时间', en: 'Requested' },
  reviewDecision: { 'zh-CN': '复核决定', en: 'Review decision' },
  reviewFeedback: { 'zh-CN': '告知复核结果', en: 'Review outcome told' },
  ended: { 'zh-CN': '结束方式', en: 'Ended' },
  closedAt: { 'zh-CN': '办结时间', en: 'Closed' },
  transferredTo: { 'zh-CN': '转至机构', en: 'Transferred to' },
  transferredFrom: { 'zh-CN': '转自', en: 'Transferred from' },
  nothingYet: { 'zh-CN': '尚未作出处理决定。', en: 'No decision yet.' },

  deadlines: { 'zh-CN': '期限与升级', en: 'Deadlines and escalations' },
  axisTitle: { 'zh-CN': '期限时间轴', en: 'Deadlines on a time axis' },
  axisDesc: {
    'zh-CN': '{from} 至 {to}：{rows} 项期限，{fired} 次已触发升级，{ahead} 个待触发的提醒点。明细见下表。',
    en: '{from} to {to}: {rows} deadlines, {fired} escalations fired, {ahead} checkpoints ahead. The tables below list them.',
  },
  now: { 'zh-CN': '现在', en: 'Now' },
  nowIs: { 'zh-CN': '现在：{now}', en: 'Now: {now}' },
  nowOutside: { 'zh-CN': '（在时间轴范围之后）', en: '(after the range of the axis)' },
  escalations: { 'zh-CN': '升级提醒', en: 'Escalations' },
  item: { 'zh-CN': '事项', en: 'Item' },
  from: { 'zh-CN': '起算', en: 'From' },
  due: { 'zh-CN': '期限', en: 'Due' },
  originalDue: { 'zh-CN': '原期限 {at}', en: 'originally {at}' },
  done: { 'zh-CN': '完成', en: 'Done' },
  state: { 'zh-CN': '状态', en: 'State' },
  at: { 'zh-CN': '时间', en: 'Time' },
  level: { 'zh-CN': '级别', en: 'Level' },
  levelN: { 'zh-CN': '{level} 级', en: 'level {level}' },
  kind: { 'zh-CN': '类型', en: 'Kind' },
  deadlineOf: { 'zh-CN': '所属期限', en: 'Deadline' },
  fired: { 'zh-CN': '已触发', en: 'Fired' },
  ahead: { 'zh-CN': '待触发', en: 'Ahead' },
  noCheckpoints: { 'zh-CN': '没有升级提醒。', en: 'No escalations.' },
  pausedLegend: { 'zh-CN': '暂停期间', en: 'Paused' },
  legendWindow: { 'zh-CN': '期限内', en: 'Time allowed' },
  legendDue: { 'zh-CN': '期限', en: 'Due' },
  legendOriginalDue: { 'zh-CN': '延期前的期限', en: 'Due before the extension' },
  legendDone: { 'zh-CN': '完成', en: 'Done' },
  legendLate: { 'zh-CN': '超出期限', en: 'Past the deadline' },

  actions: { 'zh-CN': '处理操作', en: 'Actions' },
  contactLog: { 'zh-CN': '联系记录与内部备注', en: 'Contact log and notes' },

  referrals: { 'zh-CN': '协办机构', en: 'Referrals to partners' },
  partner: { 'zh-CN': '协办机构', en: 'Partner' },
  answer: { 'zh-CN': '答复', en: 'Answer' },
  answeredAt: { 'zh-CN': '答复时间', en: 'Answered' },
  noReferrals: { 'zh-CN': '未请求协办。', en: 'No partner was asked.' },
  endedReason: { 'zh-CN': '{at} 由 {by} 继续处理：{reason}', en: '{at}, {by} went ahead: {reason}' },

  related: { 'zh-CN': '相关投诉', en: 'Related complaints' },
  repeatOf: { 'zh-CN': '本投诉重复了', en: 'Repeat of' },
  repeatedBy: { 'zh-CN': '重复本投诉的', en: 'Repeated by' },
  missing: { 'zh-CN': '（已不存在）', en: '(no longer there)' },
  noRelated: { 'zh-CN': '没有相关投诉。', en: 'No related complaints.' },

  timeline: { 'zh-CN': '事件记录', en: 'Event timeline' },
  newestFirst: { 'zh-CN': '最新在前', en: 'Newest first' },
  oldestFirst: { 'zh-CN': '最早在前', en: 'Oldest first' },
  order: { 'zh-CN': '排序', en: 'Order' },
  chainIntact: {
    'zh-CN': '哈希链完整：{events} 个事件均已验证。',
    en: 'Hash chain intact: all {events} events verified.',
  },
  chainBroken: {
    'zh-CN': '哈希链断裂：第 {seq} 个事件与前一事件不相符，事件记录可能被篡改。',
    en: 'Hash chain broken: event {seq} does not link to the one before; the log may have been tampered with.',
  },
  chainTruncated: {
    'zh-CN': '哈希链断裂：投诉记录应有 {expected} 个事件，实际只有 {events} 个与之相符，末尾事件可能被删除或替换。',
    en: 'Hash chain broken: the record names {expected} events, the log ends at {events} that match; events at the end may have been removed or replaced.',
  },
  brokenHere: { 'zh-CN': '从此处断裂', en: 'Chain breaks here' },
  system: { 'zh-CN': '系统（{id}）', en: 'System ({id})' },
  seq: { 'zh-CN': '第 {seq} 项', en: 'No. {seq}' },
});

export const accessLogMessages = defineMessages({
  title: { 'zh-CN': '个人信息访问日志', en: 'Personal-data access log' },
  intro: {
    'zh-CN': '谁在何时显示了哪件投诉的哪些个人信息，最新在前。',
    en: "Who revealed which complaint's personal data, which fields and when; newest first.",
  },
  month: { 'zh-CN': '月份（UTC）', en: 'Month (UTC)' },
  allMonths: { 'zh-CN': '全部月份', en: 'All months' },
  at: { 'zh-CN': '时间', en: 'Time' },
  who: { 'zh-CN': '查看人', en: 'Who' },
  complaint: { 'zh-CN': '投诉', en: 'Complaint' },
  fields: { 'zh-CN': '字段', en: 'Fields' },
  empty: { 'zh-CN': '没有访问记录。', en: 'No reveals recorded.' },
  caption: { 'zh-CN': '访问记录', en: 'Reveals' },
});

type Labels<K extends string> = Record<K, Text>;

export const OUTCOME_LABELS: Labels<'upheld' | 'partially_upheld' | 'not_upheld'> = {
  upheld: { 'zh-CN': '投诉成立', en: 'Upheld' },
  partially_upheld: { 'zh-CN': '部分成立', en: 'Partially upheld' },
  not_upheld: { 'zh-CN': '投诉不成立', en: 'Not upheld' },
};

export const REVIEW_OUTCOME_LABELS: Labels<'original_upheld' | 'changed'> = {
  original_upheld: { 'zh-CN': '维持原决定', en: 'Original decision upheld' },
  changed: { 'zh-CN': '变更原决定', en: 'Decision changed' },
};

export const REMEDY_LABELS: Labels<'review' | 'mediation' | 'arbitration' | 'litigation' | 'ombudsman' | 'regulator'> =
  {
    review: { 'zh-CN': '申请复核', en: 'Review' },
    mediation: { 'zh-CN': '调解', en: 'Mediation' },
    arbitration: { 'zh-CN': '仲裁', en: 'Arbitration' },
    litigation: { 'zh-CN': '诉讼', en: 'Litigation' },
    ombudsman: { 'zh-CN': '金融纠纷调解机构', en: 'Ombudsman' },
    regulator: { 'zh-CN': '向监管部门反映', en: 'Regulator' },
  };

export const FEEDBACK_CHANNEL_LABELS: Labels<'phone' | 'email' | 'letter' | 'sms' | 'in_person' | 'app' | 'web'> = {
  phone: { 'zh-CN': '电话', en: 'Phone' },
  email: { 'zh-CN': '电子邮件', en: 'E-mail' },
  letter: { 'zh-CN': '信函', en: 'Letter' },
  sms: { 'zh-CN': '短信', en: 'Text message' },
  in_person: { 'zh-CN': '当面', en: 'In person' },
  app: { 'zh-CN': '移动应用', en: 'App' },
  web: { 'zh-CN': '网站', en: 'Website' },
};

export const TIER_LABELS: Labels<'complex' | 'especially_complex'> = {
  complex: { 'zh-CN': '情况复杂', en: 'Complex' },
  especially_complex: { 'zh-CN': '情况特别复杂', en: 'Especially complex' },
};

export const DECLINE_LABELS: Partial<Record<string, Text>> = {
  not_a_complaint: { 'zh-CN': '不属于投诉', en: 'Not a complaint' },
  duplicate: { 'zh-CN': '重复投诉', en: 'Duplicate' },
  outside_scope: { 'zh-CN': '不属于受理范围', en: 'Outside scope' },
  already_in_litigation_or_arbitration: { 'zh-CN': '已进入诉讼或仲裁', en: 'In litigation or arbitration' },
  no_contact_possible: { 'zh-CN': '无法联系投诉人', en: 'No contact possible' },
  anonymous: { 'zh-CN': '匿名投诉', en: 'Anonymous' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

export const ENDED_LABELS: Labels<'withdrawn' | 'declined' | 'transferred'> = {
  withdrawn: { 'zh-CN': '投诉人撤回', en: 'Withdrawn' },
  declined: { 'zh-CN': '不予受理', en: 'Declined' },
  transferred: { 'zh-CN': '转至其他机构', en: 'Transferred' },
};

export const RELATIONSHIP_LABELS: Labels<'agent' | 'heir' | 'representative'> = {
  agent: { 'zh-CN': '委托代理人', en: 'Agent' },
  heir: { 'zh-CN': '继承人', en: 'Heir' },
  representative: { 'zh-CN': '法定代表人', en: 'Representative' },
};

export const POSITION_LABELS: Partial<Record<string, Text>> = {
  agrees: { 'zh-CN': '同意', en: 'Agrees' },
  disagrees: { 'zh-CN': '不同意', en: 'Disagrees' },
  partially_agrees: { 'zh-CN': '部分同意', en: 'Partially agrees' },
  information_only: { 'zh-CN': '仅提供信息', en: 'Information only' },
};

export const WAIT_STEP_LABELS: Partial<Record<string, Text>> = {
  acknowledgement: { 'zh-CN': '待确认受理', en: 'Awaiting acknowledgement' },
  referrals: { 'zh-CN': '等待协办答复', en: 'Waiting for partners' },
  decision: { 'zh-CN': '待作出决定', en: 'Awaiting decision' },
  feedback: { 'zh-CN': '待告知投诉人', en: 'Awaiting feedback' },
  review_window: { 'zh-CN': '复核申请期', en: 'Review window' },
  review_decision: { 'zh-CN': '待复核决定', en: 'Awaiting review decision' },
  review_feedback: { 'zh-CN': '待告知复核结果', en: 'Awaiting review feedback' },
};

export const AXIS_ROW_LABELS: Labels<AxisRow['key']> = {
  acknowledgement: { 'zh-CN': '确认受理', en: 'Acknowledgement' },
  referral: { 'zh-CN': '协办答复：{partner}', en: 'Partner answer: {partner}' },
  decision: { 'zh-CN': '处理决定', en: 'Decision' },
  feedback: { 'zh-CN': '告知处理结果', en: 'Telling the decision' },
  review_window: { 'zh-CN': '复核申请期（投诉人）', en: "Review window (complainant's)" },
  review_decision: { 'zh-CN': '复核决定', en: 'Review decision' },
  review_feedback: { 'zh-CN': '告知复核结果', en: 'Telling the review outcome' },
};

export const AXIS_STATE_LABELS: Labels<'met' | 'late' | 'overdue' | 'pending' | 'ended' | 'closed' | 'lapsed'> = {
  met: { 'zh-CN': '按时完成', en: 'Done on time' },
  late: { 'zh-CN': '逾期完成', en: 'Done late' },
  overdue: { 'zh-CN': '已逾期', en: 'Overdue' },
  pending: { 'zh-CN': '未到期', en: 'Not due yet' },
  ended: { 'zh-CN': '投诉已结束', en: 'Complaint ended first' },
  closed: { 'zh-CN': '期满未申请', en: 'Passed unused' },
  lapsed: { 'zh-CN': '未答复，已继续处理', en: 'Not answered; went ahead' },
};

export const DEADLINE_LABELS: Labels<'acknowledgement' | 'decision' | 'review' | 'referral'> = {
  acknowledgement: { 'zh-CN': '确认受理', en: 'Acknowledgement' },
  decision: { 'zh-CN': '处理决定', en: 'Decision' },
  review: { 'zh-CN': '复核决定', en: 'Review decision' },
  referral: { 'zh-CN': '协办答复', en: 'Partner answer' },
};

export const CHECKPOINT_LABELS: Labels<'checkpoint' | 'deadline' | 'overdue'> = {
  checkpoint: { 'zh-CN': '提醒点', en: 'Checkpoint' },
  deadline: { 'zh-CN': '到期', en: 'At the deadline' },
  overdue: { 'zh-CN': '逾期提醒', en: 'Overdue reminder' },
};
