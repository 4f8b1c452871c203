import type { WebSurface } from '../web-surface';
import { complaintPage } from './complaint-page';
import { dashboardPage } from './dashboard-page';
import { forwardedPage } from './forwarded-page';
import { institutionPage } from './institution-page';
import { portalNavMessages } from './portal-messages';
import { returnsPages } from './returns-page';

/** `/portal`: the regulator's read-only supervision pages across every institution. */
export const portalSurface: WebSurface = {
  audience: 'portal',
  prefix: '/portal',
  // The regulator belongs to no institution: an identity that names one never gets a portal session.
  admits: (p) => p.roles.includes('regulator') && p.tenantId === undefined,
  devGrants: ['regulator'],
  nav(frame, session) {
    if (!session) return [];
    const t = portalNavMessages(frame.locale);
    const path = frame.here.split('?')[0];
    return [
      { href: '/portal', label: t('dashboard') },
      { href: '/portal/forwarded', label: t('forwarded') },
      { href: '/portal/returns', label: t('returns') },
    ].map((i) => ({ ...i, current: path === i.href }));
  },
  register(app, p) {
    dashboardPage(app, p);
    institutionPage(app, p);
    complaintPage(app, p);
    forwardedPage(app, p);
    returnsPages(app, p);
  },
};
