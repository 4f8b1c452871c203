import type { Hono } from 'hono';
import type { Platform } from '../../application/platform';
import { Layout } from '../components/layout';
import type { WebEnv } from '../web-env';
import { consoleNavMessages } from './console-messages';

/** Placeholder: the work queue is being built; until then the start page names the institution. */
export function queuePage(app: Hono<WebEnv>, _p: Platform) {
  app.get('/', (c) =>
    c.html(
      <Layout frame={c.var.frame} session={c.var.session} title={consoleNavMessages(c.var.frame.locale)('queue')}>
        <p>{c.var.tenant.name}</p>
      </Layout>,
    ),
  );
}
