import type { Context } from 'hono';
import { z } from 'zod';
import { tenantsWithTables } from '../../application/tenant-list';
import type { Principal } from '../../auth/principal';
import { TextSchema } from '../../domain/text';
import { CsrfInput } from '../components/forms';
import { errorPage } from '../error-page';
import { formToObject } from '../form-input';
import type { WebEnv } from '../web-env';
import type { SignInMethod } from '../web-surface';
import { authMessages } from './auth-messages';

/**
 * The local runtime's development identities as a form: an institution, grants and a user id make a
 * session at once. Offered and accepted only where `allowed` says the request comes from this
 * machine: whoever reaches it can become anyone.
 */
export function devSignIn(o: { issuer: string; allowed: (c: Context<WebEnv>) => boolean }): SignInMethod {
  return {
    async render(c, ctx, formToken) {
      if (!o.allowed(c)) return undefined;
      const t = authMessages(c.var.frame.locale);
      const tenants = ctx.surface.audience === 'console' ? await tenantsWithTables(ctx.platform) : [];
      const back = c.req.query('return') ?? '';
      return (
        <section class="card" aria-labelledby="dev-title">
          <h2 id="dev-title">{t('devTitle')}</h2>
          <p class="hint">{t('devHint')}</p>
          <form method="post" action={`${ctx.surface.prefix}/sign-in/dev`}>
            <CsrfInput token={formToken} />
            <input type="hidden" name="return" value={back} />
            {ctx.surface.audience === 'console' &&
              (tenants.length === 0 ? (
                <p>{t('noTenants')}</p>
              ) : (
                <div class="field">
                  <label for="dev-tenant">{t('institution')}</label>
                  <select id="dev-tenant" name="tenantId" required>
                    {tenants.map((x) => (
                      <option value={x.id}>{`${x.name} (${x.id})`}</option>
                    ))}
                  </select>
                </div>
              ))}
            <fieldset>
              <legend>{t('grants')}</legend>
              {ctx.surface.devGrants.map((g) => (
                <label class="check">
                  <input type="checkbox" name="grants[]" value={g} />
                  {t(`grant_${g}` as 'grant_intake')}
                </label>
              ))}
            </fieldset>
            <div class="field">
              <label for="dev-sub">{t('user')}</label>
              <input id="dev-sub" name="sub" value="dev-user" required autocomplete="username" />
            </div>
            <button type="submit">{t('continue')}</button>
          </form>
        </section>
      );
    },
    register(app, ctx) {
      const Form = z.object({
        tenantId: z.string().min(1).max(64).optional(),
        grants: z.array(z.enum(ctx.surface.devGrants as [string, ...string[]])).min(1),
        sub: TextSchema.min(1).max(200),
        return: z.string().max(2000).optional(),
      });
      app.post('/sign-in/dev', async (c) => {
        if (!o.allowed(c)) return errorPage(c, 403, 'development sign-in answers only on this machine');
        const parsed = Form.safeParse(formToObject(await c.req.parseBody({ all: true })));
        if (!parsed.success) return errorPage(c, 400, authMessages(c.var.frame.locale)('invalidDev'));
        const { tenantId, grants, sub } = parsed.data;
        if (ctx.surface.audience === 'console') {
          const tenant = tenantId ? await ctx.platform.tenants.get(tenantId) : undefined;
          if (!tenant) return errorPage(c, 400, authMessages(c.var.frame.locale)('invalidDev'));
        }
        const principal: Principal = {
          sub,
          roles: grants,
          issuer: o.issuer,
          ...(ctx.surface.audience === 'console' && tenantId && { tenantId }),
        };
        return ctx.startSession(c, principal, parsed.data.return);
      });
    },
  };
}
