import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { DomainError } from '../domain/errors';
import { STATUS_OF } from '../http/error-body';
import { handleError } from '../http/error-handling';
import { Layout } from './components/layout';
import { commonMessages } from './i18n/common-messages';
import type { WebEnv } from './web-env';

type PageStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 503;

/** A refusal or failure as a page in the frame, with the status the API would give. */
export function errorPage(c: Context<WebEnv>, status: PageStatus, message: string) {
  const frame = c.var.frame;
  const t = commonMessages(frame.locale);
  const title =
    status === 404
      ? t('notFoundTitle')
      : status === 403
        ? t('forbiddenTitle')
        : status === 409
          ? t('conflictTitle')
          : t('errorTitle');
  return c.html(
    <Layout frame={frame} session={c.var.session} title={title}>
      <p class="notice" role="alert">
        {message}
      </p>
      <p>
        <a href={frame.prefix}>{t('backHome')}</a>
      </p>
    </Layout>,
    status,
  );
}

/** Pages answer errors as pages; only what the API would log as unhandled stays a 500 with no detail. */
export function handlePageError(err: Error, c: Context<WebEnv>) {
  if (!c.var.frame) return handleError(err, c);
  if (err instanceof DomainError) {
    c.var.logger?.info('page request refused', { code: err.code, status: STATUS_OF[err.kind] });
    return errorPage(c, STATUS_OF[err.kind] as PageStatus, err.message);
  }
  if (err instanceof HTTPException && err.status < 500) return errorPage(c, err.status as PageStatus, err.message);
  const res = handleError(err, c);
  if (res.status === 503) return errorPage(c, 503, commonMessages(c.var.frame.locale)('errorTitle'));
  return res;
}
