import type { Context, Hono } from 'hono';
import { type ComplaintDossier, complaintDossier } from '../../application/complaint-dossier';
import { type ContactLogData, readContactLog } from '../../application/contact-log';
import { revealPersonalData } from '../../application/pii-access';
import type { Platform } from '../../application/platform';
import { canReadPii } from '../../auth/principal';
import type { ComplaintView } from '../../domain/complaint/complaint-schema';
import { type PiiField, RevealSchema } from '../../domain/complaint/pii-access';
import { forbidden, notFound } from '../../domain/errors';
import { authorize } from '../../http/middleware/authorize';
import { Layout } from '../components/layout';
import { type FieldErrors, formToObject, validateForm } from '../form-input';
import type { WebEnv } from '../web-env';
import { ActionPanel, type ActionPanelProps, actionPanelProps } from './complaint-actions';
import { DeadlineAxisChart, DeadlineLegend, DeadlineTables } from './complaint-deadline-axis';
import { Referrals, RelatedComplaints } from './complaint-links';
import { complaintMessages, labelOf, STATUS_LABELS } from './complaint-messages';
import { Description, Handling, type PageContext, PersonalData, RecordFacts } from './complaint-record';
import { ChainVerdict, Timeline, type TimelineOrder } from './complaint-timeline';
import { ContactLog } from './contact-log';

const ID = /^[0-9A-Za-z_-]{1,64}$/;

/** The complaint id of the path; anything that cannot be one is simply not found. */
function complaintId(c: Context<WebEnv>): string {
  const id = c.req.param('id') ?? '';
  if (!ID.test(id)) throw notFound('complaint');
  return id;
}

type Shown = { view: ComplaintView; revealed: readonly PiiField[]; errors?: FieldErrors };

type ViewProps = {
  c: Context<WebEnv>;
  d: ComplaintDossier;
  shown: Shown;
  actions: ActionPanelProps;
  contacts: ContactLogData;
};

function ComplaintPageView({ c, d, shown, actions, contacts }: ViewProps) {
  const { frame, session, tenant, principal } = c.var;
  const ctx: PageContext = {
    locale: frame.locale,
    timezone: tenant.timezone,
    kind: tenant.kind,
    prefix: frame.prefix,
    csrf: session.csrf,
  };
  const t = complaintMessages(ctx.locale);
  const { view } = shown;
  const order: TimelineOrder = c.req.query('order') === 'oldest' ? 'oldest' : 'newest';
  const here = `${ctx.prefix}/complaints/${view.id}`;
  const section = (id: string) => ({ 'aria-labelledby': `h-${id}`, id, class: 'card' });
  return (
    <Layout frame={frame} session={session} title={t('title', { reference: view.reference })}>
      <p class="complaint-badges">
        <span class={`badge status-${view.status}`}>{labelOf(STATUS_LABELS, view.status, ctx.locale)}</span>
        {view.overdue && <span class="badge overdue">{t('overdue')}</span>}
        {view.repeatOf && <span class="badge repeat">{t('repeat')}</span>}
      </p>
      <div class="grid complaint-top">
        <section {...section('record')}>
          <h2 id="h-record">{t('record')}</h2>
          <RecordFacts d={d} view={view} ctx={ctx} />
          {view.deadlinesProvisional && <p class="notice">{t('provisional')}</p>}
        </section>
        <section {...section('person')}>
          <h2 id="h-person">{t('personalData')}</h2>
          <PersonalData
            d={d}
            view={view}
            ctx={ctx}
            canReveal={canReadPii(principal)}
            revealed={shown.revealed}
            errors={shown.errors}
          />
          <Description view={view} ctx={ctx} shown={shown.revealed.includes('description')} />
        </section>
      </div>
      <section {...section('handling')}>
        <h2 id="h-handling">{t('handling')}</h2>
        <Handling view={view} ctx={ctx} />
      </section>
      <section {...section('deadlines')}>
        <h2 id="h-deadlines">{t('deadlines')}</h2>
        <div class="axis-scroll">
          <DeadlineAxisChart axis={d.axis} ctx={ctx} partnerNames={d.partnerNames} />
        </div>
        <DeadlineLegend ctx={ctx} />
        <DeadlineTables axis={d.axis} ctx={ctx} partnerNames={d.partnerNames} />
      </section>
      <section {...section('actions')}>
        <h2 id="h-actions">{t('actions')}</h2>
        <ActionPanel {...actions} />
      </section>
      <section {...section('contacts')}>
        <h2 id="h-contacts">{t('contactLog')}</h2>
        <ContactLog
          record={view}
          csrf={ctx.csrf}
          log={contacts}
          locale={ctx.locale}
          timeZone={ctx.timezone}
          roles={principal.roles}
          prefix={ctx.prefix}
        />
      </section>
      <section {...section('referrals')}>
        <h2 id="h-referrals">{t('referrals')}</h2>
        <Referrals d={d} ctx={ctx} />
      </section>
      <section {...section('related')}>
        <h2 id="h-related">{t('related')}</h2>
        <RelatedComplaints d={d} ctx={ctx} />
      </section>
      <section {...section('timeline')}>
        <h2 id="h-timeline">{t('timeline')}</h2>
        <ChainVerdict chain={d.chain} ctx={ctx} />
        <p class="order-switch">
          {`${t('order')}: `}
          <a href={`${here}?order=newest#timeline`} aria-current={order === 'newest' ? 'true' : undefined}>
            {t('newestFirst')}
          </a>
          {' · '}
          <a href={`${here}?order=oldest#timeline`} aria-current={order === 'oldest' ? 'true' : undefined}>
            {t('oldestFirst')}
          </a>
        </p>
        <Timeline
          events={d.events}
          chain={d.chain}
          order={order}
          ctx={ctx}
          partnerNames={d.partnerNames}
          units={d.units}
        />
      </section>
    </Layout>
  );
}

