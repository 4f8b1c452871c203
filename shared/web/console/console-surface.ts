import { recordConsoleSignIn } from '../../application/console-sign-ins';
import { can, TENANT_ROLES } from '../../auth/roles';
import type { WebSurface } from '../web-surface';
import { accessLogPage } from './access-log-page';
import { adminPages } from './admin-pages';
import { complaintActionRoutes } from './complaint-actions';
import { complaintPage } from './complaint-page';
import { consoleNavMessages } from './console-messages';
import { contactLogRoutes } from './contact-log';
import { intakePage } from './intake-page';
import { queuePage } from './queue-page';
import { referralsPage } from './referrals-page';

/** `/console`: an institution's complaint desk, for its own staff only. */
export const consoleSurface: WebSurface = {
  audience: 'console',
  prefix: '/console',
  admits: (p) => p.tenantId !== undefined && p.roles.some((r) => (TENANT_ROLES as readonly string[]).includes(r)),
  devGrants: [...TENANT_ROLES, 'pii:read'],
  nav(frame, session) {
    if (!session) return [];
    const t = consoleNavMessages(frame.locale);
    const roles = session.principal.roles;
    const path = frame.here.split('?')[0];
    const items = [
      { href: '/console', label: t('queue'), show: can(roles, 'complaint:read') },
      { href: '/console/intake', label: t('intake'), show: can(roles, 'complaint:create') },
      { href: '/console/referrals', label: t('referrals'), show: can(roles, 'referral:read') },
      { href: '/console/admin', label: t('admin'), show: can(roles, 'units:write') },
    ];
    return items.filter((i) => i.show).map(({ href, label }) => ({ href, label, current: path === href }));
  },
  recordSignIn: recordConsoleSignIn,
  register(app, p, web) {
    // Every console page works within the signed-in user's own, active institution, as the API does.
    app.use('*', async (c, next) => {
      const tenant = await p.directory.active(c.var.principal.tenantId);
      c.set('tenant', tenant);
      c.set('frame', { ...c.var.frame, institution: tenant.name });
      await next();
    });
    queuePage(app, p);
    intakePage(app, p);
    complaintPage(app, p);
    complaintActionRoutes(app, p);
    contactLogRoutes(app, p);
    referralsPage(app, p);
    adminPages(app, p, web);
    accessLogPage(app, p);
  },
};
