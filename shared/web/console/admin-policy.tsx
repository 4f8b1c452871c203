import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { type PolicyState, policyState, policyVersions, setPolicyOverride } from '../../application/effective-policy';
import type { Platform } from '../../application/platform';
import { DomainError } from '../../domain/errors';
import {
  type Duration,
  type OverrideViolation,
  type PolicyOverride,
  PolicyOverrideSchema,
  type SlaPolicy,
} from '../../domain/sla';
import { authorize } from '../../http/middleware/authorize';
import type { StoredPolicyVersion } from '../../store/policies-repo';
import { CsrfInput, ErrorSummary, SelectField, TextField } from '../components/forms';
import { type FieldErrors, formToObject, validateForm, valueAt } from '../form-input';
import { formatters, type Locale } from '../i18n/locale';
import type { WebEnv } from '../web-env';
import { ADMIN, AdminLayout, DoneNotice } from './admin-frame';
import { adminMessages } from './admin-messages';

/** The periods an override may tighten, by the names the override and its violations use. */
const RULES = [
  'acknowledgement',
  'decision',
  'extensions.complex',
  'extensions.especially_complex',
  'reviewRequestWindow',
  'reviewDecision',
] as const;
type Rule = (typeof RULES)[number];
const VersionSchema = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

function presetPeriod(policy: SlaPolicy, rule: Rule): Duration | null {
  if (rule === 'extensions.complex') return policy.extensions.complex?.total ?? null;
  if (rule === 'extensions.especially_complex') return policy.extensions.especially_complex?.total ?? null;
  return policy[rule] ?? null;
}

function overrideAmount(o: PolicyOverride, rule: Rule): number | undefined {
  if (rule === 'extensions.complex') return o.extensions?.complex?.amount;
  if (rule === 'extensions.especially_complex') return o.extensions?.especially_complex?.amount;
  return o[rule]?.amount;
}

/** The effective policy, the override and its versions; the override is changed as `PUT /v1/policy` changes it. */
export function adminPolicyRoutes(app: Hono<WebEnv>, p: Platform) {
  const write = authorize(p.directory, 'policy:write');

  const render = async (
    c: Context<WebEnv>,
    o: { errors?: FieldErrors; values?: Record<string, unknown>; status?: 400 | 409 | 422 } = {},
  ) => {
    const [state, versions] = await Promise.all([policyState(p, c.var.tenant), policyVersions(p, c.var.tenant)]);
    return c.html(
      <PolicyPage c={c} state={state} versions={versions} done={c.req.query('done') === 'saved'} {...o} />,
      o.status ?? 200,
    );
  };

  app.get('/admin/policy', write, (c) => render(c));

  app.post('/admin/policy', write, async (c) => {
    const locale = c.var.frame.locale;
    const t = adminMessages(locale);
    const form = formToObject(await c.req.parseBody({ all: true }));
    const { version: rawVersion, ...fields } = form;
    const version = VersionSchema.safeParse(rawVersion);
    if (!version.success) return render(c, { errors: { _form: t('staleTitle') }, values: form, status: 400 });
    const checked = validateForm(PolicyOverrideSchema, asOverrideInput(fields), locale);
    if (!checked.ok) return render(c, { errors: amountErrors(checked.errors), values: form, status: 400 });
    try {
      await setPolicyOverride(p, c.var.tenant, checked.data, version.data);
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      if (e.kind === 'conflict') return render(c, { errors: { _form: t('staleTitle') }, values: form, status: 409 });
      if (e.kind === 'rule_violation' && e.code === 'policy_looser_than_preset') {
        const errors = violationErrors(e.details as OverrideViolation[], locale);
        return render(c, { errors, values: form, status: 422 });
      }
      throw e;
    }
    return c.redirect(`${ADMIN}/policy?done=saved`, 303);
  });
}

/** Numbers typed into the form as numbers, the roll as a boolean; anything else reaches the schema as typed. */
function asOverrideInput(fields: Record<string, unknown>): Record<string, unknown> {
  const number = (v: unknown) => (typeof v === 'string' && Number.isFinite(Number(v)) ? Number(v) : v);
  const walk = (node: unknown): unknown => {
    if (!node || typeof node !== 'object' || Array.isArray(node)) return node;
    return Object.fromEntries(
      Object.entries(node as Record<string, unknown>).map(([k, v]) => [k, k === 'amount' ? number(v) : walk(v)]),
    );
  };
  const out = walk(fields) as Record<string, unknown>;
  if (out.rollToWorkingDay === 'false') out.rollToWorkingDay = false;
  else if (out.rollToWorkingDay === 'true') out.rollToWorkingDay = true;
  return out;
}

/** A schema message about a whole period (`decision`) belongs to its amount field, the only one shown. */
function amountErrors(errors: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [key, message] of Object.entries(errors)) {
    const rule = RULES.find((r) => key === r || key.startsWith(`${r}.`));
    out[rule ? `${rule}.amount` : key === 'rollToWorkingDay' ? key : '_form'] ??= message;
  }
  return out;
}

function violationErrors(violations: OverrideViolation[], locale: Locale): FieldErrors {
  const t = adminMessages(locale);
  const out: FieldErrors = {};
  for (const v of violations) {
    const preset = v.preset && typeof v.preset === 'object' ? durationText(v.preset, locale) : String(v.preset ?? '—');
    const key = v.field === 'rollToWorkingDay' ? v.field : `${v.field}.amount`;
    out[key] ??= t(`violation_${v.reason}`, { preset });
  }
  return out;
}

