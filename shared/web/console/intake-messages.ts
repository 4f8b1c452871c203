import { defineMessages, type Locale } from '../i18n/locale';

/** The intake desk: registering a complaint on any channel. */
export const intakeMessages = defineMessages({
  title: { 'zh-CN': '登记投诉', en: 'Register a complaint' },
  receipt: { 'zh-CN': '受理信息', en: 'Receipt' },
  channelNav: { 'zh-CN': '选择受理渠道', en: 'Choose the channel' },
  intro_phone: {
    'zh-CN': '电话投诉：边听边记，受理时间默认为现在。',
    en: 'A phone complaint: note it down as you listen; it is received now unless you say otherwise.',
  },
  intro_branch: {
    'zh-CN': '营业网点（柜面）当面受理的投诉。',
    en: 'A complaint made in person at a branch counter.',
  },
  intro_letter: {
    'zh-CN': '信函投诉：受理时间填写本机构收到信函的时间。',
    en: 'A letter: the time received is when the letter reached your institution.',
  },
  intro_email: {
    'zh-CN': '电子邮件投诉：受理时间填写邮件到达的时间。',
    en: 'An e-mail: the time received is when the message arrived.',
  },
  intro_app: { 'zh-CN': '通过移动应用（App）提交的投诉。', en: 'A complaint sent through the mobile app.' },
  intro_web: { 'zh-CN': '通过网站提交的投诉。', en: 'A complaint sent through the website.' },
  intro_social: { 'zh-CN': '在社交媒体上提出的投诉。', en: 'A complaint raised on social media.' },
  intro_regulator_transfer: {
    'zh-CN': '监管转办件：请填写监管机构的转办编号，受理时间为本机构收到转办的时间。',
    en: "Forwarded by the regulator: enter the regulator's reference; the time received is when the forwarding reached you.",
  },
  channel: { 'zh-CN': '受理渠道', en: 'Channel' },
  regulatorReference: { 'zh-CN': '监管转办编号', en: 'Regulator’s reference' },
  regulatorReferenceHint: {
    'zh-CN': '监管机构转办单上的编号（字母、数字及 -_./）。',
    en: "The reference on the regulator's forwarding notice (letters, digits and -_./).",
  },
  receivedAt: { 'zh-CN': '受理时间', en: 'Time received' },
  receivedAtHint: {
    'zh-CN': '机构所在地时间；留空表示现在。不得晚于现在。',
    en: "Your institution's local time; leave empty for now. Never in the future.",
  },
  complainant: { 'zh-CN': '投诉人', en: 'Complainant' },
  name: { 'zh-CN': '姓名', en: 'Name' },
  phone: { 'zh-CN': '电话', en: 'Phone' },
  email: { 'zh-CN': '电子邮件', en: 'Email' },
  contactHint: {
    'zh-CN': '电话和电子邮件至少填写一项。',
    en: 'Give at least one of phone and email.',
  },
  idNumber: { 'zh-CN': '证件号码', en: 'ID number' },
  idNumberHint: {
    'zh-CN': '有证件号码时，重复投诉按证件号码识别，否则按电话或电子邮件。',
    en: 'With an ID number, repeat complaints are matched on it; otherwise on the phone or email.',
  },
  address: { 'zh-CN': '地址', en: 'Address' },
  agent: { 'zh-CN': '代理人（如有）', en: 'Agent (if any)' },
  agentName: { 'zh-CN': '代理人姓名', en: 'Agent’s name' },
  relationship: { 'zh-CN': '代理关系', en: 'Relationship' },
  rel_agent: { 'zh-CN': '受托代理人', en: 'Authorised agent' },
  rel_heir: { 'zh-CN': '继承人', en: 'Heir' },
  rel_representative: { 'zh-CN': '集体投诉代表', en: 'Representative of a group' },
  agentPhone: { 'zh-CN': '代理人电话', en: 'Agent’s phone' },
  agentEmail: { 'zh-CN': '代理人电子邮件', en: 'Agent’s email' },
  authorisationRef: { 'zh-CN': '授权委托书编号', en: 'Authorisation reference' },
  matter: { 'zh-CN': '投诉事项', en: 'The complaint' },
  category: { 'zh-CN': '业务类别', en: 'Category' },
  reason: { 'zh-CN': '投诉原因', en: 'Reason' },
  choose: { 'zh-CN': '请选择', en: 'Choose one' },
  product: { 'zh-CN': '产品或服务名称', en: 'Product or service' },
  description: { 'zh-CN': '投诉内容', en: 'Description' },
  descriptionHint: {
    'zh-CN': '投诉人的诉求与经过。无个人信息查看权限的同事看到的是遮蔽后的文本。',
    en: 'What happened and what the complainant asks for. Colleagues without personal-data access see it redacted.',
  },
  amount: { 'zh-CN': '争议金额', en: 'Amount in dispute' },
  amountHint: { 'zh-CN': '如 1200.00；没有则留空。', en: 'Such as 1200.00; leave empty if none.' },
  currency: { 'zh-CN': '币种', en: 'Currency' },
  unit: { 'zh-CN': '承办单位', en: 'Handling unit' },
  unitHint: { 'zh-CN': '留空则由总行（总公司）承办。', en: 'Leave empty for the head office.' },
  headOfficeDefault: { 'zh-CN': '总行 / 总公司（默认）', en: 'Head office (default)' },
  register: { 'zh-CN': '登记投诉', en: 'Register the complaint' },
  registerAnyway: { 'zh-CN': '仍然登记（记为重复投诉）', en: 'Register anyway (as a repeat)' },
  repeatTitle: { 'zh-CN': '可能是重复投诉', en: 'This may be a repeat complaint' },
  repeatBody: {
    'zh-CN':
      '同一投诉人 {days} 天内已有同一业务类别的投诉 {reference}（受理于 {received}）。继续登记将把本投诉记为其重复投诉。',
    en: 'The same complainant made a complaint in the same category within {days} days: {reference} (received {received}). Registering this one records it as a repeat of that one.',
  },
  repeatOpen: { 'zh-CN': '查看投诉 {reference}', en: 'Open complaint {reference}' },
  repeatAdvice: {
    'zh-CN': '如属同一事项，可改为在原投诉中记录联系；如确需新登记，请点击“仍然登记”。',
    en: 'If it is the same matter, record a contact on that complaint instead; otherwise choose "Register anyway".',
  },
  formExpired: {
    'zh-CN': '表单缺少提交标识，请重新打开登记页面。',
    en: 'The form lacks its submission key. Open the intake page again.',
  },
  alreadyFiled: {
    'zh-CN': '此表单已登记为投诉，之后的修改未保存。',
    en: 'This form was already registered as a complaint; the later changes were not saved.',
  },
  openFiled: { 'zh-CN': '打开已登记的投诉', en: 'Open the registered complaint' },
  newForm: { 'zh-CN': '登记另一件投诉', en: 'Register another complaint' },
});

