import type { Context } from 'hono';
import { commonMessages } from '../i18n/common-messages';
import type { WebEnv } from '../web-env';
import { oidcMessages } from './oidc-messages';

/**
 * A page that moves on by itself (a meta refresh, no script) with a link for the rest. Two jobs
 * no redirect can do: leaving for an identity provider after a form (the CSP's `form-action 'self'`
 * also governs a form's redirects), and arriving after one: a navigation that an IdP's page
 * started is cross-site, so a redirect on from the callback would go without the new SameSite=Strict
 * session cookie, while a navigation this page starts is same-site and carries it.
 */
export function continuePage(c: Context<WebEnv>, to: string, heading: string) {
  const { frame } = c.var;
  const t = oidcMessages(frame.locale);
  return c.html(
    <html lang={frame.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta http-equiv="refresh" content={`0;url=${to}`} />
        <title>{`${heading} · ${commonMessages(frame.locale)('product')}`}</title>
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href={`${frame.prefix}/assets/app.css?v=${frame.assetVersion}`} />
      </head>
      <body>
        <main id="main">
          <h1>{heading}</h1>
          <p>
            <a href={to} id="continue">
              {t('continueLink')}
            </a>
          </p>
        </main>
      </body>
    </html>,
  );
}
