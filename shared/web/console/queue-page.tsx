import type { Context, Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { Platform } from '../../application/platform';
import { tenantUnits } from '../../application/tenant-settings';
import { type QueuePage, type QueueRequest, workQueue } from '../../application/work-queue';
import { localDayRange } from '../../domain/calendars/time-zone';
import type { UnitTree } from '../../domain/tenant/units';
import { authorize } from '../../http/middleware/authorize';
import { ErrorSummary } from '../components/forms';
import { Layout } from '../components/layout';
import { type FieldErrors, formToObject, validateForm } from '../form-input';
import type { WebEnv } from '../web-env';
import { consoleNavMessages } from './console-messages';
import { QueueFilters, QueueViews } from './queue-filters';
import { queueMessages } from './queue-messages';
import { definingOf, type QueueQuery, QueueQuerySchema, queueHref, queueScope } from './queue-query';
import { QueueResults } from './queue-table';

/** The unit a user picked for "my unit": a preference, not a secret (the principal carries no unit). */
const UNIT_COOKIE = 'redress_queue_unit';

type Listing =
  | { kind: 'invalid'; errors: FieldErrors; values: Record<string, string | undefined> }
  | { kind: 'choose_unit'; q: QueueQuery; units: UnitTree | undefined }
  | { kind: 'page'; q: QueueQuery; units: UnitTree | undefined; page: QueuePage; nextCursor: string | null };

/**
 * `GET /console`: the work queue, open complaints earliest deadline first; `GET /console/queue/rows`:
 * its table alone, which the page fetches every 30 s (htmx). Without script the page is complete and
 * a reload refreshes it.
 */
export function queuePage(app: Hono<WebEnv>, p: Platform) {
  const canRead = authorize<WebEnv>(p.directory, 'complaint:read');

  app.get('/', canRead, async (c) => {
    const listing = await listingOf(c, p);
    const { frame } = c.var;
    const t = queueMessages(frame.locale);
    const path = frame.prefix;
    const view = listing.kind === 'invalid' ? 'all' : listing.q.view;
    const units = listing.kind === 'invalid' ? await tenantUnits(p, c.var.tenant) : listing.units;
    const values = listing.kind === 'invalid' ? listing.values : (definingOf(listing.q) as Record<string, string>);
    return c.html(
      <Layout frame={frame} session={c.var.session} title={consoleNavMessages(frame.locale)('queue')}>
        <ErrorSummary errors={listing.kind === 'invalid' ? listing.errors : undefined} locale={frame.locale} />
        <QueueViews
          path={path}
          view={view}
          filters={listing.kind === 'invalid' ? {} : definingOf(listing.q)}
          locale={frame.locale}
        />
        {listing.kind === 'choose_unit' && (
          <p class="notice" role="status">
            {t('chooseUnit')}
          </p>
        )}
        {listing.kind === 'page' && listing.page.unitSubtreeTruncated && (
          <p class="notice">{t('unitSubtreeTruncated')}</p>
        )}
        <QueueFilters
          path={path}
          view={view}
          values={values}
          locale={frame.locale}
          kind={c.var.tenant.kind}
          units={units}
          errors={listing.kind === 'invalid' ? listing.errors : undefined}
        />
        {listing.kind === 'page' && (
          <div
            id="queue-results"
            hx-get={queueHref(`${path}/queue/rows`, {
              ...definingOf(listing.q),
              cursor: listing.q.cursor,
              limit: listing.q.limit,
            })}
            hx-trigger="every 30s"
            hx-swap="innerHTML"
          >
            {results(c, listing)}
          </div>
        )}
      </Layout>,
      listing.kind === 'invalid' ? 400 : 200,
    );
  });

  app.get('/queue/rows', canRead, async (c) => {
    const listing = await listingOf(c, p);
    if (listing.kind === 'invalid') {
      return c.html(<ErrorSummary errors={listing.errors} locale={c.var.frame.locale} />, 400);
    }
    if (listing.kind === 'choose_unit')
      return c.html(<p class="notice">{queueMessages(c.var.frame.locale)('chooseUnit')}</p>);
    return c.html(results(c, listing));
  });
}

function results(c: Context<WebEnv>, listing: Extract<Listing, { kind: 'page' }>) {
  const { frame, tenant } = c.var;
  const { q, page, nextCursor } = listing;
  const byId = new Map(listing.units?.units.map((u) => [u.id, u]) ?? []);
  const defining = definingOf(q);
  return (
    <QueueResults
      page={page}
      locale={frame.locale}
      kind={tenant.kind}
      timezone={tenant.timezone}
      unitName={(id) => byId.get(id)?.name[frame.locale] ?? id}
      complaintHref={(id) => `${frame.prefix}/complaints/${encodeURIComponent(id)}`}
      limit={q.limit}
      nextHref={nextCursor ? queueHref(frame.prefix, { ...defining, limit: q.limit, cursor: nextCursor }) : undefined}
      firstHref={q.cursor ? queueHref(frame.prefix, { ...defining, limit: q.limit }) : undefined}
    />
  );
}

/** The request's listing: its query checked (messages in the page's language), then one page of the queue. */
async function listingOf(c: Context<WebEnv>, p: Platform): Promise<Listing> {
  const { frame, tenant, principal } = c.var;
  const raw = formToObject(c.req.query());
  const parsed = validateForm(QueueQuerySchema, raw, frame.locale);
  const shown = raw as Record<string, string | undefined>;
  if (!parsed.ok) return { kind: 'invalid', errors: parsed.errors, values: shown };
  const q = parsed.data;
  const units = await tenantUnits(p, tenant);
  const known = (id: string | undefined) => id !== undefined && units?.units.some((u) => u.id === id) === true;
  const t = queueMessages(frame.locale);
  const errors: FieldErrors = {
    ...(q.unit && !known(q.unit) && { unit: t('noSuchUnit') }),
    ...(q.receivedFrom && q.receivedTo && q.receivedTo < q.receivedFrom && { receivedTo: t('receivedToBeforeFrom') }),
  };
  if (Object.keys(errors).length > 0) return { kind: 'invalid', errors, values: shown };

  if (q.view === 'unit') {
    const remembered = getCookie(c, UNIT_COOKIE);
    if (!q.unit && known(remembered)) q.unit = remembered;
    if (!q.unit) return { kind: 'choose_unit', q, units };
    setCookie(c, UNIT_COOKIE, q.unit, {
      path: frame.prefix,
      httpOnly: true,
      sameSite: 'Strict',
      secure: new URL(c.req.url).protocol === 'https:',
      maxAge: 365 * 86400,
    });
  }

  const scope = queueScope(tenant.id, principal.sub, q);
  const cursor = c.var.cursors.open(q.cursor, scope);
  const request: QueueRequest = {
    view: q.view,
    sub: principal.sub,
    limit: q.limit,
    ...(q.status && { status: q.status }),
    ...(q.category && { category: q.category }),
    ...(q.reason && { reason: q.reason }),
    ...(q.channel && { channel: q.channel }),
    ...(q.unit && { unitId: q.unit }),
    // Dates as the institution's staff mean them: whole days in its own time zone, the last one included.
    ...localDayRange(q.receivedFrom, q.receivedTo, tenant.timezone),
    ...(cursor && { cursor }),
  };
  const page = await workQueue(p, tenant, request);
  return { kind: 'page', q, units, page, nextCursor: c.var.cursors.seal(page.nextCursor, scope) };
}
