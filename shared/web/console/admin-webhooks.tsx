import { randomUUID } from 'node:crypto';
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import type { Platform } from '../../application/platform';
import { deliveryLog, replayDelivery, replayFailed } from '../../application/webhook-delivery';
import {
  createEndpoint,
  deleteEndpoint,
  getEndpoint,
  listEndpoints,
  rotateSecret,
  sendTestEvent,
  setEndpointStatus,
  updateEndpoint,
} from '../../application/webhook-endpoints';
import { DomainError, notFound } from '../../domain/errors';
import { openCursor, sealCursor } from '../../http/cursors';
import { authorize } from '../../http/middleware/authorize';
import { IdempotencyKeySchema } from '../../http/openapi-helpers';
import { EndpointInputSchema, EndpointPatchSchema, endpointView } from '../../webhooks/subscription-schema';
import { type FieldErrors, formToObject, validateForm, valueAt } from '../form-input';
import { formatters } from '../i18n/locale';
import type { WebEnv } from '../web-env';
import type { WebOptions } from '../web-surface';
import { ADMIN, AdminLayout, DoneNotice } from './admin-frame';
import { DONE, EndpointPage, type RefusedForm } from './admin-webhook-endpoint';
import { EndpointForm, eventLabel } from './admin-webhook-form';
import { webhookMessages } from './admin-webhook-messages';
import { secretFlash } from './admin-webhook-secret';

/** Routes are registered under the console's prefix; links name the whole path. */
const PATH = '/admin/webhooks';
const BASE = `${ADMIN}/webhooks`;
const LOG_PAGE = 25;
const ReplaySchema = z.strictObject({ occurredAt: z.string().min(1).max(64), eventId: z.string().min(1).max(200) });
const SinceSchema = z.strictObject({ days: z.enum(['1', '3', '7', '30']) });

type C = Context<WebEnv>;
const endpointHref = (id: string) => `${BASE}/${encodeURIComponent(id)}`;
const doneOf = (c: C) => DONE.find((d) => d === c.req.query('done'));
const formOf = async (c: C) => {
  const raw = await c.req.parseBody({ all: true });
  return { raw, values: formToObject(raw) };
};

/**
 * Webhook subscriptions through the same use cases as the JSON routes (`/v1/webhooks…`): list,
 * create (its secret shown once), change, disable and enable, rotate the secret, test, delete, and
 * the delivery log with replay.
 */
export function adminWebhookRoutes(app: Hono<WebEnv>, p: Platform, web: WebOptions) {
  const manage = authorize(p.directory, 'webhooks:manage');
  const flash = secretFlash(web);

  const listPage = async (c: C, o: { errors?: FieldErrors; values?: Record<string, unknown> } = {}, status = 200) => {
    const endpoints = await listEndpoints(p, c.var.tenant);
    return c.html(<WebhookList c={c} endpoints={endpoints} {...o} />, status as 200);
  };

  const endpointPage = async (
    c: C,
    id: string,
    o: { errors?: FieldErrors; values?: Record<string, unknown>; refused?: RefusedForm; secret?: string } = {},
    status = 200,
  ) => {
    const endpoint = endpointView(await getEndpoint(p, c.var.tenant, id));
    const cursor = openCursor(c, c.req.query('cursor'));
    const log = await deliveryLog(p, c.var.tenant, id, { limit: LOG_PAGE, ...(cursor && { cursor }) });
    const next = sealCursor(c, log.nextCursor);
    if (o.secret) c.header('Cache-Control', 'no-store');
    return c.html(
      <EndpointPage
        c={c}
        endpoint={endpoint}
        deliveries={log.items}
        next={next}
        done={doneOf(c)}
        replayed={Number(c.req.query('n') ?? 0)}
        {...o}
      />,
      status as 200,
    );
  };

  app.get(PATH, manage, (c) => listPage(c));

  app.post(PATH, manage, async (c) => {
    const { raw, values } = await formOf(c);
    const locale = c.var.frame.locale;
    const checked = validateForm(EndpointInputSchema, values, locale);
    if (!checked.ok) return listPage(c, { errors: checked.errors, values }, 400);
    const key = IdempotencyKeySchema.safeParse(raw._idempotencyKey).data;
    try {
      const created = await createEndpoint(p, c.var.tenant, checked.data, key);
      await flash.keep(c, created.endpoint.id, created.secret);
      return c.redirect(`${endpointHref(created.endpoint.id)}?done=created`, 303);
    } catch (e) {
      const errors = destinationErrors(e, locale);
      if (!errors) throw e;
      return listPage(c, { errors, values }, 422);
    }
  });

  const one = (path: string) => `${PATH}/:id${path}`;
  const idOf = (c: C) => {
    const id = c.req.param('id') ?? '';
    if (id.length === 0 || id.length > 64) throw notFound('webhook endpoint');
    return id;
  };

  app.get(one(''), manage, async (c) => {
    const id = idOf(c);
    const secret = await flash.take(c, id);
    return endpointPage(c, id, secret ? { secret } : {});
  });

  app.post(one('/edit'), manage, async (c) => {
    const id = idOf(c);
    await getEndpoint(p, c.var.tenant, id);
    const { values } = await formOf(c);
    const locale = c.var.frame.locale;
    const checked = validateForm(EndpointPatchSchema, values, locale);
    if (!checked.ok) return endpointPage(c, id, { errors: checked.errors, values, refused: 'edit' }, 400);
    try {
      await updateEndpoint(p, c.var.tenant, id, checked.data);
    } catch (e) {
      const errors = destinationErrors(e, locale);
      if (!errors) throw e;
      return endpointPage(c, id, { errors, values, refused: 'edit' }, 422);
    }
    return c.redirect(`${endpointHref(id)}?done=updated`, 303);
  });

  for (const [verb, status, done] of [
    ['pause', 'paused', 'paused'],
    ['resume', 'active', 'resumed'],
  ] as const) {
    app.post(one(`/${verb}`), manage, async (c) => {
      const id = idOf(c);
      await setEndpointStatus(p, c.var.tenant, id, status);
      return c.redirect(`${endpointHref(id)}?done=${done}`, 303);
    });
  }

  app.post(one('/rotate-secret'), manage, async (c) => {
    const id = idOf(c);
    const rotated = await rotateSecret(p, c.var.tenant, id);
    await flash.keep(c, id, rotated.secret);
    return c.redirect(`${endpointHref(id)}?done=rotated`, 303);
  });

  app.post(one('/test'), manage, async (c) => {
    const id = idOf(c);
    await sendTestEvent(p, c.var.tenant, id);
    return c.redirect(`${endpointHref(id)}?done=tested`, 303);
  });

  app.post(one('/delete'), manage, async (c) => {
    const id = idOf(c);
    await getEndpoint(p, c.var.tenant, id);
    const { values } = await formOf(c);
    if (values.confirm !== 'yes')
      return endpointPage(
        c,
        id,
        { errors: { confirm: webhookMessages(c.var.frame.locale)('deleteUnconfirmed') }, refused: 'delete' },
        400,
      );
    await deleteEndpoint(p, c.var.tenant, id);
    return c.redirect(`${BASE}?done=deleted`, 303);
  });

  app.post(one('/deliveries/replay'), manage, async (c) => {
    const id = idOf(c);
    await getEndpoint(p, c.var.tenant, id);
    const ref = ReplaySchema.safeParse((await formOf(c)).values);
    if (!ref.success) throw notFound('delivery');
    if (!(await replayDelivery(p, c.var.tenant, { endpointId: id, ...ref.data }))) throw notFound('delivery');
    return c.redirect(`${endpointHref(id)}?done=replayed`, 303);
  });

  app.post(one('/replay'), manage, async (c) => {
    const id = idOf(c);
    await getEndpoint(p, c.var.tenant, id);
    const { values } = await formOf(c);
    const checked = validateForm(SinceSchema, values, c.var.frame.locale);
    if (!checked.ok) return endpointPage(c, id, { errors: checked.errors, values, refused: 'replay' }, 400);
    const since = new Date(p.clock.now().getTime() - Number(checked.data.days) * 86_400_000).toISOString();
    const n = await replayFailed(p, c.var.tenant, id, since);
    return c.redirect(`${endpointHref(id)}?done=replayed&n=${n}`, 303);
  });
}

