import type { Child } from 'hono/jsx';
import { commonMessages } from '../i18n/common-messages';
import type { Session } from '../session';
import type { PageFrame } from '../web-env';

type LayoutProps = { frame: PageFrame; session: Session | undefined; title: string; children?: Child };

/** The one frame of every page: skip link, header with navigation and the user, main, no inline script. */
export function Layout({ frame, session, title, children }: LayoutProps) {
  const t = commonMessages(frame.locale);
  const other = frame.locale === 'zh-CN' ? { code: 'en', label: 'English' } : { code: 'zh-CN', label: '中文' };
  const nav = frame.nav(frame, session);
  return (
    <html lang={frame.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {/* htmx would otherwise add an inline <style>, which the CSP refuses. */}
        <meta name="htmx-config" content='{"includeIndicatorStyles":false,"allowEval":false,"allowScriptTags":false}' />
        <title>{`${title} · ${t('product')}`}</title>
        {/* No favicon request to answer with a 404 on every page. */}
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href={`${frame.prefix}/assets/app.css?v=${frame.assetVersion}`} />
        <script src={`${frame.prefix}/assets/app.js?v=${frame.assetVersion}`} defer />
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t('skipToContent')}
        </a>
        <header class="site-header">
          <a class="brand" href={frame.prefix}>
            {t('product')}
          </a>
          {nav.length > 0 && (
            <nav aria-label={t('mainNav')}>
              <ul>
                {nav.map((n) => (
                  <li>
                    <a href={n.href} aria-current={n.current ? 'page' : undefined}>
                      {n.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          <div class="user-bar">
            <a
              href={`${frame.prefix}/lang?to=${other.code}&back=${encodeURIComponent(frame.here)}`}
              lang={other.code}
              hreflang={other.code}
            >
              {other.label}
            </a>
            {session && (
              <>
                <span class="who">
                  {t('signedInAs', { sub: session.principal.sub })}
                  {(frame.institution ?? session.principal.tenantId) &&
                    ` · ${frame.institution ?? session.principal.tenantId}`}
                </span>
                <form method="post" action={`${frame.prefix}/sign-out`} class="inline">
                  <input type="hidden" name="_csrf" value={session.csrf} />
                  <button type="submit" class="link">
                    {t('signOut')}
                  </button>
                </form>
              </>
            )}
          </div>
        </header>
        <main id="main" tabindex={-1}>
          <h1>{title}</h1>
          {children}
        </main>
      </body>
    </html>
  );
}