/**
 * The API's own words for a refused field (its schemas' custom messages and intake's rules), in
 * the page's language: the schema stays the one source of what is refused, the page says it in Chinese.
 */
const RULES: { match: RegExp; text: Record<Locale, string> }[] = [
  // zod's words for a field left empty, in either language.
  { match: /(received undefined|实际接收 undefined)$/, text: { 'zh-CN': '此项必填', en: 'This is required' } },
  {
    match: /^at least one contact/,
    text: { 'zh-CN': '电话和电子邮件至少填写一项', en: 'Give at least one of phone and email' },
  },
  {
    match: /^must be a phone number/,
    text: {
      'zh-CN': '请输入 5–20 位数字的电话号码，可以 + 开头',
      en: 'Enter a phone number of 5–20 digits, + allowed first',
    },
  },
  {
    match: /^must be 4-40 letters or digits/,
    text: { 'zh-CN': '请输入 4–40 位字母或数字', en: 'Enter 4–40 letters or digits' },
  },
  {
    match: /^must be 1-64 letters, digits/,
    text: { 'zh-CN': '请输入 1–64 位字母、数字或 -_./', en: 'Enter 1–64 letters, digits or -_./' },
  },
  {
    match: /^must be a non-negative decimal/,
    text: { 'zh-CN': '请输入金额，如 1200.00', en: 'Enter an amount such as 1200.00' },
  },
  {
    match: /^required when the channel is regulator_transfer/,
    text: { 'zh-CN': '监管转办件须填写转办编号', en: 'Required for a complaint the regulator forwarded' },
  },
  {
    match: /^only for the channel regulator_transfer/,
    text: { 'zh-CN': '仅监管转办件填写转办编号', en: 'Only for a complaint the regulator forwarded' },
  },
  { match: /^must not be in the future/, text: { 'zh-CN': '不得晚于现在', en: 'Must not be in the future' } },
  {
    match: /^must be within the last (\d+) days/,
    text: { 'zh-CN': '不得早于 {1} 天前', en: 'Must be within the last {1} days' },
  },
  { match: /^must not be before/, text: { 'zh-CN': '日期过早，请检查', en: 'That date is too early; check it' } },
  {
    match: /^not a \w+ category code/,
    text: { 'zh-CN': '请选择本机构的业务类别', en: 'Choose one of the categories listed' },
  },
  {
    match: /^not a \w+ reason code/,
    text: { 'zh-CN': '请选择本机构的投诉原因', en: 'Choose one of the reasons listed' },
  },
  { match: /^no such unit/, text: { 'zh-CN': '请选择列出的承办单位', en: 'Choose one of the units listed' } },
];

export function intakeRefusal(locale: Locale) {
  return (message: string) => {
    for (const r of RULES) {
      const m = r.match.exec(message);
      if (m) return r.text[locale].replace(/\{(\d)\}/g, (_, i: string) => m[Number(i)] ?? '');
    }
    return message;
  };
}
