import type { Context, Hono } from 'hono';
import { complaintPolicy } from '../../application/effective-policy';
import type { Platform } from '../../application/platform';
import {
  actionableComplaint,
  repeatedAction,
  runStaffAction,
  STAFF_ACTIONS,
  type StaffAction,
  staffAction,
} from '../../application/staff-actions';
import { tenantUnits } from '../../application/tenant-settings';
import type { Principal } from '../../auth/principal';
import { can } from '../../auth/roles';
import { instantOfWallTime } from '../../domain/calendars/time-zone';
import {
  type AvailabilityContext,
  availableActions,
  type StaffActionName,
  StaffActionNameSchema,
} from '../../domain/complaint/available-actions';
import type { ComplaintRecord, ReferralLink } from '../../domain/complaint/complaint-schema';
import { DomainError } from '../../domain/errors';
import type { UnitTree } from '../../domain/tenant/units';
import { authorize } from '../../http/middleware/authorize';
import { ErrorSummary } from '../components/forms';
import { Layout } from '../components/layout';
import { errorPage } from '../error-page';
import { type FieldErrors, formToObject, validateForm, valueAt } from '../form-input';
import { formatters, type Locale } from '../i18n/locale';
import type { WebEnv } from '../web-env';
import { ActionForm, type FormContext, fieldLabels, formScope, WALL_TIME_FIELDS } from './action-forms';
import { type ActionMessage, type ActionTranslator, actionMessages } from './action-messages';

/** A submission refused by validation or by the domain: shown again with why. */
export type Refused = {
  name: StaffActionName;
  partnerTenantId?: string | undefined;
  values: Record<string, unknown>;
  errors?: FieldErrors | undefined;
  /** What the domain said, in the page's language. */
  message?: string | undefined;
};

/**
 * Besides the record, the CSRF token and the prefix (what the complaint page has at hand), the panel
 * needs who is looking, in which language, under which policy and when: `actionPanelProps` loads
 * all of it for a request, so a page renders `<ActionPanel {...await actionPanelProps(p, c, record)} />`.
 */
export type ActionPanelProps = {
  record: ComplaintRecord;
  csrf: string;
  prefix: string;
  locale: Locale;
  principal: Principal;
  /** The institution's zone: the forms' times are its wall clock. */
  timezone: string;
  now: string;
  policy: AvailabilityContext['policy'];
  units: UnitTree | undefined;
  /** The action just recorded (`?done=<action>` after the redirect). */
  done?: string | undefined;
};

export async function actionPanelProps(
  p: Platform,
  c: Context<WebEnv>,
  record: ComplaintRecord,
): Promise<ActionPanelProps> {
  const tenant = c.var.tenant;
  const [policy, units] = await Promise.all([complaintPolicy(p, tenant, record), tenantUnits(p, tenant)]);
  return {
    record,
    csrf: c.var.session.csrf,
    prefix: c.var.frame.prefix,
    locale: c.var.frame.locale,
    principal: c.var.principal,
    timezone: tenant.timezone,
    now: p.clock.now().toISOString(),
    policy,
    units,
    done: c.req.query('done'),
  };
}

/** One form on the panel: an action, for a per-partner action the referral too. */
type Entry = { name: StaffActionName; referral?: ReferralLink };

/** The actions the record allows now and the user's roles allow, one form each (per open referral where it is about one). */
function entries(props: ActionPanelProps): Entry[] {
  const allowed = availableActions(props.record, { now: props.now, policy: props.policy }).filter((name) =>
    can(props.principal.roles, staffAction(name).permission),
  );
  return allowed.flatMap((name): Entry[] =>
    name === 'proceed-without-partner'
      ? props.record.referrals.filter((x) => x.status === 'open').map((referral) => ({ name, referral }))
      : [{ name }],
  );
}

function formContext(props: ActionPanelProps, t: ActionTranslator, referral?: ReferralLink): FormContext {
  return {
    t,
    locale: props.locale,
    record: props.record,
    principal: props.principal,
    timezone: props.timezone,
    policy: props.policy,
    units: props.units,
    referral,
  };
}

