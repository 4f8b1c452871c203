import type { Hono } from 'hono';
import type { Platform } from '../../application/platform';
import { Layout } from '../components/layout';
import type { WebEnv } from '../web-env';
import { portalNavMessages } from './portal-messages';

/** The portal's start page until the dashboard takes its place. */
export function portalHomePage(app: Hono<WebEnv>, _p: Platform) {
  app.get('/', (c) =>
    c.html(
      <Layout frame={c.var.frame} session={c.var.session} title={portalNavMessages(c.var.frame.locale)('dashboard')}>
        <p>{c.var.principal.sub}</p>
      </Layout>,
    ),
  );
}
