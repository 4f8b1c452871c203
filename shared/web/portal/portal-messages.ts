import { defineMessages } from '../i18n/locale';

export const portalNavMessages = defineMessages({
  dashboard: { 'zh-CN': '监管总览', en: 'Dashboard' },
  forwarded: { 'zh-CN': '转办投诉', en: 'Forwarded complaints' },
  returns: { 'zh-CN': '季度报表', en: 'Quarterly returns' },
});