function entryTitle(t: ActionTranslator, props: ActionPanelProps, e: Entry): string {
  if (!e.referral) return t(`action.${e.name}`);
  const deadline = e.referral.deadline
    ? formatters(props.locale, props.timezone).dateTime(e.referral.deadline)
    : t('notAskedYet');
  return `${t('proceedWithoutOne', { partner: e.referral.partnerTenantId })} (${deadline})`;
}

/**
 * The complaint's action forms: exactly those its record and the user's roles allow. Each is a
 * plain form that works without script; those with fields fold away until opened.
 */
export function ActionPanel(props: ActionPanelProps) {
  const t = actionMessages(props.locale);
  const list = entries(props);
  const done = StaffActionNameSchema.safeParse(props.done).data;
  return (
    <section class="action-panel" aria-labelledby="action-panel-title">
      <h2 id="action-panel-title">{t('panelTitle')}</h2>
      {done && (
        <p class="success" role="status">
          {t('done', { action: t(`action.${done}`) })}
        </p>
      )}
      {list.length === 0 && <p class="muted">{t('nothingToDo')}</p>}
      {list.map((e) => {
        const f = formContext(props, t, e.referral);
        const title = entryTitle(t, props, e);
        const form = <ActionForm f={f} name={e.name} prefix={props.prefix} csrf={props.csrf} submit={title} />;
        // Acknowledging takes no input: one button, nothing to unfold.
        if (e.name === 'acknowledge') return <div class="action card">{form}</div>;
        return (
          <details class="action card" id={`action-${formScope(e.name, e.referral)}`}>
            <summary>{title}</summary>
            {e.name === 'proceed-without-partner' && e.referral && (
              <p class="hint">{t('proceedHint', { deadline: e.referral.deadline ?? t('notAskedYet') })}</p>
            )}
            {form}
          </details>
        );
      })}
    </section>
  );
}

/** A refused form on a page of its own: why, then the form again with what was sent (or, on a conflict, the way back). */
function RefusedPage(o: { c: Context<WebEnv>; props: ActionPanelProps; refused: Refused; conflict: boolean }) {
  const { c, props, refused } = o;
  const t = actionMessages(props.locale);
  const referral = props.record.referrals.find((x) => x.partnerTenantId === refused.partnerTenantId);
  const f: FormContext = { ...formContext(props, t, referral), values: refused.values, errors: refused.errors };
  const title = entryTitle(t, props, { name: refused.name, ...(referral && { referral }) });
  const back = `${props.prefix}/complaints/${encodeURIComponent(props.record.id)}`;
  return (
    <Layout
      frame={c.var.frame}
      session={c.var.session}
      title={t('formTitle', { action: title, reference: props.record.reference })}
    >
      {refused.message && (
        <div class="error-summary" role="alert" tabindex={-1}>
          <h2>{t('refusedTitle')}</h2>
          <p>{refused.message}</p>
        </div>
      )}
      <ErrorSummary
        errors={refused.errors}
        locale={props.locale}
        labels={fieldLabels(t, refused.name)}
        scope={formScope(refused.name, referral)}
      />
      {!o.conflict && (
        <div class="action card">
          <ActionForm f={f} name={refused.name} prefix={props.prefix} csrf={props.csrf} submit={title} />
        </div>
      )}
      <p>
        <a href={back}>{t('backToComplaint', { reference: props.record.reference })}</a>
      </p>
    </Layout>
  );
}

/** A datetime-local reading becomes the instant it names where the institution is; anything else is left to the schema. */
function withInstants(values: Record<string, unknown>, name: StaffActionName, timezone: string) {
  const out = structuredClone(values);
  for (const field of WALL_TIME_FIELDS[name] ?? []) {
    const wall = valueAt(out, field);
    if (!wall || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(wall)) continue;
    const path = field.split('.');
    const parent = path.slice(0, -1).reduce((node, k) => node[k] as Record<string, unknown>, out);
    parent[path.at(-1)!] = instantOfWallTime(wall, timezone);
  }
  return out;
}