export function durationText(d: Duration, locale: Locale): string {
  return adminMessages(locale)(`unit_${d.unit}`, { n: d.amount });
}

function PolicyPage(p: {
  c: Context<WebEnv>;
  state: PolicyState;
  versions: StoredPolicyVersion[];
  done?: boolean;
  errors?: FieldErrors;
  values?: Record<string, unknown>;
}) {
  const locale = p.c.var.frame.locale;
  const t = adminMessages(locale);
  const f = formatters(locale, p.c.var.tenant.timezone);
  const { preset, override, effective } = p.state;
  const labels: Record<string, string> = { rollToWorkingDay: t('rule_rollToWorkingDay') };
  for (const r of RULES) labels[`${r}.amount`] = t(`rule_${r}`);
  const period = (d: Duration | null) => (d ? durationText(d, locale) : t('notApplicable'));
  const yesNo = (b: boolean) => (b ? t('yes') : t('no'));
  const typed = (name: string) => (p.values ? valueAt(p.values, name) : undefined);
  return (
    <AdminLayout c={p.c} section="policy" title={t('policyTitle')}>
      <DoneNotice text={p.done ? t('saved') : undefined} />
      <ErrorSummary errors={p.errors} locale={locale} labels={labels} />
      <p class="hint">{t('policyIntro')}</p>
      <section class="card" aria-labelledby="policy-effective">
        <h2 id="policy-effective">{`${preset.id} @ ${preset.version} · ${t('version', { n: p.state.version })}`}</h2>
        <table class="policy">
          <thead>
            <tr>
              <th scope="col">{t('colRule')}</th>
              <th scope="col">{t('colPreset')}</th>
              <th scope="col">{t('colOverride')}</th>
              <th scope="col">{t('colEffective')}</th>
            </tr>
          </thead>
          <tbody>
            {RULES.map((r) => {
              const amount = overrideAmount(override, r);
              const base = presetPeriod(preset, r);
              return (
                <tr>
                  <th scope="row">{t(`rule_${r}`)}</th>
                  <td>{period(base)}</td>
                  <td>{amount !== undefined && base ? period({ amount, unit: base.unit }) : t('noOverride')}</td>
                  <td class={amount !== undefined ? 'overridden' : undefined}>{period(presetPeriod(effective, r))}</td>
                </tr>
              );
            })}
            <tr>
              <th scope="row">{t('rule_rollToWorkingDay')}</th>
              <td>{yesNo(preset.rollToWorkingDay)}</td>
              <td>{override.rollToWorkingDay === undefined ? t('noOverride') : yesNo(override.rollToWorkingDay)}</td>
              <td class={override.rollToWorkingDay !== undefined ? 'overridden' : undefined}>
                {yesNo(effective.rollToWorkingDay)}
              </td>
            </tr>
          </tbody>
        </table>
      </section>

      <section class="card" aria-labelledby="policy-edit">
        <h2 id="policy-edit">{t('overrideEdit')}</h2>
        <p class="hint">{t('overrideHint')}</p>
        <form method="post" action={`${ADMIN}/policy`} id="f-_form" tabindex={-1} novalidate>
          <CsrfInput token={p.c.var.session.csrf} />
          <input type="hidden" name="version" value={String(p.state.version)} />
          <div class="policy-fields">
            {RULES.filter((r) => presetPeriod(preset, r) !== null).map((r) => {
              const name = `${r}.amount`;
              const stored = overrideAmount(override, r);
              const base = presetPeriod(preset, r)!;
              return (
                <TextField
                  name={name}
                  label={t(`rule_${r}`)}
                  hint={`${t('colPreset')}: ${durationText(base, locale)}`}
                  type="number"
                  errors={p.errors}
                  value={p.values ? typed(name) : stored === undefined ? undefined : String(stored)}
                />
              );
            })}
            <SelectField
              name="rollToWorkingDay"
              label={t('rule_rollToWorkingDay')}
              errors={p.errors}
              options={[
                { value: '', label: t('rollKeep') },
                { value: 'false', label: t('rollOff') },
              ]}
              value={p.values ? typed('rollToWorkingDay') : override.rollToWorkingDay === false ? 'false' : ''}
            />
          </div>
          <button type="submit">{t('saveOverride')}</button>
        </form>
      </section>

      <section class="card" aria-labelledby="policy-versions">
        <h2 id="policy-versions">{t('versionsTitle')}</h2>
        <p class="notice">{t('pinnedNote')}</p>
        {p.versions.length === 0 ? (
          <p>{t('versionsNone')}</p>
        ) : (
          <table class="policy-versions">
            <thead>
              <tr>
                <th scope="col">{t('colRevision')}</th>
                <th scope="col">{t('colPresetVersion')}</th>
                <th scope="col">{t('colSummary')}</th>
                <th scope="col">{t('colCreated')}</th>
              </tr>
            </thead>
            <tbody>
              {p.versions.map((v) => {
                const current = v.revision === p.state.version && v.policy.version === effective.version;
                return (
                  <tr>
                    <td>
                      {v.revision} {current && <span class="badge ok">{t('current')}</span>}
                    </td>
                    <td>{`${v.policy.id} @ ${v.policy.version}`}</td>
                    <td>{`${durationText(v.policy.acknowledgement, locale)} / ${durationText(v.policy.decision, locale)}`}</td>
                    <td>
                      <time datetime={v.createdAt}>{f.dateTime(v.createdAt)}</time>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
    </AdminLayout>
  );
}