/**
 * `/complaints/:id`: one complaint with everything about it, personal data masked. A holder of
 * pii:read asks to see it with a POST to `…/reveal`, which records the reveal in the access log
 * before it answers with the page in clear; reloading asks (and records) again.
 */
/**
 * The page with its action panel (whose choices need the policy and units read for this request) and
 * its contact log, whose texts come in clear with the description: one reveal, one access-log entry.
 */
async function renderPage(p: Platform, c: Context<WebEnv>, d: ComplaintDossier, shown: Shown, status: 200 | 422 = 200) {
  const { tenant, principal } = c.var;
  const [actions, contacts] = await Promise.all([
    actionPanelProps(p, c, d.record),
    readContactLog(p, tenant, principal, d.view.id, { reveal: shown.revealed.includes('description') }),
  ]);
  return c.html(<ComplaintPageView c={c} d={d} shown={shown} actions={actions} contacts={contacts} />, status);
}

export function complaintPage(app: Hono<WebEnv>, p: Platform) {
  const read = authorize(p.directory, 'complaint:read');

  app.get('/complaints/:id', read, async (c) => {
    const d = await complaintDossier(p, c.var.tenant, complaintId(c));
    return renderPage(p, c, d, { view: d.view, revealed: [] });
  });

  app.post('/complaints/:id/reveal', read, async (c) => {
    // Refused before anything is read: without the grant there is nothing to record either.
    if (!canReadPii(c.var.principal))
      throw forbidden('pii_read_required', complaintMessages(c.var.frame.locale)('noPiiRead'));
    const id = complaintId(c);
    const form = formToObject(await c.req.parseBody({ all: true }));
    const d = await complaintDossier(p, c.var.tenant, id);
    const checked = validateForm(RevealSchema, form, c.var.frame.locale);
    if (!checked.ok) return renderPage(p, c, d, { view: d.view, revealed: [], errors: checked.errors }, 422);
    const { view, fields } = await revealPersonalData(p, c.var.tenant, c.var.principal, d, checked.data);
    return renderPage(p, c, d, { view, revealed: fields });
  });

  // A language switch or a reload by address lands here: back to the masked page.
  app.get('/complaints/:id/reveal', read, (c) => c.redirect(`${c.var.frame.prefix}/complaints/${complaintId(c)}`, 303));
}
