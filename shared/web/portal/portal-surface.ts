import type { WebSurface } from '../web-surface';
import { portalHomePage } from './home-page';
import { portalNavMessages } from './portal-messages';

/** `/portal`: the regulator's read-only supervision pages across every institution. */
export const portalSurface: WebSurface = {
  audience: 'portal',
  prefix: '/portal',
  admits: (p) => p.roles.includes('regulator'),
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
    portalHomePage(app, p);
  },
};
