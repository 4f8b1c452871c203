import type { Context, Hono } from 'hono';
import { registerComplaint } from '../../application/intake';
import { complaintFiledWith, repeatBeforeIntake } from '../../application/intake-repeat';
import type { Platform } from '../../application/platform';
import { tenantUnits } from '../../application/tenant-settings';
import { IntakeSchema } from '../../domain/complaint/intake-schema';
import { DomainError } from '../../domain/errors';
import { type Channel, ChannelSchema, taxonomyFor } from '../../domain/taxonomy';
import { authorize } from '../../http/middleware/authorize';
import { Layout } from '../components/layout';
import { localInputToIso } from '../datetime-local';
import { type FieldErrors, formToObject, validateForm } from '../form-input';
import { newFormKey, refusalErrors, submittedFormKey } from '../form-submission';
import type { WebEnv } from '../web-env';
import { ChannelPicker, CONFIRM_REPEAT, IntakeForm, type IntakeFormState } from './intake-form';
import { intakeMessages, intakeRefusal } from './intake-messages';

const channelOf = (v: unknown): Channel => ChannelSchema.safeParse(v).data ?? 'phone';

async function render(c: Context<WebEnv>, p: Platform, state: IntakeFormState, status: 200 | 400 | 422 = 200) {
  const { locale, prefix } = c.var.frame;
  const tenant = c.var.tenant;
  const taxonomy = taxonomyFor(tenant.kind);
  return c.html(
    <Layout frame={c.var.frame} session={c.var.session} title={intakeMessages(locale)('title')}>
      <ChannelPicker current={state.channel} locale={locale} prefix={prefix} taxonomy={taxonomy} />
      <IntakeForm
        state={state}
        csrf={c.var.session.csrf}
        locale={locale}
        prefix={prefix}
        timeZone={tenant.timezone}
        repeatWindowDays={tenant.repeatWindowDays}
        taxonomy={taxonomy}
        units={await tenantUnits(p, tenant)}
      />
    </Layout>,
    status,
  );
}

/**
 * What the form sends, as the API's body: the receipt time read in the institution's zone, and an
 * amount's currency dropped when no amount was typed (the currency picker always has a value).
 */
function intakeBody(values: Record<string, unknown>, timeZone: string): Record<string, unknown> {
  const body = structuredClone(values);
  if (typeof body.receivedAt === 'string') body.receivedAt = localInputToIso(body.receivedAt, timeZone);
  const amount = body.amountInDispute as Record<string, unknown> | undefined;
  if (amount && amount.amount === undefined) delete body.amountInDispute;
  return body;
}

/**
 * `/console/intake`: the desk's registration form on any channel. A first submit of a complaint by
 * someone who complained of the same category lately shows the repeat warning and saves nothing;
 * "register anyway" sends the same form (and key) back confirmed. The key drawn when the form was
 * first shown is the Idempotency-Key, so however often the form goes off, one complaint is filed.
 */
export function intakePage(app: Hono<WebEnv>, p: Platform) {
  app.get('/intake', authorize(p.directory, 'complaint:create'), (c) =>
    render(c, p, { channel: channelOf(c.req.query('channel')), values: {}, key: newFormKey() }),
  );

  app.post('/intake', authorize(p.directory, 'complaint:create'), async (c) => {
    const { locale, prefix } = c.var.frame;
    const t = intakeMessages(locale);
    const tenant = c.var.tenant;
    const form = await c.req.parseBody({ all: true });
    const values = formToObject(form);
    const channel = channelOf(values.channel);
    const key = submittedFormKey(form);
    const refuse = (errors: FieldErrors, status: 400 | 422 = 400) =>
      render(c, p, { channel, values, errors, key: key ?? newFormKey() }, status);
    if (!key) return refuse({ _form: t('formExpired') });

    const checked = validateForm(IntakeSchema, intakeBody(values, tenant.timezone), locale);
    if (!checked.ok) {
      const say = intakeRefusal(locale);
      return refuse(Object.fromEntries(Object.entries(checked.errors).map(([k, m]) => [k, say(m)])));
    }
    const repeat = await repeatBeforeIntake(p, tenant, checked.data, key);
    if (repeat && form[CONFIRM_REPEAT] !== repeat.id) return render(c, p, { channel, values, key, repeat });

    try {
      const { complaint } = await registerComplaint(p, tenant, c.var.principal, checked.data, key);
      return c.redirect(`${prefix}/complaints/${encodeURIComponent(complaint.id)}`, 303);
    } catch (e) {
      if (e instanceof DomainError && e.code === 'idempotency_key_reused') return alreadyFiled(c, p, key);
      const errors = refusalErrors(e, undefined, intakeRefusal(locale));
      if (errors) return refuse(errors);
      throw e;
    }
  });
}

/** The form was filed and then sent again changed (the back button): say so, and where the complaint is. */
async function alreadyFiled(c: Context<WebEnv>, p: Platform, key: string) {
  const { locale, prefix } = c.var.frame;
  const t = intakeMessages(locale);
  const id = await complaintFiledWith(p, c.var.tenant, key);
  return c.html(
    <Layout frame={c.var.frame} session={c.var.session} title={t('title')}>
      <p class="notice" role="alert">
        {t('alreadyFiled')}
      </p>
      <ul>
        {id && (
          <li>
            <a href={`${prefix}/complaints/${encodeURIComponent(id)}`}>{t('openFiled')}</a>
          </li>
        )}
        <li>
          <a href={`${prefix}/intake`}>{t('newForm')}</a>
        </li>
      </ul>
    </Layout>,
    422,
  );
}
