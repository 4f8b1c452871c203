import { defineMessages } from './locale';

/** Words of the layout and the shared components, on every page of both audiences. */
export const commonMessages = defineMessages({
  product: { 'zh-CN': 'Redress 投诉处理平台', en: 'Redress complaint handling' },
  skipToContent: { 'zh-CN': '跳到正文', en: 'Skip to content' },
  mainNav: { 'zh-CN': '主导航', en: 'Main navigation' },
  signOut: { 'zh-CN': '退出登录', en: 'Sign out' },
  signIn: { 'zh-CN': '登录', en: 'Sign in' },
  signedInAs: { 'zh-CN': '当前用户：{sub}', en: 'Signed in as {sub}' },
  roles: { 'zh-CN': '角色', en: 'Roles' },
  language: { 'zh-CN': '语言', en: 'Language' },
  errorTitle: { 'zh-CN': '出错了', en: 'Something went wrong' },
  notFoundTitle: { 'zh-CN': '找不到该页面', en: 'Page not found' },
  forbiddenTitle: { 'zh-CN': '无权访问', en: 'Not allowed' },
  conflictTitle: { 'zh-CN': '操作与当前状态冲突', en: 'That conflicts with the current state' },
  invalidTitle: { 'zh-CN': '请更正以下问题', en: 'Please correct the following' },
  backHome: { 'zh-CN': '返回首页', en: 'Back to the start page' },
  csrfRefused: {
    'zh-CN': '表单已过期或来源不明，请重新打开页面后再提交。',
    en: 'The form has expired or did not come from this site. Reopen the page and submit again.',
  },
  sessionExpired: { 'zh-CN': '登录已过期，请重新登录。', en: 'Your session has ended. Please sign in again.' },
  next: { 'zh-CN': '下一页', en: 'Next page' },
  first: { 'zh-CN': '第一页', en: 'First page' },
  none: { 'zh-CN': '无', en: 'None' },
  save: { 'zh-CN': '保存', en: 'Save' },
  submit: { 'zh-CN': '提交', en: 'Submit' },
  filter: { 'zh-CN': '筛选', en: 'Filter' },
  reset: { 'zh-CN': '重置', en: 'Reset' },
  show: { 'zh-CN': '显示', en: 'Show' },
  masked: { 'zh-CN': '已遮蔽', en: 'masked' },
});