/** The domain's refusal in the page's language: by its code, its field messages word for word. */
function explain(e: DomainError, t: ActionTranslator): { errors?: FieldErrors; message?: string } {
  const say = (key: string, fallback: string) => {
    const text = t(key as ActionMessage);
    return text === key ? fallback : text;
  };
  const details = Array.isArray(e.details) ? (e.details as { path?: unknown[]; message?: string }[]) : [];
  const errors: FieldErrors = {};
  for (const d of details) {
    if (Array.isArray(d.path) && d.path.length > 0 && d.message)
      errors[d.path.join('.')] ??= say(`field.${d.message}`, d.message);
  }
  if (e.kind === 'invalid' && Object.keys(errors).length > 0) return { errors };
  return { message: say(`refused.${e.code}`, e.message) };
}

const STATUS = { invalid: 400, conflict: 409, rule_violation: 422 } as const;

/**
 * `POST /console/complaints/:id/actions/<name>`, one route per action behind the permission the
 * API's route has: the form is checked with the action's own schema in the page's language, run by
 * the same application function under the version the form was drawn from, then PRG back to the
 * complaint. A refusal shows the form again with 400, 409 or 422.
 */
export function complaintActionRoutes(app: Hono<WebEnv>, p: Platform) {
  for (const a of STAFF_ACTIONS) {
    app.post(`/complaints/:id/actions/${a.name}`, authorize(p.directory, a.permission), (c) => handleAction(c, p, a));
  }
}

async function handleAction(c: Context<WebEnv>, p: Platform, a: StaffAction) {
  const id = c.req.param('id')!;
  const { locale, prefix } = c.var.frame;
  const t = actionMessages(locale);
  const tenant = c.var.tenant;
  const principal = c.var.principal;
  const body = await c.req.parseBody({ all: true });
  const version = Number(body._version);
  const seq = Number(body._seq);
  const partnerTenantId = typeof body._partner === 'string' ? body._partner : undefined;
  if (!Number.isSafeInteger(version) || !Number.isSafeInteger(seq)) return errorPage(c, 400, t('formIncomplete'));

  const values = formToObject(body);
  const input = withInstants(values, a.name, tenant.timezone);
  // A time the complainant was told is required by the API; on the form, blank means now.
  if (a.name === 'feedback' && input.deliveredAt === undefined) input.deliveredAt = p.clock.now().toISOString();

  const refuse = async (status: 400 | 409 | 422, refused: Omit<Refused, 'name' | 'values' | 'partnerTenantId'>) => {
    // Read again (404 for another tenant's id) for the form's choices, but the form keeps the version
    // the person saw: sending it again must not apply to a state they have not seen.
    const props = await actionPanelProps(p, c, await actionableComplaint(p, tenant, id));
    const page = (
      <RefusedPage
        c={c}
        props={{ ...props, record: { ...props.record, version, lastSeq: seq } }}
        refused={{ name: a.name, partnerTenantId, values, ...refused }}
        conflict={status === 409}
      />
    );
    return c.html(page, status);
  };

  const checked = validateForm(a.schema, input, locale);
  if (!checked.ok) return refuse(400, { errors: checked.errors });
  try {
    await runStaffAction(p, tenant, principal, a.name, id, checked.data, { ifMatch: version, partnerTenantId });
  } catch (e) {
    if (!(e instanceof DomainError) || !(e.kind in STATUS)) throw e;
    // The same form sent twice (a double click): the first one did it, so this one has nothing to do.
    const repeat =
      e.code === 'version_conflict' &&
      (await repeatedAction(p, tenant, principal, a.name, id, seq, { partnerTenantId }));
    if (!repeat) return refuse(STATUS[e.kind as keyof typeof STATUS], explain(e, t));
  }
  return c.redirect(`${prefix}/complaints/${encodeURIComponent(id)}?done=${a.name}`, 303);
}
