import { actionableComplaint } from '../../shared/application/staff-actions';
import { Layout } from '../../shared/web/components/layout';
import { ActionPanel, actionPanelProps } from '../../shared/web/console/complaint-actions';
import { consoleSurface } from '../../shared/web/console/console-surface';
import { portalSurface } from '../../shared/web/portal/portal-surface';
import type { WebSurface } from '../../shared/web/web-surface';

/**
 * The console with, for tests only, `GET /console/complaints/:id` as the action panel in the layout.
 * Registered after the console's own pages: once the real complaint page exists, it answers first
 * and the tests run against it (they look only at the forms' own markup).
 */
const consoleWithActionPanel: WebSurface = {
  ...consoleSurface,
  register(app, p, web) {
    consoleSurface.register(app, p, web);
    app.get('/complaints/:id', async (c) => {
      const record = await actionableComplaint(p, c.var.tenant, c.req.param('id'));
      return c.html(
        <Layout frame={c.var.frame} session={c.var.session} title={record.reference}>
          <ActionPanel {...(await actionPanelProps(p, c, record))} />
        </Layout>,
      );
    });
  },
};

export const surfacesWithActionPanel: readonly WebSurface[] = [consoleWithActionPanel, portalSurface];
