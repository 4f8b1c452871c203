import { defineMessages } from '../i18n/locale';

export const authMessages = defineMessages({
  devTitle: { 'zh-CN': '开发环境登录', en: 'Development sign-in' },
  devHint: {
    'zh-CN': '仅限本机：选择机构与角色，生成一个本地身份。生产环境使用各机构自己的身份提供方。',
    en: "This machine only: pick an institution and roles to get a local identity. Production uses each institution's own identity provider.",
  },
  institution: { 'zh-CN': '机构', en: 'Institution' },
  user: { 'zh-CN': '用户标识', en: 'User id' },
  grants: { 'zh-CN': '角色与权限', en: 'Roles and grants' },
  continue: { 'zh-CN': '登录', en: 'Sign in' },
  noTenants: { 'zh-CN': '尚无机构。', en: 'No institutions yet.' },
  grant_intake: { 'zh-CN': '登记员（intake）', en: 'Receptionist (intake)' },
  grant_handler: { 'zh-CN': '经办人（handler）', en: 'Handler' },
  grant_supervisor: { 'zh-CN': '主管（supervisor）', en: 'Supervisor' },
  grant_admin: { 'zh-CN': '机构管理员（admin）', en: 'Institution admin' },
  'grant_pii:read': { 'zh-CN': '查看个人信息（pii:read）', en: 'Read personal data (pii:read)' },
  grant_regulator: { 'zh-CN': '监管人员（regulator）', en: 'Regulator' },
  invalidDev: { 'zh-CN': '请选择机构与至少一个角色。', en: 'Choose an institution and at least one role.' },
});
