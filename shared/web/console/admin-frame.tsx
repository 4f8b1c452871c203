import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { Layout } from '../components/layout';
import type { WebEnv } from '../web-env';
import { adminMessages } from './admin-messages';

export const ADMIN = '/console/admin';

/**
 * Who may open the admin area as a whole (overview, users): the admin role, tested with the same
 * permission the console's navigation shows the area by. Each section checks its own permission too.
 */
export const ADMIN_AREA = 'units:write' as const;

export type AdminSection = 'overview' | 'units' | 'policy' | 'users' | 'webhooks';

const SECTIONS: {
  key: AdminSection | 'accessLog';
  href: string;
  label: Parameters<ReturnType<typeof adminMessages>>[0];
}[] = [
  { key: 'overview', href: ADMIN, label: 'navOverview' },
  { key: 'units', href: `${ADMIN}/units`, label: 'navUnits' },
  { key: 'policy', href: `${ADMIN}/policy`, label: 'navPolicy' },
  { key: 'users', href: `${ADMIN}/users`, label: 'navUsers' },
  { key: 'webhooks', href: `${ADMIN}/webhooks`, label: 'navWebhooks' },
  { key: 'accessLog', href: `${ADMIN}/access-log`, label: 'navAccessLog' },
];

/** Every admin page: the console's frame with the admin sections beside the content. */
export function AdminLayout(p: { c: Context<WebEnv>; section: AdminSection; title: string; children?: Child }) {
  const t = adminMessages(p.c.var.frame.locale);
  return (
    <Layout frame={p.c.var.frame} session={p.c.var.session} title={p.title}>
      <div class="admin">
        <nav class="admin-nav" aria-label={t('sections')}>
          <ul>
            {SECTIONS.map((s) => (
              <li>
                <a href={s.href} aria-current={s.key === p.section ? 'page' : undefined}>
                  {t(s.label)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div class="admin-content">{p.children}</div>
      </div>
    </Layout>
  );
}

/** A confirmation after a redirect, named by a fixed key: the query never puts free text on the page. */
export function DoneNotice(p: { text: string | undefined }) {
  if (!p.text) return null;
  return (
    <p class="success" role="status">
      {p.text}
    </p>
  );
}
