import type { Hono } from 'hono';
import { consoleUsers } from '../../application/console-sign-ins';
import { policyState } from '../../application/effective-policy';
import type { Platform } from '../../application/platform';
import { unitHierarchy } from '../../application/unit-hierarchy';
import { listEndpoints } from '../../application/webhook-endpoints';
import { authorize } from '../../http/middleware/authorize';
import type { WebEnv } from '../web-env';
import type { WebOptions } from '../web-surface';
import { ADMIN, ADMIN_AREA, AdminLayout } from './admin-frame';
import { adminMessages } from './admin-messages';
import { adminPolicyRoutes } from './admin-policy';
import { adminUnitRoutes } from './admin-units';
import { adminUserRoutes } from './admin-users';
import { adminWebhookRoutes } from './admin-webhooks';

/**
 * The institution admin's pages (admin role only): units, the deadline policy, users' roles as the
 * IdP gives them, webhook subscriptions, and a link to the personal-data access log.
 */
export function adminPages(app: Hono<WebEnv>, p: Platform, web: WebOptions) {
  app.get('/admin', authorize(p.directory, ADMIN_AREA), async (c) => {
    const t = adminMessages(c.var.frame.locale);
    const tenant = c.var.tenant;
    const [units, policy, users, endpoints] = await Promise.all([
      unitHierarchy(p, tenant),
      policyState(p, tenant),
      consoleUsers(p, tenant),
      listEndpoints(p, tenant),
    ]);
    const cards = [
      { href: `${ADMIN}/units`, title: t('navUnits'), text: t('unitsSummary', { n: units.units.length }) },
      {
        href: `${ADMIN}/policy`,
        title: t('navPolicy'),
        text: t('policySummary', { preset: policy.preset.id, revision: policy.version }),
      },
      { href: `${ADMIN}/users`, title: t('navUsers'), text: t('usersSummary', { n: users.length }) },
      { href: `${ADMIN}/webhooks`, title: t('navWebhooks'), text: t('webhooksSummary', { n: endpoints.length }) },
      { href: `${ADMIN}/access-log`, title: t('navAccessLog'), text: t('accessLogSummary') },
    ];
    return c.html(
      <AdminLayout c={c} section="overview" title={t('adminTitle')}>
        <p class="hint">{`${tenant.name} · ${t('adminIntro')}`}</p>
        <ul class="admin-cards">
          {cards.map((card) => (
            <li class="card">
              <h2>
                <a href={card.href}>{card.title}</a>
              </h2>
              <p>{card.text}</p>
            </li>
          ))}
        </ul>
      </AdminLayout>,
    );
  });
  adminUnitRoutes(app, p);
  adminPolicyRoutes(app, p);
  adminUserRoutes(app, p);
  adminWebhookRoutes(app, p, web);
}
