import type { Context, Hono } from 'hono';
import { regulatorComplaint, regulatorEvents, supervised } from '../../application/complaint-queries';
import type { Platform } from '../../application/platform';
import { isOpen } from '../../domain/complaint/status';
import type { ComplaintEvent } from '../../domain/events/event-schema';
import { authorize } from '../../http/middleware/authorize';
import { Layout } from '../components/layout';
import { formatters } from '../i18n/locale';
import type { WebEnv } from '../web-env';
import { codeLabel, deadlineLabel, eventLabel, statusLabel } from './portal-labels';
import { institutionMessages } from './portal-messages';
import { type AxisMark, TimeAxis } from './time-axis';

/** Enough for any complaint's timeline (escalations are capped per complaint). */
const MAX_EVENTS = 1000;

async function allEvents(p: Platform, tenantId: string, id: string): Promise<ComplaintEvent[]> {
  const out: ComplaintEvent[] = [];
  let cursor: string | undefined;
  do {
    const page = await regulatorEvents(p, tenantId, id, 100, cursor);
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && out.length < MAX_EVENTS);
  return out;
}

type Row =
  | { kind: 'event'; n: number; event: ComplaintEvent }
  | { kind: 'escalations'; count: number; from: string; to: string };

/** The events as the list shows them: each numbered as on the axis, a run of escalations as one row. */
function eventRows(events: readonly ComplaintEvent[]): Row[] {
  const rows: Row[] = [];
  let n = 0;
  for (const e of events) {
    const last = rows.at(-1);
    if (e.type !== 'escalated') rows.push({ kind: 'event', n: ++n, event: e });
    else if (last?.kind === 'escalations') Object.assign(last, { count: last.count + 1, to: e.at });
    else rows.push({ kind: 'escalations', count: 1, from: e.at, to: e.at });
  }
  return rows;
}

const DEADLINE_ORDER = ['acknowledgement', 'originalDecision', 'decision', 'reviewRequest', 'reviewDecision'] as const;

/**
 * `GET /portal/institutions/:tenantId/complaints/:id`: the complaint without personal data (its
 * description only as the copy redacted at write time) and its timeline on a time axis.
 */
