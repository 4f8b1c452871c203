import { defineMessages } from '../i18n/locale';

/** The OpenID Connect sign-in's words: the institution's and the regulator's identity providers. */
export const oidcMessages = defineMessages({
  institutionTitle: { 'zh-CN': '通过本机构账号登录', en: 'Sign in with your institution' },
  institutionHint: {
    'zh-CN': '输入贵机构在本平台的机构代码，将跳转到贵机构自己的统一身份认证登录。',
    en: "Enter your institution's code on this platform; you continue at your institution's own sign-in.",
  },
  institutionCode: { 'zh-CN': '机构代码', en: 'Institution code' },
  regulatorTitle: { 'zh-CN': '通过监管机构账号登录', en: "Sign in with the regulator's account" },
  regulatorHint: {
    'zh-CN': '将跳转到监管机构的统一身份认证登录。',
    en: "You continue at the regulator's own sign-in.",
  },
  continue: { 'zh-CN': '继续', en: 'Continue' },
  goingToIdp: { 'zh-CN': '正在前往身份认证页面…', en: 'Continuing to the sign-in page…' },
  signedIn: { 'zh-CN': '已登录，正在打开页面…', en: 'Signed in, opening the page…' },
  continueLink: { 'zh-CN': '如果页面没有自动打开，请点击此处继续。', en: 'If nothing happens, continue here.' },
  unknownInstitution: {
    'zh-CN': '机构代码“{code}”尚未配置统一身份认证登录。请核对代码，或联系贵机构的系统管理员。',
    en: 'No sign-in is set up for the institution code “{code}”. Check the code, or ask your institution’s administrator.',
  },
  missingInstitution: { 'zh-CN': '请输入机构代码。', en: 'Enter your institution code.' },
  flowExpired: {
    'zh-CN': '本次登录已超时，或是在另一个窗口中开始的。请重新登录。',
    en: 'This sign-in took too long or was started in another window. Please sign in again.',
  },
  denied: { 'zh-CN': '身份认证方未完成登录。', en: 'The identity provider did not sign you in.' },
  unverified: {
    'zh-CN': '无法验证身份认证方的应答，未登录。',
    en: "The identity provider's answer could not be verified; you are not signed in.",
  },
  unreachable: {
    'zh-CN': '暂时无法连接身份认证方，请稍后再试。',
    en: 'The identity provider cannot be reached right now. Please try again later.',
  },
  noRole: {
    'zh-CN': '您的账号在身份认证方没有本平台的角色。请联系贵机构的系统管理员。',
    en: 'Your account has no role on this platform at its identity provider. Ask your administrator.',
  },
  reference: { 'zh-CN': '技术参考：{code}', en: 'Technical reference: {code}' },
  startAgain: { 'zh-CN': '重新登录', en: 'Sign in again' },
});