/** A destination the platform will not post to (422), said at the URL field. */
function destinationErrors(e: unknown, locale: 'zh-CN' | 'en'): FieldErrors | undefined {
  if (!(e instanceof DomainError) || e.code !== 'invalid_destination') return undefined;
  return { url: webhookMessages(locale)('badDestination', { message: e.message.replace(/^url: /, '') }) };
}

function WebhookList(p: {
  c: C;
  endpoints: ReturnType<typeof endpointView>[];
  errors?: FieldErrors;
  values?: Record<string, unknown>;
}) {
  const locale = p.c.var.frame.locale;
  const t = webhookMessages(locale);
  const f = formatters(locale, p.c.var.tenant.timezone);
  const done = doneOf(p.c);
  const v = p.values ?? {};
  return (
    <AdminLayout c={p.c} section="webhooks" title={t('title')}>
      <DoneNotice text={done === 'deleted' ? t('done_deleted') : undefined} />
      <p class="hint">{t('intro')}</p>
      {p.endpoints.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <table class="webhooks">
          <thead>
            <tr>
              <th scope="col">{t('colUrl')}</th>
              <th scope="col">{t('colEvents')}</th>
              <th scope="col">{t('colStatus')}</th>
              <th scope="col">{t('colDescription')}</th>
              <th scope="col">{t('colCreated')}</th>
            </tr>
          </thead>
          <tbody>
            {p.endpoints.map((e) => (
              <tr>
                <td class="webhook-url">
                  <a href={endpointHref(e.id)}>{e.url}</a>
                </td>
                <td>
                  <span title={e.events.map((x) => eventLabel(x, locale)).join('\n')}>
                    {t('eventsCount', { n: e.events.length })}
                  </span>
                </td>
                <td>
                  <span class={`badge webhook-${e.status}`}>{t(`status_${e.status}`)}</span>
                </td>
                <td>{e.description ?? ''}</td>
                <td>
                  <time datetime={e.createdAt}>{f.dateTime(e.createdAt)}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <section class="card" aria-labelledby="webhook-create">
        <h2 id="webhook-create">{t('createTitle')}</h2>
        <EndpointForm
          action={BASE}
          csrf={p.c.var.session.csrf}
          locale={locale}
          submit={t('create')}
          errors={p.errors}
          url={valueAt(v, 'url')}
          description={valueAt(v, 'description')}
          events={Array.isArray(v.events) ? (v.events as string[]) : []}
          idempotencyKey={randomUUID()}
        />
      </section>
    </AdminLayout>
  );
}