export function complaintPage(app: Hono<WebEnv>, p: Platform) {
  app.get(
    '/institutions/:tenantId/complaints/:id',
    authorize<WebEnv>(p.directory, 'regulator:read'),
    async (c: Context<WebEnv>) => {
      const tenant = await supervised(p, c.req.param('tenantId') ?? '');
      const id = c.req.param('id') ?? '';
      const [r, events] = await Promise.all([regulatorComplaint(p, tenant.id, id), allEvents(p, tenant.id, id)]);
      const locale = c.var.frame.locale;
      const t = institutionMessages(locale);
      const f = formatters(locale, tenant.timezone);
      const deadlines = DEADLINE_ORDER.flatMap((name) => {
        const at = r.deadlines[name];
        if (!at) return [];
        const provisional = r.provisionalDeadlines?.[name] ?? false;
        return [{ name, at, provisional }];
      });
      const now = p.clock.now().toISOString();
      const marks: AxisMark[] = [
        ...events.map((e) => ({
          at: e.at,
          kind: e.type === 'escalated' ? ('escalation' as const) : ('event' as const),
          label: eventLabel(e.type, locale),
        })),
        ...deadlines.map((d) => ({ at: d.at, kind: 'deadline' as const, label: deadlineLabel(d.name, locale) })),
        ...(isOpen(r.status) ? [{ at: now, kind: 'now' as const, label: t('today') }] : []),
      ];
      const times = marks.map((m) => m.at).sort();
      const back = `/portal/institutions/${encodeURIComponent(tenant.id)}`;
      return c.html(
        <Layout frame={c.var.frame} session={c.var.session} title={t('complaintTitle', { reference: r.reference })}>
          <p>
            <a href={back}>{t('backToInstitution', { name: tenant.name })}</a>
          </p>
          <div class="grid">
            <section class="card" aria-labelledby="facts-title">
              <h2 id="facts-title">{t('facts')}</h2>
              <dl class="facts">
                <dt>{t('institution')}</dt>
                <dd>{tenant.name}</dd>
                <dt>{t('status')}</dt>
                <dd data-figure="status">
                  {statusLabel(r.status, locale)}
                  {r.overdue && <span class="badge overdue">{` ${t('overdue')}`}</span>}
                </dd>
                <dt>{t('receivedAt')}</dt>
                <dd>{f.dateTime(r.receivedAt)}</dd>
                <dt>{t('channel')}</dt>
                <dd>{codeLabel(tenant.kind, 'channel', r.channel, locale)}</dd>
                <dt>{t('category')}</dt>
                <dd>{codeLabel(tenant.kind, 'category', r.category, locale)}</dd>
                <dt>{t('reason')}</dt>
                <dd>{codeLabel(tenant.kind, 'reason', r.reason, locale)}</dd>
                {r.regulatorReference && (
                  <>
                    <dt>{t('regulatorReference')}</dt>
                    <dd>{r.regulatorReference}</dd>
                  </>
                )}
                <dt>{t('escalationLevel')}</dt>
                <dd>{String(r.escalationLevel)}</dd>
                {r.decision && (
                  <>
                    <dt>{t('decision')}</dt>
                    <dd>
                      {f.dateTime(r.decision.decidedAt)} · {r.decision.onTime ? t('onTime') : t('late')}
                    </dd>
                  </>
                )}
                {r.feedback && (
                  <>
                    <dt>{t('feedback')}</dt>
                    <dd>{f.dateTime(r.feedback.deliveredAt)}</dd>
                  </>
                )}
              </dl>
            </section>
            <section class="card" aria-labelledby="deadlines-title">
              <h2 id="deadlines-title">{t('deadlines')}</h2>
              <dl class="facts">
                {deadlines.map((d) => (
                  <>
                    <dt>{deadlineLabel(d.name, locale)}</dt>
                    <dd data-deadline={d.name}>
                      {f.dateTime(d.at)}
                      {d.provisional && t('provisional')}
                    </dd>
                  </>
                ))}
              </dl>
            </section>
          </div>
          <section class="card" aria-labelledby="description-title">
            <h2 id="description-title">{t('description')}</h2>
            <p class="redacted">{r.description}</p>
          </section>
          <section aria-labelledby="timeline-title">
            <h2 id="timeline-title">{t('timeline')}</h2>
            <div class="card axis-card">
              <TimeAxis
                id="timeline-axis"
                title={t('timeline')}
                desc={t('timelineDesc', { from: f.date(times[0]!), to: f.date(times.at(-1)!) })}
                marks={marks}
                tickLabel={(iso) => f.date(iso)}
              />
            </div>
            <table class="events">
              <caption>{t('eventsTable')}</caption>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">{t('when')}</th>
                  <th scope="col">{t('what')}</th>
                  <th scope="col">{t('who')}</th>
                </tr>
              </thead>
              <tbody>
                {eventRows(events).map((row) =>
                  row.kind === 'event' ? (
                    <tr data-event={row.event.type} class={row.event.type === 'overdue' ? 'overdue' : undefined}>
                      <td>{String(row.n)}</td>
                      <td>{f.dateTime(row.event.at)}</td>
                      <td>{eventLabel(row.event.type, locale)}</td>
                      <td>{row.event.actor.kind === 'system' ? t('system') : t('staff')}</td>
                    </tr>
                  ) : (
                    <tr data-event="escalated" class="escalations">
                      <td>
                        <span aria-hidden="true">▲</span>
                      </td>
                      <td>
                        {row.count === 1 ? f.dateTime(row.from) : `${f.dateTime(row.from)} – ${f.dateTime(row.to)}`}
                      </td>
                      <td>{t('escalations', { count: row.count })}</td>
                      <td>{t('system')}</td>
                    </tr>
                  ),
                )}
              </tbody>
            </table>
          </section>
        </Layout>,
      );
    },
  );
}
