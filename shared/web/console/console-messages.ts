import { defineMessages } from '../i18n/locale';

/** The console's navigation; each page area keeps its own catalogue beside it. */
export const consoleNavMessages = defineMessages({
  queue: { 'zh-CN': '工作队列', en: 'Work queue' },
  intake: { 'zh-CN': '登记投诉', en: 'Register a complaint' },
  referrals: { 'zh-CN': '协办转来', en: 'Referrals' },
  admin: { 'zh-CN': '机构管理', en: 'Administration' },
});
