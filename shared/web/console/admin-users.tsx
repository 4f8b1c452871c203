import type { Hono } from 'hono';
import { consoleUsers } from '../../application/console-sign-ins';
import type { Platform } from '../../application/platform';
import { authorize } from '../../http/middleware/authorize';
import { formatters } from '../i18n/locale';
import type { WebEnv } from '../web-env';
import { ADMIN_AREA, AdminLayout } from './admin-frame';
import { adminMessages } from './admin-messages';

const KNOWN_ROLES = ['intake', 'handler', 'supervisor', 'admin', 'pii:read'] as const;

/** Who signed in with which roles, as the institution's IdP gave them: read-only, changed at the IdP. */
export function adminUserRoutes(app: Hono<WebEnv>, p: Platform) {
  app.get('/admin/users', authorize(p.directory, ADMIN_AREA), async (c) => {
    const locale = c.var.frame.locale;
    const t = adminMessages(locale);
    const f = formatters(locale, c.var.tenant.timezone);
    const users = await consoleUsers(p, c.var.tenant);
    const role = (r: string) => ((KNOWN_ROLES as readonly string[]).includes(r) ? t(`role_${r as 'admin'}`) : r);
    return c.html(
      <AdminLayout c={c} section="users" title={t('usersTitle')}>
        <p class="notice">{t('usersIdp')}</p>
        {users.length === 0 ? (
          <p>{t('usersNone')}</p>
        ) : (
          <table class="users">
            <thead>
              <tr>
                <th scope="col">{t('colUser')}</th>
                <th scope="col">{t('colRoles')}</th>
                <th scope="col">{t('colLastSeen')}</th>
                <th scope="col">{t('colFirstSeen')}</th>
                <th scope="col">{t('colSignIns')}</th>
                <th scope="col">{t('colIssuer')}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr>
                  <td class="user-sub">{u.sub}</td>
                  <td>
                    <ul class="roles">
                      {u.roles.map((r) => (
                        <li>
                          <span class="badge">{role(r)}</span>
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    <time datetime={u.lastSeenAt}>{f.dateTime(u.lastSeenAt)}</time>
                  </td>
                  <td>
                    <time datetime={u.firstSeenAt}>{f.dateTime(u.firstSeenAt)}</time>
                  </td>
                  <td>{f.number(u.signIns)}</td>
                  <td class="user-issuer">{u.issuer}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </AdminLayout>,
    );
  });
}
