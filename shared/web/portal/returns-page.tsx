import type { Context, Hono } from 'hono';
import type { Platform } from '../../application/platform';
import { returnCsv } from '../../application/regulator-return';
import { notFound } from '../../domain/errors';
import { authorize } from '../../http/middleware/authorize';
import { Layout } from '../components/layout';
import type { WebEnv } from '../web-env';
import { forwardedMessages, portalNavMessages } from './portal-messages';
import { periodChoices } from './portal-query';

const FILE = /^((20\d\d)(Q[1-4]|-(0[1-9]|1[0-2])))\.csv$/;

/** `GET /portal/returns` and the file itself: the same CSV as GET /regulator/v1/returns/{period}.csv. */
export function returnsPages(app: Hono<WebEnv>, p: Platform) {
  const read = authorize<WebEnv>(p.directory, 'regulator:read');

  app.get('/returns', read, (c: Context<WebEnv>) => {
    const locale = c.var.frame.locale;
    const t = forwardedMessages(locale);
    const { quarters, months } = periodChoices(p);
    const Links = ({ periods }: { periods: string[] }) => (
      <ul class="downloads">
        {periods.map((period) => (
          <li>
            <a href={`/portal/returns/${period}.csv`} download={`redress-return-${period}.csv`} data-period={period}>
              {t('download', { period })}
            </a>
          </li>
        ))}
      </ul>
    );
    return c.html(
      <Layout frame={c.var.frame} session={c.var.session} title={portalNavMessages(locale)('returns')}>
        <p>{t('returnsIntro')}</p>
        <section aria-labelledby="quarterly-title">
          <h2 id="quarterly-title">{t('quarterly')}</h2>
          <Links periods={quarters} />
        </section>
        <section aria-labelledby="monthly-title">
          <h2 id="monthly-title">{t('monthly')}</h2>
          <Links periods={months} />
        </section>
      </Layout>,
    );
  });

  app.get('/returns/:file', read, async (c: Context<WebEnv>) => {
    const period = FILE.exec(c.req.param('file') ?? '')?.[1];
    if (!period) throw notFound('return');
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="redress-return-${period}.csv"`);
    c.header('Cache-Control', 'no-store');
    return c.body(await returnCsv(p, period), 200);
  });
}
